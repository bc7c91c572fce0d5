// The API's response shapes the UI reads: Airflow 3's schemas (public API v2 and the UI's grid
// and structure data), with the fields the UI uses. Names stay snake_case, as on the wire.

export const DAG_RUN_STATES = ["queued", "running", "success", "failed"] as const;
export type DagRunState = (typeof DAG_RUN_STATES)[number];

export const TASK_INSTANCE_STATES = [
  "removed",
  "scheduled",
  "queued",
  "running",
  "success",
  "restarting",
  "failed",
  "up_for_retry",
  "up_for_reschedule",
  "upstream_failed",
  "skipped",
  "deferred",
] as const;
export type TaskInstanceState = (typeof TASK_INSTANCE_STATES)[number];

export const DAG_RUN_TYPES = ["backfill", "scheduled", "manual", "asset_triggered"] as const;
export type DagRunType = (typeof DAG_RUN_TYPES)[number];

export type List<K extends string, T> = { readonly [P in K]: readonly T[] } & {
  readonly total_entries: number;
};

export interface DagTag {
  readonly name: string;
  readonly dag_id: string;
}

export interface Dag {
  readonly dag_id: string;
  readonly dag_display_name: string;
  readonly is_paused: boolean;
  readonly is_stale: boolean;
  readonly description: string | null;
  readonly fileloc: string;
  readonly relative_fileloc: string | null;
  readonly timetable_summary: string | null;
  readonly timetable_description: string | null;
  readonly tags: readonly DagTag[];
  readonly owners: readonly string[];
  readonly max_active_tasks: number;
  readonly max_active_runs: number | null;
  readonly has_import_errors: boolean;
  readonly next_dagrun_logical_date: string | null;
  readonly next_dagrun_data_interval_start: string | null;
  readonly next_dagrun_data_interval_end: string | null;
  readonly next_dagrun_run_after: string | null;
  readonly last_parsed_time: string | null;
  readonly file_token: string;
}

/** A param as the serialized DAG holds it: a value and its JSON-schema keywords. */
export interface DagParam {
  readonly value: unknown;
  readonly description?: string | null;
  readonly schema?: Readonly<Record<string, unknown>>;
  readonly __class?: string;
}

export interface DagDetails extends Dag {
  readonly catchup: boolean;
  readonly dag_run_timeout: string | null;
  readonly doc_md: string | null;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly params: Readonly<Record<string, DagParam>> | null;
  readonly timezone: string | null;
  readonly default_args: Readonly<Record<string, unknown>> | null;
  readonly concurrency: number;
  readonly active_runs_count?: number;
}

export interface DagRun {
  readonly dag_run_id: string;
  readonly dag_id: string;
  readonly dag_display_name: string;
  readonly logical_date: string | null;
  readonly queued_at: string | null;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly duration: number | null;
  readonly data_interval_start: string | null;
  readonly data_interval_end: string | null;
  readonly run_after: string;
  readonly run_type: DagRunType;
  readonly state: DagRunState;
  readonly triggered_by: string | null;
  readonly triggering_user_name: string | null;
  readonly conf: Readonly<Record<string, unknown>> | null;
  readonly note: string | null;
}

export interface TaskInstance {
  readonly id: string;
  readonly task_id: string;
  readonly dag_id: string;
  readonly dag_run_id: string;
  readonly map_index: number;
  readonly logical_date: string | null;
  readonly run_after: string;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly duration: number | null;
  readonly state: TaskInstanceState | null;
  readonly try_number: number;
  readonly max_tries: number;
  readonly task_display_name: string;
  readonly hostname: string | null;
  readonly pool: string;
  readonly pool_slots: number;
  readonly queue: string | null;
  readonly priority_weight: number | null;
  readonly operator: string | null;
  readonly operator_name: string | null;
  readonly queued_when: string | null;
  readonly scheduled_when: string | null;
  readonly note: string | null;
  readonly rendered_map_index: string | null;
  readonly rendered_fields?: Readonly<Record<string, unknown>>;
}

