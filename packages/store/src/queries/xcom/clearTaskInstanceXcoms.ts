// clearTaskInstanceXcoms: deletes a task instance's XComs, as Airflow does when a try starts.
//   writes:  deletes the `xcom` rows of (dag_id, run_id, task_id, map_index)
//   locks:   the deleted rows until commit
//   returns: how many XComs were deleted (0 when none, or when the run does not exist)
import type { SqlClient } from "../../sqlClient";

/** Input of clearTaskInstanceXcoms. */
export interface ClearTaskInstanceXcomsInput {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** @default -1 */
  readonly mapIndex?: number;
}

/** Deletes every XCom of one task instance; returns the number deleted. */
export async function clearTaskInstanceXcoms(
  client: SqlClient,
  input: ClearTaskInstanceXcomsInput,
): Promise<number> {
  const result = await client.query(
    `delete from xcom
     where dag_run_id = (select id from dag_run where dag_id = $1 and run_id = $2)
       and task_id = $3 and map_index = $4`,
    [input.dagId, input.runId, input.taskId, input.mapIndex ?? -1],
  );
  return result.rowCount;
}
