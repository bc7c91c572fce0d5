// setTaskInstanceStates: bulk compare-and-set of task instance states, for what the scheduler
// decides without running anything (skipped, upstream_failed, removed propagation).
//   locks:   the updated `task_instance` rows (one statement)
//   writes:  state; for finished states and up_for_retry also start_date and end_date = now when
//            unset, and duration (as Airflow's TaskInstance.set_state)
//   returns: the keys that were in their expected state and changed, in input order
import type { TaskInstanceState, TaskInstanceStateOrNone } from "@updraft/sdk";
import {
  type TaskInstanceKey,
  taskInstanceKeyFromRow,
  taskInstanceKeysJson,
} from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";

/** One change: the key, the state it must have now (null = no status), the new state. */
export interface TaskInstanceStateChange extends TaskInstanceKey {
  readonly expectedState: TaskInstanceStateOrNone;
  readonly state: TaskInstanceState;
}

/** Input of setTaskInstanceStates. */
export interface SetTaskInstanceStatesInput {
  readonly changes: readonly TaskInstanceStateChange[];
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** Applies each change whose task instance is still in its expected state. */
export async function setTaskInstanceStates(
  client: SqlClient,
  input: SetTaskInstanceStatesInput,
): Promise<TaskInstanceKey[]> {
  if (input.changes.length === 0) return [];
  const json = taskInstanceKeysJson(input.changes, (i) => ({
    expectedState: input.changes[i]?.expectedState ?? null,
    state: input.changes[i]?.state,
  }));
  const result = await client.query(
    `with k as (
       select * from jsonb_to_recordset($1::jsonb) as k(dag_id text, run_id text, task_id text,
         map_index int, ord int, expected_state text, state text)
     ), t as (
       select coalesce($2::timestamptz, now()) as now,
         array['success', 'failed', 'skipped', 'upstream_failed', 'removed', 'up_for_retry'] as ended
     )
     update task_instance ti set state = k.state, updated_at = now(),
       start_date = case when k.state = any(t.ended) then coalesce(ti.start_date, t.now)
         else ti.start_date end,
       end_date = case when k.state = any(t.ended) then coalesce(ti.end_date, t.now)
         else ti.end_date end,
       duration = case when k.state = any(t.ended)
         then extract(epoch from coalesce(ti.end_date, t.now) - coalesce(ti.start_date, t.now))
         else ti.duration end
     from k, t
     where ti.dag_id = k.dag_id and ti.run_id = k.run_id and ti.task_id = k.task_id
       and ti.map_index = k.map_index and ti.state is not distinct from k.expected_state
     returning ti.dag_id, ti.run_id, ti.task_id, ti.map_index, k.ord`,
    [json, input.now ?? null],
  );
  return result.rows
    .sort((a, b) => Number(a.ord) - Number(b.ord))
    .map((row) => taskInstanceKeyFromRow(row));
}
