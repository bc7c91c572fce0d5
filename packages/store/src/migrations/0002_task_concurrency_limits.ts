// Migration 0002: each DAG's per-task concurrency caps (max_active_tis_per_dag / _per_dagrun) in
// a small column of `dag`, so queueing reads them without unpacking the serialized DAG's JSON
// (megabytes for a 10,000-task DAG) on every pass. Airflow's DagModel has the same flag.

/** The SQL of migration 0002. */
export const sql = /* sql */ `
alter table dag add column task_concurrency_limits jsonb not null default '[]'::jsonb;
alter table dag add column has_task_concurrency_limits boolean
  generated always as (jsonb_array_length(task_concurrency_limits) > 0) stored;
update dag d set task_concurrency_limits = coalesce((
  select jsonb_agg(jsonb_build_object('task_id', t->>'task_id',
    'per_dag', t->'max_active_tis_per_dag', 'per_run', t->'max_active_tis_per_dagrun'))
  from serialized_dag sd cross join lateral jsonb_array_elements(sd.data->'dag'->'tasks') t
  where sd.dag_id = d.dag_id
    and coalesce(t->>'max_active_tis_per_dag', t->>'max_active_tis_per_dagrun') is not null
), '[]'::jsonb);
`;
