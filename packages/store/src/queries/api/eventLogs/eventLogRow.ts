// The row the REST API builds an EventLogResponse from: the `log` row (Airflow's audit log) in
// camelCase, with the display name of its DAG — the one place these columns are mapped.
import type { Row } from "../../../sqlClient";

/** One audit log entry as the API shows it. */
export interface EventLogRow {
  readonly id: number;
  /** When it happened (Airflow's `when`). */
  readonly dttm: Date;
  readonly dagId: string | null;
  readonly taskId: string | null;
  readonly runId: string | null;
  readonly mapIndex: number | null;
  readonly tryNumber: number | null;
  readonly event: string;
  /** Who did it: a username, or "anonymous". */
  readonly owner: string | null;
  /** What was asked, as JSON text with its secrets masked (or free text). */
  readonly extra: string | null;
  /** The DAG's display name while the DAG exists; null without one (as Airflow's relation). */
  readonly dagDisplayName: string | null;
}

/**
 * Columns a page of `log` rows (aliased `p`) needs beyond its own, and their joins: the display
 * name of an existing DAG. Constant SQL fragments, never values.
 */
export const EVENT_LOG_DISPLAY_COLUMNS = `case when d.dag_id is null then null
  else coalesce(sd.data #>> '{dag,dag_display_name}', d.dag_id) end as dag_display_name`;
export const eventLogDisplayJoins = (alias: string): string =>
  `left join dag d on d.dag_id = ${alias}.dag_id
   left join serialized_dag sd on sd.dag_id = ${alias}.dag_id`;

const optionalInt = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** Maps a `log` row holding `dag_display_name`. */
export function eventLogFromRow(row: Row): EventLogRow {
  return {
    id: Number(row.id),
    dttm: row.dttm as Date,
    dagId: row.dag_id as string | null,
    taskId: row.task_id as string | null,
    runId: row.run_id as string | null,
    mapIndex: optionalInt(row.map_index),
    tryNumber: optionalInt(row.try_number),
    event: row.event as string,
    owner: row.owner as string | null,
    extra: row.extra as string | null,
    dagDisplayName: row.dag_display_name as string | null,
  };
}
