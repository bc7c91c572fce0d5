// startTaskInstance: a worker takes a queued try (queued → running). The guard that one try
// never runs twice at once: only the try that was queued, and only once.
//   locks:   the `task_instance` row (one statement)
//   writes:  state running, start_date = last_heartbeat_at = now, end_date/duration cleared,
//            hostname, unixname, pid — only if state = 'queued' and try_number = tryNumber
//   returns: the running task instance, or null when it was not queued with that try
import {
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
} from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";

/** Input of startTaskInstance. */
export interface StartTaskInstanceInput extends TaskInstanceKey {
  /** The try the worker was handed; it must be the task instance's current try. */
  readonly tryNumber: number;
  readonly hostname: string;
  readonly pid: number | null;
  /** The OS user running the task. @default null */
  readonly unixname?: string | null;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** The queued → running compare-and-set, `returning *` (startTries does it for many). */
const START_TRY_SQL = `update task_instance set state = 'running', updated_at = now(),
    start_date = coalesce($8::timestamptz, now()), last_heartbeat_at = coalesce($8::timestamptz, now()),
    end_date = null, duration = null, hostname = $6, pid = $7, unixname = $9
  where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4
    and state = 'queued' and try_number = $5
  returning *`;

function startTryParams(input: StartTaskInstanceInput): unknown[] {
  return [
    input.dagId,
    input.runId,
    input.taskId,
    input.mapIndex,
    input.tryNumber,
    input.hostname,
    input.pid,
    input.now ?? null,
    input.unixname ?? null,
  ];
}

/** Moves the task instance from queued to running for this try, or returns null. */
export async function startTaskInstance(
  client: SqlClient,
  input: StartTaskInstanceInput,
): Promise<TaskInstanceRow | null> {
  const result = await client.query(START_TRY_SQL, startTryParams(input));
  const row = result.rows[0];
  return row === undefined ? null : taskInstanceFromRow(row);
}
