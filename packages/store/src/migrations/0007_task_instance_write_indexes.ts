// Migration 0007: fewer index entries per task instance state change. Every change of state is
// a non-HOT update (state is indexed), so each new row version goes into every index whose
// predicate it matches; a no-op try makes five versions (no status, scheduled, queued, running,
// success). Measured by packages/scheduler/bench/scheduler.bench.ts ("postgres cpu ms"):
// - idx_task_instance_dag_run (dag_id, run_id, state) is dropped: a run's instances are read
//   through the unique key (dag_id, run_id, task_id, map_index), its unfinished ones through the
//   partial idx_task_instance_unfinished (0003);
// - idx_task_instance_pool (pool, state) becomes partial on the states that occupy pool slots
//   (queued, running, deferred), so the pool counts of every queueing pass read those alone,
//   not the thousands of instances a wide run keeps scheduled, and finished versions stay out;
// - idx_task_instance_unfinished (0003) leaves out `scheduled`, which idx_task_instance_scheduled
//   (0003) covers per run in queueing order: with both, and no statistics yet on a fresh table,
//   the planner read a run's best candidates from this one, every scheduled instance of the run
//   and a sort, instead of the first few entries of the ordered one;
// - idx_task_instance_state (0001) leaves out `scheduled` for the same reason (once ANALYZE saw a
//   fresh run's instances all without a status, the planner walked every scheduled instance
//   through it on every pass), and drops priority_weight, which only the queueing order used
//   before 0003.

/** The SQL of migration 0007. */
export const sql = /* sql */ `
drop index idx_task_instance_dag_run;
drop index idx_task_instance_pool;
create index idx_task_instance_pool_active on task_instance (pool, state)
  where state in ('queued', 'running', 'deferred');
drop index idx_task_instance_state;
create index idx_task_instance_state on task_instance (state)
  where state in ('queued', 'running', 'up_for_retry', 'up_for_reschedule');
drop index idx_task_instance_unfinished;
create index idx_task_instance_unfinished on task_instance (dag_id, run_id, state)
  where state is null or state in ('queued', 'running', 'up_for_retry', 'up_for_reschedule',
    'restarting', 'deferred');
`;
