// clearTaskInstances: clears task instances so they run again (Airflow's clear_task_instances):
// a running one becomes `restarting` (its worker's next heartbeat fails and it stops; it is then
// always eligible to retry); any other gets no status, keeps its try_number, and gets
// max_tries = try_number + the task's retries (from the stored SerializedDag; when the task is
// gone from it, max(max_tries, try_number)). The run's own state is the caller's to set
// (setDagRunState in the same transaction). A try that had ended is superseded: it is recorded
// in `task_instance_history` first (Airflow's prepare_db_for_next_try), so the tries keep how it
// ended once the task instance has no status.
//   locks:   the updated `task_instance` rows (one statement)
//   writes:  state, max_tries, next_retry_at = null, external_executor_id = null; a
//            `task_instance_history` row per ended try (success, failed, skipped, up_for_retry)
//            that has none yet
//   returns: the cleared task instances, in input order
import {
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
  taskInstanceKeysJson,
} from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";
import { ENDED_TRY_STATES, HISTORY_COLUMNS, historyColumnsOf } from "./taskInstanceHistory";

/** Clears the given task instances. */
export async function clearTaskInstances(
  client: SqlClient,
  input: { keys: readonly TaskInstanceKey[] },
): Promise<TaskInstanceRow[]> {
  if (input.keys.length === 0) return [];
  const result = await client.query(
    `with k as (
       select * from jsonb_to_recordset($1::jsonb)
         as k(dag_id text, run_id text, task_id text, map_index int, ord int)
     ), task as (
       select sd.dag_id, t->>'task_id' as task_id, (t->>'retries')::int as retries
       from serialized_dag sd cross join lateral jsonb_array_elements(sd.data->'dag'->'tasks') t
       where sd.dag_id in (select dag_id from k)
     ), history as (
       insert into task_instance_history (task_instance_id, ${HISTORY_COLUMNS})
       select ti.id, ${historyColumnsOf("ti")}
       from task_instance ti join k on ti.dag_id = k.dag_id and ti.run_id = k.run_id
         and ti.task_id = k.task_id and ti.map_index = k.map_index
       where ti.try_number > 0 and ti.state in ${ENDED_TRY_STATES}
       on conflict on constraint task_instance_history_key do nothing
     )
     update task_instance ti set updated_at = now(),
       state = case when ti.state = 'running' then 'restarting' end,
       max_tries = case when ti.state = 'running' then ti.max_tries
         else coalesce(ti.try_number + task.retries, greatest(ti.max_tries, ti.try_number)) end,
       next_retry_at = null, external_executor_id = null
     from k left join task on task.dag_id = k.dag_id and task.task_id = k.task_id
     where ti.dag_id = k.dag_id and ti.run_id = k.run_id and ti.task_id = k.task_id
       and ti.map_index = k.map_index
     returning ti.*, k.ord`,
    [taskInstanceKeysJson(input.keys)],
  );
  return result.rows
    .sort((a, b) => Number(a.ord) - Number(b.ord))
    .map((row) => taskInstanceFromRow(row));
}
