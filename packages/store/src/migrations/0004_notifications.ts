// Migration 0004: the notification outbox and the alerts it deduplicates.
// - `notification`: one row per message to deliver (email or Slack), with the facts it is about;
//   a dispatcher claims due rows, sends them and records the outcome, retrying with backoff.
//   States: pending → sending → sent, or back to pending with a later next_attempt_at, or failed
//   (undeliverable after the last attempt); suppressed for one held back by an open alert.
// - `alert`: per destination and task (or DAG) and event, whether an alert is open, its throttle
//   window and how many notifications it held back — so a DAG failing every minute sends one
//   alert and then a summary per window, and a success after it sends one recovery.

/** The SQL of migration 0004. */
export const sql = /* sql */ `
create table alert (
  alert_key text primary key,
  scope text not null check (scope in ('task', 'dag')),
  dag_id text not null,
  task_id text,
  event text not null check (event in ('failure', 'retry')),
  channel text not null check (channel in ('email', 'slack')),
  conn_id text not null,
  target jsonb not null default '{}',
  state text not null check (state in ('open', 'resolved')),
  opened_at timestamptz not null,
  last_event_at timestamptz not null,
  window_started_at timestamptz not null,
  window_ends_at timestamptz not null,
  suppressed integer not null default 0,
  last_facts jsonb not null,
  resolved_at timestamptz
);
create index idx_alert_open on alert (window_ends_at) where state = 'open';

create table notification (
  id bigserial primary key,
  created_at timestamptz not null default now(),
  alert_key text,
  event text not null check (event in ('failure', 'retry', 'success', 'recovery', 'summary')),
  channel text not null check (channel in ('email', 'slack')),
  conn_id text not null,
  target jsonb not null default '{}',
  facts jsonb not null,
  dag_id text not null,
  run_id text,
  task_id text,
  map_index integer not null default -1,
  try_number integer,
  state text not null check (state in ('pending', 'sending', 'sent', 'failed', 'suppressed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  sent_at timestamptz
);
create index idx_notification_due on notification (next_attempt_at)
  where state in ('pending', 'sending');
create index idx_notification_created on notification (created_at desc, id desc);
create index idx_notification_dag on notification (dag_id, created_at desc);
`;
