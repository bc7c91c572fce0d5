// A task as Airflow's TaskResponse, read from the serialized DAG (no DAG code runs): durations
// as TimeDelta objects, the DAG's params (a task sees the DAG's params, as in Airflow), the
// DAG's start and end dates (tasks here have none of their own). Updraft has no task display
// names (the task_id stands in), operator extra links (none), or operator modules (module_path
// null; class_name is the operator's name).
import type { SerializedDagBody, SerializedTask } from "@updraft/sdk";
import { apiDate } from "../serialize/datetime";
import { type TimeDelta, timeDelta } from "./timeDelta";

/** Airflow's TaskResponse. */
export interface TaskResponseBody {
  readonly task_id: string;
  readonly task_display_name: string;
  readonly owner: string;
  readonly start_date: string | null;
  readonly end_date: string | null;
  readonly trigger_rule: string;
  readonly depends_on_past: boolean;
  readonly wait_for_downstream: boolean;
  readonly retries: number;
  readonly queue: string;
  readonly pool: string;
  readonly pool_slots: number;
  readonly execution_timeout: TimeDelta | null;
  readonly retry_delay: TimeDelta | null;
  readonly retry_exponential_backoff: number;
  readonly priority_weight: number;
  readonly weight_rule: string;
  readonly ui_color: string;
  readonly ui_fgcolor: string;
  readonly template_fields: readonly string[];
  readonly downstream_task_ids: readonly string[];
  readonly doc_md: string | null;
  readonly operator_name: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly class_ref: { readonly module_path: string | null; readonly class_name: string };
  readonly is_mapped: boolean;
  readonly extra_links: readonly string[];
}

/** The TaskResponse of `task`, a task of `dag`. */
export function taskResponse(dag: SerializedDagBody, task: SerializedTask): TaskResponseBody {
  return {
    task_id: task.task_id,
    task_display_name: task.task_id,
    owner: task.owner,
    start_date: apiDate(dag.start_date),
    end_date: apiDate(dag.end_date),
    trigger_rule: task.trigger_rule,
    depends_on_past: task.depends_on_past,
    wait_for_downstream: task.wait_for_downstream,
    retries: task.retries,
    queue: task.queue,
    pool: task.pool,
    pool_slots: task.pool_slots,
    execution_timeout: timeDelta(task.execution_timeout),
    retry_delay: timeDelta(task.retry_delay),
    retry_exponential_backoff: task.retry_exponential_backoff,
    priority_weight: task.priority_weight,
    weight_rule: task.weight_rule,
    ui_color: task.ui_color,
    ui_fgcolor: task.ui_fgcolor,
    template_fields: task.template_fields,
    downstream_task_ids: task.downstream_task_ids,
    doc_md: task.doc_md,
    operator_name: task.operator_name,
    params: dag.params,
    class_ref: { module_path: null, class_name: task.operator_name },
    is_mapped: task.is_mapped,
    extra_links: [],
  };
}
