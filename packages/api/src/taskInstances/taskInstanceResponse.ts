// TaskInstanceResponse as Airflow 3 writes it, from the store's row. Updraft keeps no DAG
// versions, triggers or triggerer jobs (dag_version, trigger and triggerer_job are null) and no
// task display names (task_display_name is the task_id, as Airflow's default).
import type { TaskInstanceResponseRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";

/** The JSON body of one task instance. */
export function taskInstanceResponse(ti: TaskInstanceResponseRow): Record<string, unknown> {
  return {
    id: ti.id,
    task_id: ti.taskId,
    dag_id: ti.dagId,
    dag_run_id: ti.runId,
    map_index: ti.mapIndex,
    logical_date: apiDate(ti.logicalDate),
    run_after: apiDate(ti.runAfter),
    start_date: apiDate(ti.startDate),
    end_date: apiDate(ti.endDate),
    duration: ti.duration,
    state: ti.state,
    try_number: ti.tryNumber,
    max_tries: ti.maxTries,
    task_display_name: ti.taskId,
    dag_display_name: ti.dagDisplayName,
    hostname: ti.hostname,
    unixname: ti.unixname,
    pool: ti.pool,
    pool_slots: ti.poolSlots,
    queue: ti.queue,
    priority_weight: ti.priorityWeight,
    operator: ti.operator,
    operator_name: ti.operatorName,
    queued_when: apiDate(ti.queuedDttm),
    scheduled_when: apiDate(ti.scheduledDttm),
    pid: ti.pid,
    executor: ti.executor,
    // Airflow writes str(executor_config); JSON is the same for the usual {} and readable
    // otherwise.
    executor_config: JSON.stringify(ti.executorConfig),
    note: ti.note,
    rendered_map_index: ti.renderedMapIndex,
    rendered_fields: ti.renderedFields,
    trigger: null,
    triggerer_job: null,
    dag_version: null,
  };
}

/** TaskInstanceCollectionResponse. */
export const taskInstanceCollection = (
  tis: readonly TaskInstanceResponseRow[],
  totalEntries: number = tis.length,
) => ({ task_instances: tis.map(taskInstanceResponse), total_entries: totalEntries });
