// Migration 0008: task_log lines no longer take a lock on their dag_run row. The foreign key
// (dag_id, run_id) → dag_run checked every inserted line with a `for key share` lock on the
// run's row: two lines per no-op try, ~20 µs each in EXPLAIN ANALYZE of the worker's outcome
// statement (a quarter of its execution), and with the scheduler updating the same row on every
// pass (last_scheduling_decision) and several workers' statements locking it at once, every
// check made a new multixact of the row's lockers. Measured by
// packages/scheduler/bench/scheduler.bench.ts ("postgres cpu ms").
//
// What the key did stays done:
// - deleting a run (or its DAG, which cascades to its runs) deletes its lines, now by a
//   statement-level trigger on dag_run that reads the deleted runs from a transition table;
// - no line is stored for a run that does not exist: the outcome statement inserts lines only
//   for the task instances it updated (whose own foreign key holds their run), and
//   appendTaskLogs checks the run under the same `for key share` lock the key took.

/** The SQL of migration 0008. */
export const sql = /* sql */ `
alter table task_log drop constraint task_log_dag_id_run_id_fkey;

create function delete_task_logs_of_deleted_runs() returns trigger language plpgsql as $$
begin
  delete from task_log l using deleted_runs r
  where l.dag_id = r.dag_id and l.run_id = r.run_id;
  return null;
end;
$$;

create trigger dag_run_deletes_task_logs after delete on dag_run
  referencing old table as deleted_runs
  for each statement execute function delete_task_logs_of_deleted_runs();
`;
