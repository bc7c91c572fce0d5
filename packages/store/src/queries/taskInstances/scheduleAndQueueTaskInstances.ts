// sendScheduleAndQueue: a scheduler pass's fast path for the few instances of one run that have
// just become ready while nothing else waits in `scheduled` (a chain's next task): they go from
// no status (or up_for_retry / up_for_reschedule) straight to `queued` when all of them fit, in
// the pass's transaction, instead of a schedule write, queueing's lock and limits read, and a
// queue write one after the other. Nobody sees the `scheduled` in between either way.
//   locks:   the keys' `slot_pool` rows FOR UPDATE (by id), then their `dag` row FOR NO KEY
//            UPDATE: queueTaskInstances' order, so callers admit one after the other
//   reads:   after the locks (a statement of its own, so it sees what they protect): the pools'
//            occupancy, the run's and all queued + running instances, the DAG's max_active_tasks,
//            pause and task caps
//   writes:  as scheduleTaskInstances (try_number, scheduled_dttm) and, when every key fits its
//            pool, the run's max_active_tasks and `parallelism`, and none has a task cap, also
//            state queued, queued_dttm and queued_by_job_id; else they stay scheduled
//   returns: the instances it wrote, queued and scheduled ones (sent without waiting for the
//            answer, so the caller's COMMIT rides behind it)
import { type TaskInstanceRow, taskInstanceFromRow } from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";
import { prepared } from "../../preparedStatements";
import { NEXT_TRY_NUMBER, SCHEDULABLE_STATE } from "./scheduleTaskInstances";

/** Input of sendScheduleAndQueue: keys of one run. */
export interface ScheduleAndQueueInput {
  readonly dagId: string;
  readonly runId: string;
  readonly keys: readonly { readonly taskId: string; readonly mapIndex: number }[];
  /** Queued + running task instances at most, counting these (core.parallelism). */
  readonly parallelism: number;
  /** The scheduler job queueing them. */
  readonly jobId: number | null;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** What the write did, once its answer is in (after the caller's COMMIT). */
export interface ScheduledAndQueued {
  readonly queued: TaskInstanceRow[];
  /** How many were scheduled but not queued (they did not all fit). */
  readonly scheduled: number;
}

const TARGETS = `select ti.id, ti.pool, ti.pool_slots, ti.task_id from task_instance ti
    join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id and r.state = 'running'
    where ti.dag_id = $1 and ti.run_id = $2
      and (ti.task_id, ti.map_index) in (select * from unnest($3::text[], $4::int[]))
      and ${SCHEDULABLE_STATE}`;

const LOCKS = prepared(`with target as (${TARGETS}),
  locked_pools as (
    select id from slot_pool where pool in (select pool from target) order by id for update
  ), locked_dags as (
    select dag_id from dag where dag_id = $1 order by dag_id for no key update
  )
  select (select count(*) from locked_pools) as pools, (select count(*) from locked_dags) as dags`);

// Whether every target fits, read after LOCKS (this statement's snapshot sees what they guard).
const FITS = `not exists (
      select 1 from (select pool, sum(pool_slots) as need from target group by pool) t
      left join slot_pool p on p.pool = t.pool
      where p.pool is null or (p.slots <> -1 and p.slots - (
        select coalesce(sum(o.pool_slots), 0) from task_instance o
        where o.pool = p.pool and (o.state in ('queued', 'running')
          or (o.state = 'deferred' and p.include_deferred))) < t.need))
    and (select count(*) from task_instance o where o.dag_id = $1 and o.run_id = $2
      and o.state in ('queued', 'running')) + (select count(*) from target)
      <= (select d.max_active_tasks from dag d where d.dag_id = $1 and not d.is_paused)
    and (select count(*) from task_instance where state in ('queued', 'running'))
      + (select count(*) from target) <= $6::float8
    and not exists (select 1 from dag d
      cross join lateral jsonb_array_elements(d.task_concurrency_limits) c
      where d.dag_id = $1 and d.has_task_concurrency_limits
        and c->>'task_id' in (select task_id from target))`;

const WRITE = prepared(`with target as (${TARGETS}),
  fits as (select coalesce((${FITS}), false) as ok)
  update task_instance ti set updated_at = now(),
    state = case when f.ok then 'queued' else 'scheduled' end,
    try_number = ${NEXT_TRY_NUMBER},
    scheduled_dttm = coalesce($5::timestamptz, now()),
    queued_dttm = case when f.ok then coalesce($5::timestamptz, now()) else ti.queued_dttm end,
    queued_by_job_id = case when f.ok then $7::bigint else ti.queued_by_job_id end
  from target t cross join fits f
  where ti.id = t.id
  returning ti.*`);

/**
 * Sends the locks and the write without waiting for their answers; call it inside the pass's
 * transaction as its last statement and await the result after the COMMIT.
 */
export function sendScheduleAndQueue(
  tx: SqlClient,
  input: ScheduleAndQueueInput,
): Promise<ScheduledAndQueued> {
  const params = [
    input.dagId,
    input.runId,
    input.keys.map((k) => k.taskId),
    input.keys.map((k) => k.mapIndex),
    input.now ?? null,
    input.parallelism,
    input.jobId,
  ];
  const locks = tx.query(LOCKS, params.slice(0, 4));
  locks.catch(() => undefined); // the write fails after it, and the caller awaits the write
  const written = tx.query(WRITE, params).then((result) => {
    const rows = result.rows.map(taskInstanceFromRow);
    const queued = rows.filter((ti) => ti.state === "queued");
    return { queued, scheduled: rows.length - queued.length };
  });
  written.catch(() => undefined); // the caller awaits it
  return written;
}
