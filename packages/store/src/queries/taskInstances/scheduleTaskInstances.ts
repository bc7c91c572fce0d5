// scheduleTaskInstances: marks task instances whose dependencies are met as `scheduled`.
// Airflow counts a try when it schedules: try_number += 1 from no status or up_for_retry, not
// from up_for_reschedule (a rescheduled sensor continues the same try).
//   locks:   the updated `task_instance` rows (one statement)
//   writes:  state scheduled, try_number, scheduled_dttm = now — only for task instances whose
//            state is null, up_for_retry or up_for_reschedule (compare-and-set) and whose run
//            is running
//   returns: the scheduled task instances (with their try_number), in input order
import {
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
  taskInstanceKeysJson,
} from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";

/** Input of scheduleTaskInstances. */
export interface ScheduleTaskInstancesInput {
  readonly keys: readonly TaskInstanceKey[];
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** Moves schedulable task instances to `scheduled`; others are left untouched. */
export async function scheduleTaskInstances(
  client: SqlClient,
  input: ScheduleTaskInstancesInput,
): Promise<TaskInstanceRow[]> {
  if (input.keys.length === 0) return [];
  const result = await client.query(
    `with k as (
       select * from jsonb_to_recordset($1::jsonb)
         as k(dag_id text, run_id text, task_id text, map_index int, ord int)
     )
     update task_instance ti set state = 'scheduled', updated_at = now(),
       try_number = case when ti.state = 'up_for_reschedule' then ti.try_number
         else ti.try_number + 1 end,
       scheduled_dttm = coalesce($2::timestamptz, now())
     from k, dag_run r
     where ti.dag_id = k.dag_id and ti.run_id = k.run_id and ti.task_id = k.task_id
       and ti.map_index = k.map_index
       and (ti.state is null or ti.state in ('up_for_retry', 'up_for_reschedule'))
       and r.dag_id = ti.dag_id and r.run_id = ti.run_id and r.state = 'running'
     returning ti.*, k.ord`,
    [taskInstanceKeysJson(input.keys), input.now ?? null],
  );
  return result.rows
    .sort((a, b) => Number(a.ord) - Number(b.ord))
    .map((row) => taskInstanceFromRow(row));
}
