// Migration 0006: indexes for the REST API's DAG run lists (GET /dags/~/dagRuns), measured by
// packages/api/bench/api.bench.ts over 100,000 runs:
// - (start_date, id): the runs most recently started first (`order_by=-start_date`, the UI's
//   "recent runs"), read in index order — scanned backwards it is Postgres's (and Airflow's)
//   `start_date desc nulls first, id desc` — instead of sorting every run;
// - (run_after, id): every DAG's runs newest first (`order_by=-run_after`, the order Airflow's UI
//   lists runs in) and runs in a time window (`run_after_gte/_lt`), counted from the index alone;
// - (state, id): runs in one state (`state=failed`) in id order, and their count from the
//   index alone (the partial idx_dag_run_state covers only queued and running);
// - (dag_id, id): one DAG's runs in the default id order, so a DAG with few runs among many
//   is not found by walking every run's id.

/** The SQL of migration 0006. */
export const sql = /* sql */ `
create index idx_dag_run_start_date on dag_run (start_date, id);
create index idx_dag_run_run_after on dag_run (run_after, id);
create index idx_dag_run_state_id on dag_run (state, id);
create index idx_dag_run_dag_id_id on dag_run (dag_id, id);
`;
