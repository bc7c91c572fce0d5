// setRenderedTaskInstanceFields: stores the template fields a try rendered (Airflow's
// RenderedTaskInstanceFields), so the UI can show what actually ran. The last try wins.
//   writes:  upserts `rendered_task_instance_fields` on (dag_id, run_id, task_id, map_index)
//   locks:   the row; key-share lock on the dag_run row (foreign key) until commit
//   returns: nothing; NOT_FOUND when the DAG run does not exist
import { hasErrorCode } from "@updraft/sdk";
import type { SqlClient } from "../../sqlClient";
import { StoreError } from "../../storeError";

/** Input of setRenderedTaskInstanceFields. */
export interface SetRenderedTaskInstanceFieldsInput {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** @default -1 */
  readonly mapIndex?: number;
  /** Field name → rendered value; must be JSON-serialisable (secrets already masked). */
  readonly renderedFields: Readonly<Record<string, unknown>>;
}

/** Upserts the rendered template fields of one task instance. */
export async function setRenderedTaskInstanceFields(
  client: SqlClient,
  input: SetRenderedTaskInstanceFieldsInput,
): Promise<void> {
  let json: string;
  try {
    json = JSON.stringify(input.renderedFields);
  } catch (error) {
    throw new StoreError(
      "INVALID_INPUT",
      `renderedFields of ${input.taskId}: expected a JSON-serialisable object (${String(error)})`,
      { cause: error },
    );
  }
  try {
    await client.query(
      `insert into rendered_task_instance_fields (dag_id, run_id, task_id, map_index,
         rendered_fields)
       values ($1, $2, $3, $4, $5::jsonb)
       on conflict (dag_id, run_id, task_id, map_index)
         do update set rendered_fields = excluded.rendered_fields`,
      [input.dagId, input.runId, input.taskId, input.mapIndex ?? -1, json],
    );
  } catch (error) {
    if (hasErrorCode(error, "23503"))
      throw new StoreError(
        "NOT_FOUND",
        `setRenderedTaskInstanceFields: DAG run ${input.dagId}/${input.runId} does not exist`,
        { details: { dagId: input.dagId, runId: input.runId }, cause: error },
      );
    throw error;
  }
}
