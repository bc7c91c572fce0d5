// Migration 0001: the metadata schema, with Airflow 3's table and column names where Airflow
// has them (dag, serialized_dag, dag_run, task_instance, task_instance_history, xcom, log,
// connection, variable, slot_pool, import_error, asset*, job). Timestamps are timestamptz (UTC).

/** The SQL of migration 0001. */
export const sql = /* sql */ `
create table dag (
  dag_id text primary key,
  is_paused boolean not null default true,
  is_stale boolean not null default false,
  fileloc text,
  relative_fileloc text,
  owners text not null default '',
  description text,
  timetable_summary text,
  timetable_description text,
  max_active_tasks integer not null default 16,
  max_active_runs integer not null default 16,
  max_consecutive_failed_dag_runs integer not null default 0,
  has_import_errors boolean not null default false,
  last_parsed_time timestamptz,
  next_dagrun timestamptz,
  next_dagrun_data_interval_start timestamptz,
  next_dagrun_data_interval_end timestamptz,
  next_dagrun_create_after timestamptz
);

create table dag_tag (
  dag_id text not null references dag (dag_id) on delete cascade,
  name text not null,
  primary key (dag_id, name)
);

create table serialized_dag (
  dag_id text primary key references dag (dag_id) on delete cascade,
  data jsonb not null,
  dag_hash text not null,
  last_updated timestamptz not null default now()
);

create table dag_run (
  id bigserial primary key,
  dag_id text not null references dag (dag_id) on delete cascade,
  run_id text not null,
  run_type text not null,
  logical_date timestamptz,
  data_interval_start timestamptz,
  data_interval_end timestamptz,
  run_after timestamptz not null,
  state text not null,
  queued_at timestamptz,
  start_date timestamptz,
  end_date timestamptz,
  conf jsonb not null default '{}',
  triggered_by text,
  note text,
  last_scheduling_decision timestamptz,
  updated_at timestamptz not null default now(),
  constraint dag_run_dag_id_run_id_key unique (dag_id, run_id),
  constraint dag_run_dag_id_logical_date_key unique (dag_id, logical_date),
  constraint dag_run_state_check check (state in ('queued', 'running', 'success', 'failed'))
);
create index idx_dag_run_dag_id_run_after on dag_run (dag_id, run_after);
create index idx_dag_run_state on dag_run (state) where state in ('queued', 'running');

create table task_instance (
  id uuid primary key default gen_random_uuid(),
  dag_id text not null,
  run_id text not null,
  task_id text not null,
  map_index integer not null default -1,
  try_number integer not null default 0,
  max_tries integer not null default 0,
  state text,
  start_date timestamptz,
  end_date timestamptz,
  duration double precision,
  hostname text,
  unixname text,
  pid integer,
  pool text not null default 'default_pool',
  pool_slots integer not null default 1,
  queue text not null default 'default',
  priority_weight integer not null default 1,
  operator text,
  queued_dttm timestamptz,
  scheduled_dttm timestamptz,
  queued_by_job_id bigint,
  executor text,
  executor_config jsonb not null default '{}',
  external_executor_id text,
  last_heartbeat_at timestamptz,
  next_retry_at timestamptz,
  rendered_map_index text,
  note text,
  updated_at timestamptz not null default now(),
  constraint task_instance_key unique (dag_id, run_id, task_id, map_index),
  constraint task_instance_dag_run_fkey foreign key (dag_id, run_id)
    references dag_run (dag_id, run_id) on delete cascade,
  constraint task_instance_state_check check (state is null or state in (
    'removed', 'scheduled', 'queued', 'running', 'success', 'restarting', 'failed',
    'up_for_retry', 'up_for_reschedule', 'upstream_failed', 'skipped', 'deferred'))
);
create index idx_task_instance_state on task_instance (state, priority_weight desc)
  where state in ('scheduled', 'queued', 'running', 'up_for_retry', 'up_for_reschedule');
create index idx_task_instance_dag_run on task_instance (dag_id, run_id, state);
create index idx_task_instance_pool on task_instance (pool, state);

create table task_instance_history (
  id bigserial primary key,
  task_instance_id uuid not null,
  dag_id text not null,
  run_id text not null,
  task_id text not null,
  map_index integer not null,
  try_number integer not null,
  max_tries integer not null,
  state text,
  start_date timestamptz,
  end_date timestamptz,
  duration double precision,
  hostname text,
  unixname text,
  pid integer,
  pool text not null,
  pool_slots integer not null,
  queue text not null,
  priority_weight integer not null,
  operator text,
  queued_dttm timestamptz,
  scheduled_dttm timestamptz,
  executor text,
  rendered_map_index text,
  constraint task_instance_history_key unique (dag_id, run_id, task_id, map_index, try_number),
  constraint task_instance_history_dag_run_fkey foreign key (dag_id, run_id)
    references dag_run (dag_id, run_id) on delete cascade
);

create table task_reschedule (
  id bigserial primary key,
  task_instance_id uuid not null references task_instance (id) on delete cascade,
  try_number integer not null,
  start_date timestamptz not null,
  end_date timestamptz not null,
  duration double precision not null,
  reschedule_date timestamptz not null
);

create table rendered_task_instance_fields (
  dag_id text not null,
  run_id text not null,
  task_id text not null,
  map_index integer not null default -1,
  rendered_fields jsonb not null,
  primary key (dag_id, run_id, task_id, map_index),
  foreign key (dag_id, run_id) references dag_run (dag_id, run_id) on delete cascade
);

create table xcom (
  dag_run_id bigint not null references dag_run (id) on delete cascade,
  task_id text not null,
  map_index integer not null default -1,
  key text not null,
  dag_id text not null,
  run_id text not null,
  value jsonb,
  timestamp timestamptz not null default now(),
  primary key (dag_run_id, task_id, map_index, key)
);

create table task_log (
  id bigserial primary key,
  dag_id text not null,
  run_id text not null,
  task_id text not null,
  map_index integer not null default -1,
  try_number integer not null,
  timestamp timestamptz not null default now(),
  level text not null default 'info',
  message text not null,
  foreign key (dag_id, run_id) references dag_run (dag_id, run_id) on delete cascade
);
create index idx_task_log_ti on task_log (dag_id, run_id, task_id, map_index, try_number, id);

create table log (
  id bigserial primary key,
  dttm timestamptz not null default now(),
  dag_id text,
  task_id text,
  map_index integer,
  event text not null,
  run_id text,
  owner text,
  extra text,
  try_number integer
);

create table connection (
  id serial primary key,
  conn_id text not null unique,
  conn_type text not null,
  description text,
  host text,
  schema text,
  login text,
  password text,
  port integer,
  extra text,
  is_encrypted boolean not null default false,
  is_extra_encrypted boolean not null default false
);

create table variable (
  id serial primary key,
  key text not null unique,
  val text not null,
  description text,
  is_encrypted boolean not null default false
);

create table slot_pool (
  id serial primary key,
  pool text not null unique,
  slots integer not null check (slots >= -1),
  description text,
  include_deferred boolean not null default false
);
insert into slot_pool (pool, slots, description) values ('default_pool', 128, 'Default pool');

create table import_error (
  id serial primary key,
  timestamp timestamptz not null default now(),
  filename text not null,
  bundle_name text,
  stack_trace text not null
);

create table asset (
  id serial primary key,
  name text not null,
  uri text not null,
  "group" text not null default 'asset',
  extra jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint asset_name_uri_key unique (name, uri)
);

create table asset_event (
  id bigserial primary key,
  asset_id integer not null references asset (id) on delete cascade,
  extra jsonb not null default '{}',
  source_dag_id text,
  source_task_id text,
  source_run_id text,
  source_map_index integer default -1,
  timestamp timestamptz not null default now()
);

create table dag_schedule_asset_reference (
  asset_id integer not null references asset (id) on delete cascade,
  dag_id text not null references dag (dag_id) on delete cascade,
  primary key (asset_id, dag_id)
);

create table task_outlet_asset_reference (
  asset_id integer not null references asset (id) on delete cascade,
  dag_id text not null references dag (dag_id) on delete cascade,
  task_id text not null,
  primary key (asset_id, dag_id, task_id)
);

create table asset_dag_run_queue (
  asset_id integer not null references asset (id) on delete cascade,
  target_dag_id text not null references dag (dag_id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (asset_id, target_dag_id)
);

create table job (
  id bigserial primary key,
  job_type text not null,
  state text not null,
  hostname text not null,
  pid integer,
  start_date timestamptz not null default now(),
  end_date timestamptz,
  latest_heartbeat timestamptz not null default now()
);
`;
