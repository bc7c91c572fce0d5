// The audit log's event names for what the API changes: Airflow's, which are the names of its
// endpoint functions (its action_logging defaults to them), so an Airflow client filtering
// /eventLogs by event finds Updraft's entries under the same words.

export const AUDIT_EVENTS = [
  "patch_dags",
  "patch_dag",
  "delete_dag",
  "trigger_dag_run",
  "patch_dag_run",
  "delete_dag_run",
  "clear_dag_run",
  "patch_task_instance",
  "post_clear_task_instances",
  "post_connection",
  "patch_connection",
  "delete_connection",
  "bulk_connections",
  "post_variable",
  "patch_variable",
  "delete_variable",
  "bulk_variables",
  "post_pool",
  "patch_pool",
  "delete_pool",
  "bulk_pools",
  "create_xcom_entry",
  "update_xcom_entry",
] as const;

/** One of the audit log's event names. */
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** Events not recorded for a dry run (Airflow skips them: nothing changes). */
export const DRY_RUN_EVENTS: ReadonlySet<AuditEvent> = new Set([
  "clear_dag_run",
  "post_clear_task_instances",
]);
