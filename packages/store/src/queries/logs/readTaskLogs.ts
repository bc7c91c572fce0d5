// readTaskLogs: one page of a task instance try's log lines, after a continuation token.
//   reads:   `task_log` of (dag_id, run_id, task_id, map_index, try_number) with id > afterId
//   locks:   none
//   returns: { lines (ordered by id), continuationToken: the last id read, or afterId (null
//            when nothing was ever read) }
import { type TaskLogRow, taskLogFromRow } from "../../rows/taskLogRow";
import type { SqlClient } from "../../sqlClient";

/** Input of readTaskLogs. */
export interface ReadTaskLogsInput {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** @default -1 */
  readonly mapIndex?: number;
  readonly tryNumber: number;
  /** The continuation token of the previous page; from the first line when omitted. */
  readonly afterId?: number | null;
  /** @default 1000 */
  readonly limit?: number;
}

/** One page of log lines. */
export interface TaskLogsPage {
  readonly lines: TaskLogRow[];
  /** Pass as afterId to read what comes next (the same value again when nothing was new). */
  readonly continuationToken: number | null;
}

/** Reads log lines of one try in insertion order. */
export async function readTaskLogs(
  client: SqlClient,
  input: ReadTaskLogsInput,
): Promise<TaskLogsPage> {
  const result = await client.query(
    `select id, dag_id, run_id, task_id, map_index, try_number, timestamp, level, message
     from task_log
     where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4
       and try_number = $5 and id > $6
     order by id
     limit $7`,
    [
      input.dagId,
      input.runId,
      input.taskId,
      input.mapIndex ?? -1,
      input.tryNumber,
      input.afterId ?? 0,
      input.limit ?? 1000,
    ],
  );
  const lines = result.rows.map(taskLogFromRow);
  const last = lines[lines.length - 1];
  return { lines, continuationToken: last?.id ?? input.afterId ?? null };
}
