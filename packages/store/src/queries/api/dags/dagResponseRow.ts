// The row the REST API builds a DAGResponse from: the `dag` row with its tags, plus what the
// `dag` table does not hold — the display name (kept in the serialized DAG) — and the
// has_task_concurrency_limits flag (a generated column DagRow leaves out).
import { type DagRow, dagFromRow } from "../../../rows/dagRow";
import type { Row } from "../../../sqlClient";

/** A DAG as the API lists it. */
export interface DagResponseRow extends DagRow {
  /** The serialized DAG's dag_display_name, or the dag_id when it was never serialized. */
  readonly dagDisplayName: string;
  readonly hasTaskConcurrencyLimits: boolean;
  /** Whether a serialized DAG is stored (the API answers 404 for a DAG without one). */
  readonly isSerialized: boolean;
}

/**
 * The display name of the DAG aliased `d`, given `serialized_dag` aliased `sd` (left joined).
 * A constant SQL fragment, never a value.
 */
export const DAG_DISPLAY_NAME_SQL = `coalesce(sd.data #>> '{dag,dag_display_name}', d.dag_id)`;

/** Tag names of the DAG aliased `alias`, sorted; a constant SQL fragment. */
export const dagTagsSql = (alias: string): string => `coalesce(
  (select array_agg(t.name order by t.name) from dag_tag t where t.dag_id = ${alias}.dag_id),
  '{}'::text[])`;

/** Maps a row holding the `dag` columns, `tags`, `dag_display_name` and `is_serialized`. */
export function dagResponseFromRow(row: Row): DagResponseRow {
  return {
    ...dagFromRow(row),
    dagDisplayName: row.dag_display_name as string,
    hasTaskConcurrencyLimits: row.has_task_concurrency_limits === true,
    isSerialized: row.is_serialized === true,
  };
}
