// The SerializedDag format: the versioned JSON form of a DAG that the scheduler stores and the
// API/UI read without running DAG code. Field names are Airflow's snake_case; durations are
// float seconds and dates ISO-8601 UTC, as in Airflow's serialized DAGs.
import type { SerializedAssetCondition } from "./assets";
import type { SerializedTimetable } from "./timetables/timetable";
import type { TriggerRule, WeightRule } from "./triggerRule";

/** The format version; bump it with a migration when the shape changes. */
export const SERIALIZATION_VERSION = 1;

/** An asset in a task's outlets/inlets. */
export interface SerializedAsset {
  readonly uri: string;
  readonly name: string;
  readonly group: string;
  readonly extra: Readonly<Record<string, unknown>>;
}

/** One task of a SerializedDag. */
export interface SerializedTask {
  readonly task_id: string;
  /** Shown in the UI: the class name, or `@task` etc. for TaskFlow tasks. */
  readonly operator_name: string;
  readonly task_group_id: string | null;
  readonly upstream_task_ids: readonly string[];
  readonly downstream_task_ids: readonly string[];
  readonly owner: string;
  readonly retries: number;
  readonly retry_delay: number;
  readonly retry_exponential_backoff: number;
  readonly max_retry_delay: number | null;
  readonly execution_timeout: number | null;
  readonly trigger_rule: TriggerRule;
  readonly depends_on_past: boolean;
  readonly wait_for_downstream: boolean;
  readonly ignore_first_depends_on_past: boolean;
  readonly pool: string;
  readonly pool_slots: number;
  readonly priority_weight: number;
  readonly weight_rule: WeightRule;
  readonly queue: string;
  readonly max_active_tis_per_dag: number | null;
  readonly max_active_tis_per_dagrun: number | null;
  readonly email: readonly string[];
  readonly email_on_failure: boolean;
  readonly email_on_retry: boolean;
  readonly has_on_failure_callback: boolean;
  readonly has_on_retry_callback: boolean;
  readonly has_on_success_callback: boolean;
  readonly has_on_execute_callback: boolean;
  readonly has_on_skipped_callback: boolean;
  readonly do_xcom_push: boolean;
  readonly doc_md: string | null;
  readonly template_fields: readonly string[];
  /** The template fields' values as authored (before rendering). */
  readonly template_field_values: Readonly<Record<string, unknown>>;
  readonly is_mapped: boolean;
  readonly ui_color: string;
  readonly ui_fgcolor: string;
  readonly outlets: readonly SerializedAsset[];
  readonly inlets: readonly SerializedAsset[];
  /** Operator-specific fields (e.g. `expand_input`, `sensor`, `is_branch`). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A task group and its children, in creation order. */
export interface SerializedTaskGroup {
  /** null for the DAG's root group. */
  readonly group_id: string | null;
  readonly prefix_group_id: boolean;
  readonly tooltip: string;
  readonly ui_color: string;
  readonly ui_fgcolor: string;
  readonly children: readonly (
    | { readonly type: "task"; readonly id: string }
    | { readonly type: "group"; readonly group: SerializedTaskGroup }
  )[];
}

/** A DAG as data. */
export interface SerializedDagBody {
  readonly dag_id: string;
  readonly dag_display_name: string;
  readonly description: string | null;
  readonly fileloc: string | null;
  readonly timetable: SerializedTimetable;
  readonly timetable_summary: string;
  readonly timetable_description: string;
  readonly schedule_assets: SerializedAssetCondition | null;
  readonly timezone: string;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly catchup: boolean;
  readonly tags: readonly string[];
  readonly owners: readonly string[];
  readonly params: Readonly<Record<string, unknown>>;
  readonly default_args: Readonly<Record<string, unknown>>;
  readonly max_active_runs: number;
  readonly max_active_tasks: number;
  readonly dagrun_timeout: number | null;
  readonly doc_md: string | null;
  readonly is_paused_upon_creation: boolean | null;
  readonly max_consecutive_failed_dag_runs: number;
  readonly has_on_success_callback: boolean;
  readonly has_on_failure_callback: boolean;
  /** Tasks sorted by task_id. */
  readonly tasks: readonly SerializedTask[];
  readonly task_group: SerializedTaskGroup;
}

/** The versioned envelope stored in `serialized_dag.data`. */
export interface SerializedDag {
  readonly __version: typeof SERIALIZATION_VERSION;
  readonly dag: SerializedDagBody;
}
