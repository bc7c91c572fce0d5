// Migration 0003: two partial indexes the scheduler reads on every pass, so a pass costs what
// changed, not the size of the run (a 10,000-task run keeps thousands of instances scheduled, and
// thousands finished, for most of its length):
// - the scheduled instances of each run in queueing order: queueing takes the best few of every
//   running run from it instead of sorting every scheduled instance;
// - the unfinished instances of each run: "does this run have instances without a status / still
//   in flight?" is one index probe, where a count read every instance of the run.

/** The SQL of migration 0003. */
export const sql = /* sql */ `
create index idx_task_instance_scheduled on task_instance
  (dag_id, run_id, priority_weight desc, map_index, id) where state = 'scheduled';
create index idx_task_instance_unfinished on task_instance (dag_id, run_id, state)
  where state is null or state in ('scheduled', 'queued', 'running', 'up_for_retry',
    'up_for_reschedule', 'restarting', 'deferred');
`;