export type TaskInstanceTry = Omit<
  TaskInstance,
  "id" | "logical_date" | "run_after" | "note" | "rendered_map_index" | "rendered_fields"
>;

export interface TimeDelta {
  readonly __type: "TimeDelta";
  readonly days: number;
  readonly seconds: number;
  readonly microseconds: number;
}

export interface Task {
  readonly task_id: string | null;
  readonly task_display_name: string | null;
  readonly owner: string | null;
  readonly trigger_rule: string | null;
  readonly depends_on_past: boolean;
  readonly retries: number | null;
  readonly retry_delay: TimeDelta | null;
  readonly execution_timeout: TimeDelta | null;
  readonly pool: string | null;
  readonly queue: string | null;
  readonly operator_name: string | null;
  readonly template_fields: readonly string[] | null;
  readonly downstream_task_ids: readonly string[] | null;
  readonly doc_md: string | null;
  readonly is_mapped: boolean | null;
}

export interface StructuredLogLine {
  readonly event: string;
  readonly timestamp?: string | null;
  readonly level?: string;
  readonly [key: string]: unknown;
}

export interface TaskInstanceLogs {
  readonly content: readonly (StructuredLogLine | string)[];
  readonly continuation_token: string | null;
}

export interface XComEntry {
  readonly key: string;
  readonly timestamp: string;
  readonly map_index: number;
  readonly task_id: string;
  readonly dag_id: string;
  readonly run_id: string;
  readonly value?: unknown;
}

export interface ImportError {
  readonly import_error_id: number;
  readonly timestamp: string;
  readonly filename: string;
  readonly stack_trace: string;
}

export interface Connection {
  readonly connection_id: string;
  readonly conn_type: string;
  readonly description: string | null;
  readonly host: string | null;
  readonly login: string | null;
  readonly schema: string | null;
  readonly port: number | null;
  readonly password: string | null;
  readonly extra: string | null;
}

export interface Variable {
  readonly key: string;
  readonly value: string;
  readonly description: string | null;
  readonly is_encrypted: boolean;
}

export interface Pool {
  readonly name: string;
  readonly slots: number;
  readonly description?: string | null;
  readonly include_deferred: boolean;
  readonly occupied_slots: number;
  readonly running_slots: number;
  readonly queued_slots: number;
  readonly scheduled_slots: number;
  readonly open_slots: number;
  readonly deferred_slots: number;
}

// The UI's own data (Airflow's private `ui` endpoints).

export interface GridNode {
  readonly id: string;
  readonly label: string;
  readonly children: readonly GridNode[] | null;
  readonly is_mapped: boolean;
}

export interface GridRun {
  readonly dag_id: string;
  readonly run_id: string;
  readonly queued_at: string | null;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly run_after: string;
  readonly state: DagRunState;
  readonly run_type: DagRunType;
  /** Seconds from start to end (to now while running); null before the run starts. */
  readonly duration: number | null;
}

export interface GridTaskInstanceSummary {
  readonly task_id: string;
  readonly try_number: number;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly queued_dttm: string | null;
  readonly child_states: Readonly<Record<string, number>> | null;
  readonly task_count: number;
  readonly state: TaskInstanceState | null;
  readonly note: string | null;
}

export interface GridTaskInstanceSummaries {
  readonly run_id: string;
  readonly dag_id: string;
  readonly task_instances: readonly GridTaskInstanceSummary[];
}

export interface StructureNode {
  readonly id: string;
  readonly label: string;
  /** "task", "join", "asset", "asset-condition"… */
  readonly type: string;
  readonly children: readonly StructureNode[] | null;
  readonly is_mapped: boolean | null;
  readonly tooltip: string | null;
  readonly operator: string | null;
}

export interface StructureEdge {
  readonly source_id: string;
  readonly target_id: string;
}

export interface StructureData {
  readonly nodes: readonly StructureNode[];
  readonly edges: readonly StructureEdge[];
}

// The DAG page and the run pages.

export type DagRunCollection = List<"dag_runs", DagRun>;
export type TaskInstanceCollection = List<"task_instances", TaskInstance>;

