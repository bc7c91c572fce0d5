// Airflow-shaped answers for the task instance page's tests: a task instance, its tries, its
// task, and the fake API routes that serve them.
import type {
  Task,
  TaskInstanceResponse,
  TaskInstanceHistory,
  TaskInstanceState,
} from "../../src/api/types";
import type { FakeApi } from "./fakeApi";

export const DAG_ID = "dealership";
export const RUN_ID = "scheduled__2026-03-01T00:00:00+00:00";
export const TASK_ID = "vendas.sync";
export const TIS = `/api/v2/dags/${DAG_ID}/dagRuns/${RUN_ID}/taskInstances`;
/** The task instance's API path (with a map index for a mapped one). */
export const tiPath = (mapIndex = -1) => `${TIS}/${TASK_ID}${mapIndex >= 0 ? `/${mapIndex}` : ""}`;
/** The page's address. */
export const pagePath = (mapIndex = -1, query = "") =>
  `/dags/${DAG_ID}/runs/${encodeURIComponent(RUN_ID)}/tasks/${TASK_ID}${mapIndex >= 0 ? `/mapped/${mapIndex}` : ""}${query}`;

export function taskInstance(overrides: Partial<TaskInstanceResponse> = {}): TaskInstanceResponse {
  return {
    id: "0195a1c2-7d3e-7b51-9a0f-3c1d2e4f5a6b",
    task_id: TASK_ID,
    dag_id: DAG_ID,
    dag_run_id: RUN_ID,
    map_index: -1,
    logical_date: "2026-03-01T00:00:00Z",
    run_after: "2026-03-01T00:00:00Z",
    start_date: "2026-03-01T00:01:00Z",
    end_date: "2026-03-01T00:01:42.500000Z",
    duration: 42,
    state: "failed",
    try_number: 2,
    max_tries: 2,
    task_display_name: TASK_ID,
    dag_display_name: "Dealership load",
    hostname: "worker-b",
    unixname: "updraft",
    pid: 4242,
    pool: "default_pool",
    pool_slots: 1,
    queue: "default",
    priority_weight: 3,
    operator: "PostgresToSnowflakeOperator",
    operator_name: "PostgresToSnowflakeOperator",
    queued_when: "2026-03-01T00:00:58Z",
    scheduled_when: "2026-03-01T00:00:57Z",
    executor: null,
    executor_config: "{}",
    note: null,
    rendered_map_index: null,
    rendered_fields: {},
    ...overrides,
  };
}

export function attempt(
  tryNumber: number,
  state: TaskInstanceState | null,
  overrides: Partial<TaskInstanceHistory> = {},
): TaskInstanceHistory {
  const {
    id: _id,
    logical_date: _l,
    run_after: _r,
    note: _n,
    rendered_map_index: _m,
    rendered_fields: _f,
    executor_config: _e,
    ...shared
  } = taskInstance();
  return {
    ...shared,
    try_number: tryNumber,
    state,
    hostname: `worker-${tryNumber}`,
    start_date: `2026-03-01T00:0${tryNumber}:00Z`,
    end_date: `2026-03-01T00:0${tryNumber}:30Z`,
    duration: 30,
    ...overrides,
  };
}

export const TASK: Task = {
  task_id: TASK_ID,
  task_display_name: TASK_ID,
  owner: "data-eng",
  trigger_rule: "all_success",
  depends_on_past: false,
  retries: 1,
  retry_delay: { __type: "TimeDelta", days: 0, seconds: 300, microseconds: 0 },
  execution_timeout: null,
  pool: "default_pool",
  queue: "default",
  operator_name: "PostgresToSnowflakeOperator",
  template_fields: ["sql"],
  downstream_task_ids: ["vendas.merge"],
  doc_md: "Copies **vendas** from the source.",
  is_mapped: false,
};

/** Routes for one task instance with `tries`, each try's log a line naming the try. */
export function serveTaskInstance(
  api: FakeApi,
  ti: TaskInstanceResponse,
  tries: readonly TaskInstanceHistory[],
  task: Task = TASK,
): void {
  const path = tiPath(ti.map_index);
  api.on(`GET /api/v2/dags/${DAG_ID}/tasks/${TASK_ID}`, () => task);
  api.on(`GET ${path}`, () => ti);
  api.on(`GET ${path}/tries`, () => ({ task_instances: tries, total_entries: tries.length }));
  for (const t of tries)
    api.on(`GET ${TIS}/${TASK_ID}/logs/${t.try_number}`, () => ({
      content: [
        { timestamp: "2026-03-01T00:01:00Z", level: "info", event: `try ${t.try_number} started` },
      ],
      continuation_token: null,
    }));
}
