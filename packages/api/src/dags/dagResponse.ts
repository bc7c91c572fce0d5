// A DAG as Airflow's DAGResponse: the `dag` row, its tags and the serialized DAG's display name.
// What Updraft has no notion of is null or its neutral value: bundles (bundle_name/version
// null), parse duration and expiry (null), partitioned timetables (false), per-DAG limits on
// run types (allowed_run_types null: every type).
import type { DagResponseRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";
import { fileToken } from "./fileToken";

/** Airflow's DagTagResponse. */
export interface DagTagBody {
  readonly name: string;
  readonly dag_id: string;
  readonly dag_display_name: string;
}

/** Airflow's DAGResponse. */
export interface DagResponseBody {
  readonly dag_id: string;
  readonly dag_display_name: string;
  readonly is_paused: boolean;
  readonly is_stale: boolean;
  readonly last_parsed_time: string | null;
  readonly last_parse_duration: number | null;
  readonly last_expired: string | null;
  readonly bundle_name: string | null;
  readonly bundle_version: string | null;
  readonly relative_fileloc: string | null;
  readonly fileloc: string;
  readonly description: string | null;
  readonly timetable_summary: string | null;
  readonly timetable_description: string | null;
  readonly timetable_partitioned: boolean;
  readonly tags: readonly DagTagBody[];
  readonly max_active_tasks: number;
  readonly max_active_runs: number | null;
  readonly max_consecutive_failed_dag_runs: number;
  readonly has_task_concurrency_limits: boolean;
  readonly has_import_errors: boolean;
  readonly next_dagrun_logical_date: string | null;
  readonly next_dagrun_data_interval_start: string | null;
  readonly next_dagrun_data_interval_end: string | null;
  readonly next_dagrun_run_after: string | null;
  readonly allowed_run_types: readonly string[] | null;
  readonly owners: readonly string[];
  readonly file_token: string;
}

/** Owners as Airflow lists them: the stored "a, b" split on commas. */
const ownersOf = (owners: string): string[] =>
  owners
    .split(",")
    .map((owner) => owner.trim())
    .filter((owner) => owner !== "");

/** The DAGResponse of `dag`; `secret` signs the file token. */
export function dagResponse(dag: DagResponseRow, secret: string): DagResponseBody {
  const fileloc = dag.fileloc ?? "";
  return {
    dag_id: dag.dagId,
    dag_display_name: dag.dagDisplayName,
    is_paused: dag.isPaused,
    is_stale: dag.isStale,
    last_parsed_time: apiDate(dag.lastParsedTime),
    last_parse_duration: null,
    last_expired: null,
    bundle_name: null,
    bundle_version: null,
    relative_fileloc: dag.relativeFileloc,
    fileloc,
    description: dag.description,
    timetable_summary: dag.timetableSummary,
    timetable_description: dag.timetableDescription,
    timetable_partitioned: false,
    tags: dag.tags.map((name) => ({
      name,
      dag_id: dag.dagId,
      dag_display_name: dag.dagDisplayName,
    })),
    max_active_tasks: dag.maxActiveTasks,
    max_active_runs: dag.maxActiveRuns,
    max_consecutive_failed_dag_runs: dag.maxConsecutiveFailedDagRuns,
    has_task_concurrency_limits: dag.hasTaskConcurrencyLimits,
    has_import_errors: dag.hasImportErrors,
    next_dagrun_logical_date: apiDate(dag.nextDagRun),
    next_dagrun_data_interval_start: apiDate(dag.nextDagRunDataIntervalStart),
    next_dagrun_data_interval_end: apiDate(dag.nextDagRunDataIntervalEnd),
    next_dagrun_run_after: apiDate(dag.nextDagRunCreateAfter),
    allowed_run_types: null,
    owners: ownersOf(dag.owners),
    file_token: fileToken(fileloc, secret),
  };
}
