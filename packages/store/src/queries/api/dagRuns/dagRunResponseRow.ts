// The row the REST API builds a DAGRunResponse from: the `dag_run` row plus what `dag_run` does
// not hold, the DAG's display name (kept in the serialized DAG, read by one JSON path).
import { type DagRunRow, dagRunFromRow } from "../../../rows/dagRunRow";
import type { Row } from "../../../sqlClient";

/** A DAG run as the API shows it. */
export interface DagRunResponseRow extends DagRunRow {
  /** The serialized DAG's dag_display_name, or the dag_id when it was never serialized. */
  readonly dagDisplayName: string;
}

/**
 * The display name of the run aliased `r`'s DAG, given `serialized_dag` aliased `sd` (left
 * joined). A constant SQL fragment, never a value.
 */
export const RUN_DAG_DISPLAY_NAME_SQL = `coalesce(sd.data #>> '{dag,dag_display_name}', r.dag_id)`;

/** Maps a row holding the `dag_run` columns and `dag_display_name`. */
export function dagRunResponseFromRow(row: Row): DagRunResponseRow {
  return {
    ...dagRunFromRow(row),
    dagDisplayName: (row.dag_display_name as string | null) ?? (row.dag_id as string),
  };
}
