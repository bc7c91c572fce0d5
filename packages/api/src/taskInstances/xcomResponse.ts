// XComResponse (a list entry, without its value) and XComResponseNative / XComResponseString (one
// entry with its value) as Airflow 3 writes them. Values are stored as JSON, so "native" is the
// value itself and the string form is its JSON text (a string value is given as is, as Python's
// str() would).
import type { XcomEntryRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";

/** The run dates and DAG display name an XCom response names. */
export interface XcomContext {
  readonly logicalDate: Date | null;
  readonly runAfter: Date;
  readonly dagDisplayName: string;
}

/** The JSON body of an XCom entry without its value. */
export function xcomResponse(x: XcomEntryRow, c: XcomContext): Record<string, unknown> {
  return {
    key: x.key,
    timestamp: apiDate(x.timestamp),
    logical_date: apiDate(c.logicalDate),
    map_index: x.mapIndex,
    task_id: x.taskId,
    dag_id: x.dagId,
    run_id: x.runId,
    dag_display_name: c.dagDisplayName,
    task_display_name: x.taskId,
    run_after: apiDate(c.runAfter),
  };
}

/** The value as XComResponseString gives it. */
export const stringifiedValue = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : typeof value === "string"
      ? value
      : JSON.stringify(value);
