// heartbeatTaskInstance: a running try says it is alive. When this returns false the try is no
// longer the task instance's running try (finished, cleared → restarting, failed as a zombie,
// or superseded) and the worker should stop it.
//   locks:   the `task_instance` row (one statement)
//   writes:  last_heartbeat_at = now — only if state = 'running' and try_number = tryNumber
//   returns: true when the heartbeat was recorded
import type { TaskInstanceKey } from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";

/** Input of heartbeatTaskInstance. */
export interface HeartbeatTaskInstanceInput extends TaskInstanceKey {
  readonly tryNumber: number;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** Records a heartbeat of the running try; false when it is not running with that try. */
export async function heartbeatTaskInstance(
  client: SqlClient,
  input: HeartbeatTaskInstanceInput,
): Promise<boolean> {
  const result = await client.query(
    `update task_instance set last_heartbeat_at = coalesce($6::timestamptz, now())
     where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4
       and state = 'running' and try_number = $5`,
    [input.dagId, input.runId, input.taskId, input.mapIndex, input.tryNumber, input.now ?? null],
  );
  return result.rowCount > 0;
}
