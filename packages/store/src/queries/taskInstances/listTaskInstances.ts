// listTaskInstances: the task instances of one run.
//   locks:   nothing
//   returns: task instances ordered by task_id, map_index
import { type TaskInstanceRow, taskInstanceFromRow } from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";

/** Lists every task instance of a DAG run. */
export async function listTaskInstances(
  client: SqlClient,
  input: { dagId: string; runId: string },
): Promise<TaskInstanceRow[]> {
  const result = await client.query(
    `select * from task_instance where dag_id = $1 and run_id = $2
     order by task_id, map_index`,
    [input.dagId, input.runId],
  );
  return result.rows.map(taskInstanceFromRow);
}
