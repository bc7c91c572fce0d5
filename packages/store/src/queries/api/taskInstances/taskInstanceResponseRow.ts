// The row the REST API builds a TaskInstanceResponse from: the `task_instance` row plus what it
// does not hold itself — its run's dates, the DAG's display name and the task's operator name
// (both kept in the serialized DAG) and the rendered template fields of the try.
import type { TaskInstanceRow } from "../../../rows/taskInstanceRow";
import { taskInstanceFromRow } from "../../../rows/taskInstanceRow";
import type { Row } from "../../../sqlClient";

/** A task instance as the API shows it. */
export interface TaskInstanceResponseRow extends TaskInstanceRow {
  /** The run's logical date (null for runs without one). */
  readonly logicalDate: Date | null;
  readonly runAfter: Date;
  /** The serialized DAG's dag_display_name, or the dag_id when none is stored. */
  readonly dagDisplayName: string;
  /** The serialized task's operator_name, or null when the task is gone from the DAG. */
  readonly operatorName: string | null;
  /** rendered_task_instance_fields of the task instance, {} when none were stored. */
  readonly renderedFields: Readonly<Record<string, unknown>>;
}

/**
 * The display name of the DAG of the row aliased `alias`, given `serialized_dag` aliased `sd`
 * (left joined). This and operatorNameSql are constant SQL fragments, never values.
 */
export const dagDisplayNameSql = (alias: string): string =>
  `coalesce(sd.data #>> '{dag,dag_display_name}', ${alias}.dag_id)`;

/** The serialized task's operator_name (a scalar subquery over the DAG's tasks). */
export const operatorNameSql = (alias: string): string => `(
  select t->>'operator_name' from jsonb_array_elements(sd.data #> '{dag,tasks}') t
  where t->>'task_id' = ${alias}.task_id limit 1)`;

/** Maps a row holding the `task_instance` columns and the extra columns named above. */
export function taskInstanceResponseFromRow(row: Row): TaskInstanceResponseRow {
  return {
    ...taskInstanceFromRow(row),
    logicalDate: (row.logical_date as Date | null) ?? null,
    runAfter: row.run_after as Date,
    dagDisplayName: row.dag_display_name as string,
    operatorName: (row.operator_name as string | null) ?? null,
    renderedFields: (row.rendered_fields as Record<string, unknown> | null) ?? {},
  };
}
