// Migration 0007: fewer index entries per task instance state change. Every change of state is
// a non-HOT update (state is indexed), so each new row version goes into every index whose
// predicate it matches; a no-op try makes five versions (no status, scheduled, queued, running,
// success). Measured by packages/scheduler/bench/scheduler.bench.ts ("postgres cpu ms"):
// - idx_task_instance_dag_run (dag_id, run_id, state) is dropped: a run's instances are read
//   through the unique key (dag_id, run_id, task_id, map_index), its unfinished ones through the
//   partial idx_task_instance_unfinished (0003);
// - idx_task_instance_pool (pool, state) becomes partial on the states pool occupancy counts
//   (scheduled, queued, running, deferred), so finished and not-yet-scheduled versions, most of
//   a table's rows, stay out of it.

/** The SQL of migration 0007. */
export const sql = /* sql */ `
drop index idx_task_instance_dag_run;
drop index idx_task_instance_pool;
create index idx_task_instance_pool_active on task_instance (pool, state)
  where state in ('scheduled', 'queued', 'running', 'deferred');
`;
