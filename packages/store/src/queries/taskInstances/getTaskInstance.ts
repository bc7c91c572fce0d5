// getTaskInstance: one task instance by its key.
//   locks:   nothing
//   returns: the task instance, or null when there is none
import {
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
} from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";

/** Reads one task instance by (dag_id, run_id, task_id, map_index). */
export async function getTaskInstance(
  client: SqlClient,
  key: TaskInstanceKey,
): Promise<TaskInstanceRow | null> {
  const result = await client.query(
    `select * from task_instance
     where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4`,
    [key.dagId, key.runId, key.taskId, key.mapIndex],
  );
  const row = result.rows[0];
  return row === undefined ? null : taskInstanceFromRow(row);
}
