// TaskInstanceResponse, Airflow's JSON of a task instance, as the dry run of a DAG run's clear
// lists them. The run supplies logical_date, run_after and the DAG's display name; Updraft has
// no task display names (the task id is shown), triggers, triggerer jobs or DAG versions.
import type { DagRunResponseRow, TaskInstanceRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";

/** Airflow's TaskInstanceResponse (without the optional rendered_fields). */
export interface TaskInstanceResponse {
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
  readonly state: string | null;
  readonly try_number: number;
  readonly max_tries: number;
  readonly task_display_name: string;
  readonly dag_display_name: string;
  readonly hostname: string | null;
  readonly unixname: string | null;
  readonly pool: string;
  readonly pool_slots: number;
  readonly queue: string | null;
  readonly priority_weight: number | null;
  readonly operator: string | null;
  readonly operator_name: string | null;
  readonly queued_when: string | null;
  readonly scheduled_when: string | null;
  readonly pid: number | null;
  readonly executor: string | null;
  /** A string, as Airflow sends it. */
  readonly executor_config: string;
  readonly note: string | null;
  readonly rendered_map_index: string | null;
  readonly trigger: null;
  readonly triggerer_job: null;
  readonly dag_version: null;
}

/** The TaskInstanceResponse of `ti`, a task instance of `run`. */
export function taskInstanceResponse(
  ti: TaskInstanceRow,
  run: DagRunResponseRow,
): TaskInstanceResponse {
  return {
    id: ti.id,
    task_id: ti.taskId,
    dag_id: ti.dagId,
    dag_run_id: ti.runId,
    map_index: ti.mapIndex,
    logical_date: apiDate(run.logicalDate),
    run_after: apiDate(run.runAfter) ?? run.runAfter.toISOString(),
    start_date: apiDate(ti.startDate),
    end_date: apiDate(ti.endDate),
    duration: ti.duration,
    state: ti.state,
    try_number: ti.tryNumber,
    max_tries: ti.maxTries,
    task_display_name: ti.taskId,
    dag_display_name: run.dagDisplayName,
    hostname: ti.hostname,
    unixname: ti.unixname,
    pool: ti.pool,
    pool_slots: ti.poolSlots,
    queue: ti.queue,
    priority_weight: ti.priorityWeight,
    operator: ti.operator,
    operator_name: ti.operator,
    queued_when: apiDate(ti.queuedDttm),
    scheduled_when: apiDate(ti.scheduledDttm),
    pid: ti.pid,
    executor: ti.executor,
    executor_config: JSON.stringify(ti.executorConfig),
    note: ti.note,
    rendered_map_index: ti.renderedMapIndex,
    trigger: null,
    triggerer_job: null,
    dag_version: null,
  };
}
