// TaskInstanceHistoryResponse as Airflow 3 writes it (one try of a task instance), from the
// store's try row; dag_version is null (Updraft keeps no DAG versions).
import type { TaskInstanceTryRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";

/** The JSON body of one try. */
export function taskInstanceHistoryResponse(t: TaskInstanceTryRow): Record<string, unknown> {
  return {
    task_id: t.taskId,
    dag_id: t.dagId,
    dag_run_id: t.runId,
    map_index: t.mapIndex,
    start_date: apiDate(t.startDate),
    end_date: apiDate(t.endDate),
    duration: t.duration,
    state: t.state,
    try_number: t.tryNumber,
    max_tries: t.maxTries,
    task_display_name: t.taskId,
    dag_display_name: t.dagDisplayName,
    hostname: t.hostname,
    unixname: t.unixname,
    pool: t.pool,
    pool_slots: t.poolSlots,
    queue: t.queue,
    priority_weight: t.priorityWeight,
    operator: t.operator,
    operator_name: t.operatorName,
    queued_when: apiDate(t.queuedDttm),
    scheduled_when: apiDate(t.scheduledDttm),
    pid: t.pid,
    executor: t.executor,
    executor_config: JSON.stringify(t.executorConfig),
    dag_version: null,
  };
}
