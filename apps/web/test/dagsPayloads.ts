// Airflow-shaped answers for the DAGs list and trigger tests: a DAGResponse, a DAGRunResponse,
// a DAGDetailsResponse, as the API serves them (every field, snake_case, ISO dates in UTC).
import type { DagDetails, DagParam, DagRun, DagWithLatestRuns } from "../src/api/types";

export function dagRunPayload(dagId: string, runId: string, state: DagRun["state"]): DagRun {
  return {
    dag_run_id: runId,
    dag_id: dagId,
    dag_display_name: dagId,
    logical_date: "2026-03-01T06:00:00Z",
    queued_at: "2026-03-01T06:00:01Z",
    start_date: "2026-03-01T06:00:02Z",
    end_date: state === "running" || state === "queued" ? null : "2026-03-01T06:04:02Z",
    duration: state === "running" || state === "queued" ? null : 240,
    data_interval_start: "2026-02-28T06:00:00Z",
    data_interval_end: "2026-03-01T06:00:00Z",
    run_after: "2026-03-01T06:00:00Z",
    run_type: "scheduled",
    state,
    triggered_by: "timetable",
    triggering_user_name: null,
    conf: {},
    note: null,
    ...({ last_scheduling_decision: null, dag_versions: [], bundle_version: null } as object),
  };
}

export function dagPayload(
  dagId: string,
  fields: Partial<DagWithLatestRuns> = {},
): DagWithLatestRuns {
  const displayName = fields.dag_display_name ?? dagId;
  return {
    dag_id: dagId,
    dag_display_name: displayName,
    is_paused: false,
    is_stale: false,
    description: null,
    fileloc: `/opt/dags/${dagId}.ts`,
    relative_fileloc: `${dagId}.ts`,
    timetable_summary: "0 6 * * *",
    timetable_description: "At 06:00",
    tags: [],
    owners: ["data-eng"],
    max_active_tasks: 16,
    max_active_runs: 16,
    has_import_errors: false,
    next_dagrun_logical_date: "2026-03-02T06:00:00Z",
    next_dagrun_data_interval_start: "2026-03-01T06:00:00Z",
    next_dagrun_data_interval_end: "2026-03-02T06:00:00Z",
    next_dagrun_run_after: "2026-03-02T06:00:00Z",
    last_parsed_time: "2026-03-01T05:59:00Z",
    file_token: "eyJmaWxlIjoiZGFnIn0.c2lnbmF0dXJl",
    latest_dag_runs: [],
    ...({
      last_parse_duration: null,
      last_expired: null,
      bundle_name: null,
      bundle_version: null,
      timetable_partitioned: false,
      max_consecutive_failed_dag_runs: 0,
      has_task_concurrency_limits: false,
      allowed_run_types: null,
    } as object),
    ...fields,
  };
}

/** A param as the serialized DAG holds it. */
export function paramPayload(
  value: unknown,
  schema: Record<string, unknown>,
  extra: Partial<DagParam> & { has_default?: false } = {},
): DagParam {
  return {
    __class: "airflow.sdk.definitions.param.Param",
    value,
    description: null,
    schema,
    ...({ source: null } as object),
    ...extra,
  };
}

export function dagDetailsPayload(
  dagId: string,
  params: Record<string, DagParam> | null,
): DagDetails {
  const { latest_dag_runs: _runs, ...dag } = dagPayload(dagId);
  return {
    ...dag,
    catchup: false,
    dag_run_timeout: null,
    doc_md: null,
    start_date: "2026-01-01T00:00:00Z",
    end_date: null,
    params,
    timezone: "UTC",
    default_args: { owner: "data-eng" },
    concurrency: 16,
    active_runs_count: 0,
  };
}