/** GET /dagSources/{dag_id} as JSON: the DAG file's text (null when it cannot be read). */
export interface DagSource {
  readonly content: string | null;
  readonly dag_id: string;
  readonly version_number: number | null;
  readonly dag_display_name?: string;
}

// The task instance page.

/** Airflow's TaskInstanceResponse whole: TaskInstance plus what the task instance page also shows. */
export interface TaskInstanceResponse extends TaskInstance {
  readonly dag_display_name: string;
  readonly unixname: string | null;
  readonly pid: number | null;
  readonly executor: string | null;
  readonly executor_config: string;
}

/** TaskInstanceHistoryResponse: one try of a task instance. */
export interface TaskInstanceHistory extends TaskInstanceTry {
  readonly dag_display_name: string;
  readonly unixname: string | null;
  readonly pid: number | null;
  readonly executor: string | null;
}

export type TaskInstanceHistoryCollection = List<"task_instances", TaskInstanceHistory>;
export type TaskInstanceResponseCollection = List<"task_instances", TaskInstanceResponse>;
export type XComCollection = List<"xcom_entries", XComEntry>;

// The DAGs list and the trigger dialog.

/** Airflow 3.0's DAGWithLatestDagRunsResponse (ui/dags/recent_dag_runs): newest runs first. */
export interface DagWithLatestRuns extends Dag {
  readonly latest_dag_runs: readonly DagRun[];
}

export type DagWithLatestRunsCollection = List<"dags", DagWithLatestRuns>;
export type DagCollection = List<"dags", Dag>;
export type DagTagCollection = List<"tags", string>;
export type ImportErrorCollection = List<"import_errors", ImportError>;

/** TriggerDAGRunPostBody: what the trigger dialog sends. */
export interface TriggerDagRunBody {
  readonly logical_date: string | null;
  readonly conf: Readonly<Record<string, unknown>>;
  readonly dag_run_id?: string;
  readonly note?: string;
}

// The admin pages: connections, variables, pools (Airflow's bodies) and users (FAB's API).

/** One page of an admin list: a search (the API's `*_pattern`), where the page starts, its size. */
export interface AdminListPage {
  readonly pattern: string;
  readonly offset: number;
  readonly limit: number;
}

export type ConnectionCollection = List<"connections", Connection>;
export type VariableCollection = List<"variables", Variable>;
export type PoolCollection = List<"pools", Pool>;

/** ConnectionBody: POST /connections and PATCH /connections/{id} (with an update_mask). */
export interface ConnectionBody {
  readonly connection_id: string;
  readonly conn_type: string;
  readonly description?: string | null;
  readonly host?: string | null;
  readonly login?: string | null;
  readonly schema?: string | null;
  readonly port?: number | null;
  /** Write-only; left out of a PATCH (and its mask) to keep the stored one. */
  readonly password?: string | null;
  /** A JSON object as text. */
  readonly extra?: string | null;
}

/** VariableBody. */
export interface VariableBody {
  readonly key: string;
  readonly value: string;
  readonly description?: string | null;
}

/** PoolBody (POST) and PoolPatchBody (PATCH). */
export interface PoolBody {
  readonly name: string;
  /** -1 means unlimited. */
  readonly slots: number;
  readonly description?: string | null;
  readonly include_deferred: boolean;
}

/** A user as FAB's API shows one (GET /auth/fab/v1/users). */
export interface FabUser {
  readonly username: string;
  readonly first_name: string | null;
  readonly last_name: string | null;
  readonly email: string | null;
  readonly active: boolean;
  readonly roles: readonly { readonly name: string }[];
  readonly last_login: string | null;
  readonly login_count: number | null;
  readonly created_on: string | null;
  readonly changed_on: string | null;
}

export type FabUserCollection = List<"users", FabUser>;

/** POST /auth/fab/v1/users; PATCH takes any of these fields (password write-only). */
export interface FabUserBody {
  readonly username?: string;
  readonly password?: string;
  readonly roles?: readonly { readonly name: string }[];
  readonly first_name?: string | null;
  readonly last_name?: string | null;
  readonly email?: string | null;
  readonly active?: boolean;
}
