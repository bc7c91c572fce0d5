// taskInstanceChanges: the task instances of one run changed after a point in time — what a
// live view of the run has not seen yet.
//   reads:   `task_instance` of (dag_id, run_id) (unique key task_instance_key), updated_at > since
//   locks:   none
//   returns: the changed instances, ordered by updated_at, task_id, map_index
import type { SqlClient } from "../../../sqlClient";

/** What a live view shows of a task instance. */
export interface TaskInstanceChange {
  readonly taskId: string;
  readonly mapIndex: number;
  readonly state: string | null;
  readonly tryNumber: number;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
  readonly duration: number | null;
  readonly updatedAt: Date;
  /** updated_at in microseconds since the epoch: the exact cursor (a Date keeps milliseconds). */
  readonly updatedMicros: string;
}

/** Instances of the run changed after `sinceMicros` (an updatedMicros; all of them when null). */
export async function taskInstanceChanges(
  client: SqlClient,
  input: { readonly dagId: string; readonly runId: string; readonly sinceMicros: string | null },
): Promise<TaskInstanceChange[]> {
  const result = await client.query<{
    task_id: string;
    map_index: number;
    state: string | null;
    try_number: number;
    start_date: Date | null;
    end_date: Date | null;
    duration: number | null;
    updated_at: Date;
    updated_us: string;
  }>(
    `select task_id, map_index, state, try_number, start_date, end_date, duration, updated_at,
       ((extract(epoch from updated_at) * 1000000)::bigint)::text as updated_us
     from task_instance
     where dag_id = $1 and run_id = $2
       and ($3::bigint is null
         or updated_at > timestamptz 'epoch' + $3::bigint * interval '1 microsecond')
     order by updated_at, task_id, map_index`,
    [input.dagId, input.runId, input.sinceMicros],
  );
  return result.rows.map((row) => ({
    taskId: row.task_id,
    mapIndex: row.map_index,
    state: row.state,
    tryNumber: row.try_number,
    startDate: row.start_date,
    endDate: row.end_date,
    duration: row.duration,
    updatedAt: row.updated_at,
    updatedMicros: row.updated_us,
  }));
}
