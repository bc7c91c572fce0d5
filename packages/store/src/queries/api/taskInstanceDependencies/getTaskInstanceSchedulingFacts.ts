// getTaskInstanceSchedulingFacts: what decides whether one task instance can be scheduled and
// queued, for explaining why it is not running (GET …/taskInstances/{task_id}/dependencies) —
// the same counts queueTaskInstances admits against (loadQueueLimits), read without its locks.
//   reads:   the `task_instance` row, its `dag_run`, `dag` and `slot_pool` rows, and counts of
//            queued/running task instances (of its pool, run, task, and task in the run)
//   locks:   none (a snapshot to explain; admission re-counts under its locks)
//   returns: the facts, or null when there is no such task instance
import type { DagRunState, TaskInstanceStateOrNone } from "@updraft/sdk";
import type { TaskInstanceKey } from "../../../rows/taskInstanceRow";
import type { SqlClient } from "../../../sqlClient";

/** One task instance and what its scheduling depends on. */
export interface TaskInstanceSchedulingFacts {
  readonly state: TaskInstanceStateOrNone;
  readonly pool: string;
  readonly poolSlots: number;
  /** When an up_for_retry instance may run again; null when not set (due now). */
  readonly nextRetryAt: Date | null;
  readonly runState: DagRunState;
  readonly logicalDate: Date | null;
  readonly dagIsPaused: boolean;
  readonly maxActiveTasks: number;
  /** Open slots of its pool (Infinity for a pool of -1 slots); null when the pool does not exist. */
  readonly poolOpenSlots: number | null;
  /** Queued + running task instances of its run (what max_active_tasks caps). */
  readonly activeInRun: number;
  /** Queued + running instances of its task in every run (max_active_tis_per_dag). */
  readonly activeOfTask: number;
  /** Queued + running instances of its task in its run (max_active_tis_per_dagrun). */
  readonly activeOfTaskInRun: number;
}

const ACTIVE = "('queued', 'running')";

/** Reads the scheduling facts of the task instance `key`. */
export async function getTaskInstanceSchedulingFacts(
  client: SqlClient,
  key: TaskInstanceKey,
): Promise<TaskInstanceSchedulingFacts | null> {
  const result = await client.query(
    `select ti.state, ti.pool, ti.pool_slots, ti.next_retry_at, r.state as run_state,
       r.logical_date, d.is_paused, d.max_active_tasks, p.slots as pool_total,
       (select coalesce(sum(o.pool_slots), 0)::int from task_instance o
        where o.pool = ti.pool and (o.state in ${ACTIVE}
          or (o.state = 'deferred' and p.include_deferred))) as pool_occupied,
       (select count(*)::int from task_instance o where o.dag_id = ti.dag_id
        and o.run_id = ti.run_id and o.state in ${ACTIVE}) as active_in_run,
       (select count(*)::int from task_instance o where o.dag_id = ti.dag_id
        and o.task_id = ti.task_id and o.state in ${ACTIVE}) as active_of_task,
       (select count(*)::int from task_instance o where o.dag_id = ti.dag_id
        and o.run_id = ti.run_id and o.task_id = ti.task_id and o.state in ${ACTIVE})
         as active_of_task_in_run
     from task_instance ti
     join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id
     join dag d on d.dag_id = ti.dag_id
     left join slot_pool p on p.pool = ti.pool
     where ti.dag_id = $1 and ti.run_id = $2 and ti.task_id = $3 and ti.map_index = $4`,
    [key.dagId, key.runId, key.taskId, key.mapIndex],
  );
  const row = result.rows[0];
  if (row === undefined) return null;
  const total = row.pool_total === null ? null : Number(row.pool_total);
  return {
    state: row.state as TaskInstanceStateOrNone,
    pool: row.pool as string,
    poolSlots: Number(row.pool_slots),
    nextRetryAt: row.next_retry_at as Date | null,
    runState: row.run_state as DagRunState,
    logicalDate: row.logical_date as Date | null,
    dagIsPaused: row.is_paused as boolean,
    maxActiveTasks: Number(row.max_active_tasks),
    poolOpenSlots:
      total === null ? null : total === -1 ? Infinity : total - Number(row.pool_occupied),
    activeInRun: Number(row.active_in_run),
    activeOfTask: Number(row.active_of_task),
    activeOfTaskInRun: Number(row.active_of_task_in_run),
  };
}
