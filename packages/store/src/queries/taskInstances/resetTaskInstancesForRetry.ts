// resetTaskInstancesForRetry: up_for_retry task instances whose retry is due go back to
// `scheduled` as their next try (try_number + 1, Airflow counts the try when scheduling).
// Only runs that are running, of unpaused DAGs; a missing next_retry_at counts as due.
//   locks:   the due `task_instance` rows FOR UPDATE SKIP LOCKED (one statement), so two
//            schedulers never both move (and count) the same retry
//   writes:  state scheduled, try_number + 1, scheduled_dttm = now (compare-and-set on
//            up_for_retry); the superseded try's `task_instance_history` row when it has none
//            yet (a try handed back after a clear while it ran ended without an outcome row)
//   returns: the rescheduled task instances, earliest next_retry_at first
import { type TaskInstanceRow, taskInstanceFromRow } from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";
import { HISTORY_COLUMNS, historyColumnsOf } from "./taskInstanceHistory";

/** Input of resetTaskInstancesForRetry. */
export interface ResetTaskInstancesForRetryInput {
  /** @default 1000 */
  readonly limit?: number;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** Schedules the next try of every up_for_retry task instance whose retry time has come. */
export async function resetTaskInstancesForRetry(
  client: SqlClient,
  input: ResetTaskInstancesForRetryInput = {},
): Promise<TaskInstanceRow[]> {
  const result = await client.query(
    `with due as (
       select ti.id from task_instance ti
       join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id and r.state = 'running'
       join dag d on d.dag_id = ti.dag_id and not d.is_paused
       where ti.state = 'up_for_retry'
         and coalesce(ti.next_retry_at, '-infinity') <= coalesce($1::timestamptz, now())
       order by ti.next_retry_at nulls first, ti.id
       limit $2
       for no key update of ti skip locked
     ), history as (
       insert into task_instance_history (task_instance_id, ${HISTORY_COLUMNS})
       select ti.id, ${historyColumnsOf("ti")}
       from due join task_instance ti on ti.id = due.id
       where ti.state = 'up_for_retry' and ti.try_number > 0
       on conflict on constraint task_instance_history_key do nothing
     )
     update task_instance ti set state = 'scheduled', try_number = ti.try_number + 1,
       scheduled_dttm = coalesce($1::timestamptz, now()), updated_at = now()
     from due where ti.id = due.id and ti.state = 'up_for_retry'
     returning ti.*`,
    [input.now ?? null, input.limit ?? 1000],
  );
  return result.rows
    .map(taskInstanceFromRow)
    .sort(
      (a, b) =>
        (a.nextRetryAt?.getTime() ?? -Infinity) - (b.nextRetryAt?.getTime() ?? -Infinity) ||
        (a.id < b.id ? -1 : 1),
    );
}
