// Airflow-shaped answers for the DAG page, grid, graph and run page tests: one DAG (`etl_sales`)
// with a plain task, a task group, a mapped task, and two runs (one finished, one running).
import type {
  DagDetails,
  DagRun,
  GridNode,
  GridRun,
  GridTaskInstanceSummaries,
  GridTaskInstanceSummary,
  StructureData,
  TaskInstance,
} from "../../src/api/types";
import type { FakeApi } from "./fakeApi";

export const DAG_ID = "etl_sales";
export const OLD_RUN = "scheduled__2025-06-01T00:00:00+00:00";
export const NEW_RUN = "manual__2025-06-02T09:30:00+00:00";

export function dagDetails(overrides: Partial<DagDetails> = {}): DagDetails {
  return {
    dag_id: DAG_ID,
    dag_display_name: "Sales ETL",
    is_paused: false,
    is_stale: false,
    description: "Loads the day's sales into the warehouse",
    fileloc: "/opt/updraft/dags/etl_sales.ts",
    relative_fileloc: "etl_sales.ts",
    timetable_summary: "0 3 * * *",
    timetable_description: "At 03:00",
    tags: [
      { name: "sales", dag_id: DAG_ID },
      { name: "warehouse", dag_id: DAG_ID },
    ],
    owners: ["data-eng"],
    max_active_tasks: 16,
    max_active_runs: 1,
    has_import_errors: false,
    next_dagrun_logical_date: "2025-06-03T03:00:00Z",
    next_dagrun_data_interval_start: "2025-06-03T03:00:00Z",
    next_dagrun_data_interval_end: "2025-06-04T03:00:00Z",
    next_dagrun_run_after: "2025-06-04T03:00:00Z",
    last_parsed_time: "2025-06-02T09:00:00Z",
    file_token: "ImV0bF9zYWxlcy50cyI.token",
    catchup: false,
    dag_run_timeout: "PT2H",
    doc_md: null,
    start_date: "2025-01-01T00:00:00Z",
    end_date: null,
    params: {},
    timezone: "UTC",
    default_args: { owner: "data-eng", retries: 2 },
    concurrency: 16,
    active_runs_count: 1,
    ...overrides,
  };
}

/** The grid's rows: extract, the `transform` group (clean, join), and the mapped `load`. */
export const GRID_STRUCTURE: GridNode[] = [
  { id: "extract", label: "extract", children: null, is_mapped: false },
  {
    id: "transform",
    label: "transform",
    is_mapped: false,
    children: [
      { id: "transform.clean", label: "clean", children: null, is_mapped: false },
      { id: "transform.join", label: "join", children: null, is_mapped: false },
    ],
  },
  { id: "load", label: "load", children: null, is_mapped: true },
];

export const STRUCTURE: StructureData = {
  nodes: [
    node("extract", "PythonOperator"),
    {
      id: "transform",
      label: "transform",
      type: "task_group",
      is_mapped: false,
      tooltip: null,
      operator: null,
      children: [
        node("transform.clean", "SQLExecuteQueryOperator", "clean"),
        node("transform.join", "SQLExecuteQueryOperator", "join"),
      ],
    },
    { ...node("load", "PythonOperator"), is_mapped: true },
  ],
  edges: [
    { source_id: "extract", target_id: "transform.clean" },
    { source_id: "transform.clean", target_id: "transform.join" },
    { source_id: "transform.join", target_id: "load" },
  ],
};

function node(id: string, operator: string, label = id): StructureData["nodes"][number] {
  return { id, label, type: "task", children: null, is_mapped: false, tooltip: null, operator };
}

/** Newest first, as GET /ui/grid/runs answers. */
export const GRID_RUNS: GridRun[] = [
  {
    dag_id: DAG_ID,
    run_id: NEW_RUN,
    queued_at: "2025-06-02T09:30:00Z",
    start_date: "2025-06-02T09:30:01Z",
    end_date: null,
    run_after: "2025-06-02T09:30:00Z",
    state: "running",
    run_type: "manual",
    duration: 150,
  },
  {
    dag_id: DAG_ID,
    run_id: OLD_RUN,
    queued_at: "2025-06-02T03:00:00Z",
    start_date: "2025-06-02T03:00:02Z",
    end_date: "2025-06-02T03:10:02Z",
    run_after: "2025-06-02T03:00:00Z",
    state: "success",
    run_type: "scheduled",
    duration: 600,
  },
];

