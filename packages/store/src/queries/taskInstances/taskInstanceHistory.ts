// task_instance_history holds the tries that were superseded, as Airflow 3's TaskInstanceHistory
// does (TaskInstance.prepare_db_for_next_try): a try that ended up_for_retry (the next try
// replaces it) and a try that was cleared. The current try lives in `task_instance` alone, so a
// try that simply succeeds or fails writes no history row; listTaskInstanceTries reads both.

/** The columns a history row copies from its `task_instance` row. */
export const HISTORY_COLUMNS = `dag_id, run_id, task_id, map_index, try_number, max_tries, state,
  start_date, end_date, duration, hostname, unixname, pid, pool, pool_slots, queue,
  priority_weight, operator, queued_dttm, scheduled_dttm, executor, rendered_map_index`;

/** HISTORY_COLUMNS, each qualified with `alias` (for a select that joins other relations). */
export function historyColumnsOf(alias: string): string {
  return HISTORY_COLUMNS.replace(/\w+/g, (column) => `${alias}.${column}`);
}

/** The states in which a try has ended and can be superseded (a history row is recorded). */
export const ENDED_TRY_STATES = `('success', 'failed', 'skipped', 'up_for_retry')`;
