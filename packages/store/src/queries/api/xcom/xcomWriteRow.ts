// The row an XCom write through the REST API answers with: the XCom with its value and its run's
// dates (XComResponseNative names them).
import { type XcomListEntryRow, xcomFromRow, xcomListEntryFromRow } from "../../../rows/xcomRow";
import type { Row } from "../../../sqlClient";

/** An XCom with its value, logical_date and run_after. */
/** What an XCom write through the API names: the entry's identity and its new value. */
export interface XcomEntryWrite {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  readonly mapIndex: number;
  readonly key: string;
  /** The value's JSON text. */
  readonly valueJson: string;
}

export interface XcomWriteRow extends XcomListEntryRow {
  /** The value, parsed from JSON. */
  readonly value: unknown;
}

/** Maps an `xcom` row joined with its run's logical_date and run_after. */
export const xcomWriteFromRow = (row: Row): XcomWriteRow => ({
  ...xcomListEntryFromRow(row),
  value: xcomFromRow(row).value,
});

/**
 * The answer of a write CTE `written` (returning xcom columns) beside the run `r` it belongs to.
 * Constant SQL.
 */
export const WRITTEN_WITH_RUN_DATES = `select w.dag_id, w.run_id, w.task_id, w.map_index, w.key,
    w.value, w.timestamp, r.logical_date, r.run_after
  from written w join dag_run r on r.id = w.dag_run_id`;
