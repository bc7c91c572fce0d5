// DAGRunResponse, Airflow's JSON of a DAG run. Fields Updraft does not track are answered as
// Airflow answers them when unset: no DAG versions (one serialized version per DAG, no
// dag_version table), no bundle version, no partition key, no triggering user.
import { DagRunTriggeredByType, type DagRunState, type DagRunType } from "@updraft/sdk";
import type { DagRunResponseRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";

/** Airflow's DAGRunResponse. */
export interface DagRunResponse {
  readonly dag_run_id: string;
  readonly dag_id: string;
  readonly logical_date: string | null;
  readonly queued_at: string | null;
  readonly start_date: string | null;
  readonly end_date: string | null;
  /** Seconds from start to end; null until the run has both. */
  readonly duration: number | null;
  readonly data_interval_start: string | null;
  readonly data_interval_end: string | null;
  readonly run_after: string;
  readonly last_scheduling_decision: string | null;
  readonly run_type: DagRunType;
  readonly state: DagRunState;
  readonly triggered_by: DagRunTriggeredByType | null;
  readonly triggering_user_name: string | null;
  readonly conf: Readonly<Record<string, unknown>> | null;
  readonly note: string | null;
  readonly dag_versions: readonly never[];
  readonly bundle_version: string | null;
  readonly dag_display_name: string;
  readonly partition_key: string | null;
}

const TRIGGERED_BY: ReadonlySet<string> = new Set(Object.values(DagRunTriggeredByType));

/** A run's duration in seconds, as Airflow's DagRun.duration. */
export const runDuration = (start: Date | null, end: Date | null): number | null =>
  start === null || end === null ? null : (end.getTime() - start.getTime()) / 1000;

/** The DAGRunResponse of a run. */
export function dagRunResponse(run: DagRunResponseRow): DagRunResponse {
  return {
    dag_run_id: run.runId,
    dag_id: run.dagId,
    logical_date: apiDate(run.logicalDate),
    queued_at: apiDate(run.queuedAt),
    start_date: apiDate(run.startDate),
    end_date: apiDate(run.endDate),
    duration: runDuration(run.startDate, run.endDate),
    data_interval_start: apiDate(run.dataIntervalStart),
    data_interval_end: apiDate(run.dataIntervalEnd),
    run_after: apiDate(run.runAfter) ?? run.runAfter.toISOString(),
    last_scheduling_decision: apiDate(run.lastSchedulingDecision),
    run_type: run.runType,
    state: run.state,
    // Only Airflow's values are valid on the wire; anything else stored reads as unknown.
    triggered_by:
      run.triggeredBy !== null && TRIGGERED_BY.has(run.triggeredBy)
        ? (run.triggeredBy as DagRunTriggeredByType)
        : null,
    triggering_user_name: null,
    conf: run.conf,
    note: run.note,
    dag_versions: [],
    bundle_version: null,
    dag_display_name: run.dagDisplayName,
    partition_key: null,
  };
}
