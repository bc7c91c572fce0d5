// The `xcom` row in camelCase: the one place its snake_case columns are mapped.
import type { Row } from "../sqlClient";

/** An XCom without its value, as the REST list shows it (Airflow's XComResponse). */
export interface XcomEntryRow {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** -1 for an unmapped task. */
  readonly mapIndex: number;
  readonly key: string;
  /** When the value was (last) pushed. */
  readonly timestamp: Date;
}

/** An XCom list entry with its run's dates, as the REST list needs them. */
export interface XcomListEntryRow extends XcomEntryRow {
  /** null for runs without a logical date. */
  readonly logicalDate: Date | null;
  readonly runAfter: Date;
}

/** An XCom with its JSON value. */
export interface XcomRow extends XcomEntryRow {
  /** The pushed value, parsed from JSON (null when null was pushed). */
  readonly value: unknown;
}

/** Maps an `xcom` row without its value. */
export function xcomEntryFromRow(row: Row): XcomEntryRow {
  return {
    dagId: row.dag_id as string,
    runId: row.run_id as string,
    taskId: row.task_id as string,
    mapIndex: Number(row.map_index),
    key: row.key as string,
    timestamp: row.timestamp as Date,
  };
}

/** Maps an `xcom` row joined with its run's logical_date and run_after. */
export function xcomListEntryFromRow(row: Row): XcomListEntryRow {
  return {
    ...xcomEntryFromRow(row),
    logicalDate: row.logical_date as Date | null,
    runAfter: row.run_after as Date,
  };
}

/** Maps an `xcom` row with its value. */
export function xcomFromRow(row: Row): XcomRow {
  return { ...xcomEntryFromRow(row), value: row.value ?? null };
}