function cell(
  taskId: string,
  state: GridTaskInstanceSummary["state"],
  extra: Partial<GridTaskInstanceSummary> = {},
): GridTaskInstanceSummary {
  return {
    task_id: taskId,
    try_number: state === null ? 0 : 1,
    start_date: state === null ? null : "2025-06-02T03:00:05Z",
    end_date: state === null || state === "running" ? null : "2025-06-02T03:01:05Z",
    queued_dttm: null,
    child_states: null,
    task_count: 1,
    state,
    note: null,
    ...extra,
  };
}

export const SUMMARIES: Record<string, GridTaskInstanceSummaries> = {
  [OLD_RUN]: {
    dag_id: DAG_ID,
    run_id: OLD_RUN,
    task_instances: [
      cell("extract", "success"),
      cell("transform", "success", { child_states: { success: 2 }, task_count: 2 }),
      cell("transform.clean", "success"),
      cell("transform.join", "success", { try_number: 2 }),
      cell("load", "success", { child_states: { success: 2 }, task_count: 2 }),
    ],
  },
  [NEW_RUN]: {
    dag_id: DAG_ID,
    run_id: NEW_RUN,
    task_instances: [
      cell("extract", "success"),
      cell("transform", "failed", {
        child_states: { failed: 1, upstream_failed: 1 },
        task_count: 2,
      }),
      cell("transform.clean", "failed"),
      cell("transform.join", "upstream_failed"),
      cell("load", "running", {
        child_states: { success: 2, running: 1 },
        task_count: 3,
        try_number: 1,
      }),
    ],
  },
};

export function dagRun(overrides: Partial<DagRun> = {}): DagRun {
  return {
    dag_run_id: NEW_RUN,
    dag_id: DAG_ID,
    dag_display_name: "Sales ETL",
    logical_date: "2025-06-02T09:30:00Z",
    queued_at: "2025-06-02T09:30:00Z",
    start_date: "2025-06-02T09:30:01Z",
    end_date: null,
    duration: null,
    data_interval_start: "2025-06-02T09:30:00Z",
    data_interval_end: "2025-06-02T09:30:00Z",
    run_after: "2025-06-02T09:30:00Z",
    run_type: "manual",
    state: "running",
    triggered_by: "rest_api",
    triggering_user_name: null,
    conf: { full_refresh: true },
    note: null,
    ...overrides,
  };
}

export function taskInstance(overrides: Partial<TaskInstance> = {}): TaskInstance {
  return {
    id: "0197a9c8-0000-7000-8000-000000000001",
    task_id: "extract",
    dag_id: DAG_ID,
    dag_run_id: NEW_RUN,
    map_index: -1,
    logical_date: "2025-06-02T09:30:00Z",
    run_after: "2025-06-02T09:30:00Z",
    start_date: "2025-06-02T09:30:05Z",
    end_date: "2025-06-02T09:31:05Z",
    duration: 60,
    state: "success",
    try_number: 1,
    max_tries: 2,
    task_display_name: "extract",
    hostname: "worker-1",
    pool: "default_pool",
    pool_slots: 1,
    queue: "default",
    priority_weight: 3,
    operator: "PythonOperator",
    operator_name: "PythonOperator",
    queued_when: "2025-06-02T09:30:04Z",
    scheduled_when: "2025-06-02T09:30:03Z",
    note: null,
    rendered_map_index: null,
    ...overrides,
  };
}

/** Answers the DAG page's reads for `etl_sales` (the DAG, its details, grid, graph). */
export function answerDagPage(api: FakeApi, details: DagDetails = dagDetails()): void {
  api.on(`GET /api/v2/dags/${DAG_ID}`, () => details);
  api.on(`GET /api/v2/dags/${DAG_ID}/details`, () => details);
  api.on(`GET /api/v2/ui/grid/structure/${DAG_ID}`, () => GRID_STRUCTURE);
  api.on(`GET /api/v2/ui/grid/runs/${DAG_ID}`, (request) =>
    GRID_RUNS.slice(0, Number(request.query.get("limit") ?? "10")),
  );
  for (const [runId, summaries] of Object.entries(SUMMARIES))
    api.on(`GET /api/v2/ui/grid/ti_summaries/${DAG_ID}/${runId}`, () => summaries);
  api.on("GET /api/v2/ui/structure/structure_data", () => STRUCTURE);
}
