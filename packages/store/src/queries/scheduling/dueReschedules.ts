// dueReschedules: sensors in reschedule mode whose next poke is due (their latest
// task_reschedule row's reschedule_date has passed), for the scheduler to schedule again.
//   reads:   `task_instance` up_for_reschedule of running runs, `task_reschedule`
//   locks:   none (scheduleTaskInstances is a compare-and-set)
//   returns: their keys
import { type TaskInstanceKey, taskInstanceKeyFromRow } from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";

/** Lists up_for_reschedule task instances whose reschedule date is at or before `now`. */
export async function dueReschedules(
  client: SqlClient,
  input: { readonly now?: Date } = {},
): Promise<TaskInstanceKey[]> {
  const result = await client.query(
    `select ti.dag_id, ti.run_id, ti.task_id, ti.map_index from task_instance ti
     join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id and r.state = 'running'
     join lateral (select reschedule_date from task_reschedule x
       where x.task_instance_id = ti.id order by x.id desc limit 1) tr on true
     where ti.state = 'up_for_reschedule' and tr.reschedule_date <= coalesce($1::timestamptz, now())`,
    [input.now ?? null],
  );
  return result.rows.map(taskInstanceKeyFromRow);
}
