// An audit log entry as Airflow's EventLogResponse shows it. Updraft's log keeps no logical date
// (its entries are the API's own actions, which Airflow records without one either); a task's
// display name is its id, as everywhere in Updraft.
import type { EventLogRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";

/** Airflow's EventLogResponse. */
export interface EventLogResponseBody {
  readonly event_log_id: number;
  readonly when: string;
  readonly dag_id: string | null;
  readonly task_id: string | null;
  readonly run_id: string | null;
  readonly map_index: number | null;
  readonly try_number: number | null;
  readonly event: string;
  readonly logical_date: null;
  readonly owner: string | null;
  readonly extra: string | null;
  readonly dag_display_name: string | null;
  readonly task_display_name: string | null;
}

/** The EventLogResponse of `entry`. */
export function eventLogResponse(entry: EventLogRow): EventLogResponseBody {
  return {
    event_log_id: entry.id,
    when: apiDate(entry.dttm) ?? "",
    dag_id: entry.dagId,
    task_id: entry.taskId,
    run_id: entry.runId,
    map_index: entry.mapIndex,
    try_number: entry.tryNumber,
    event: entry.event,
    logical_date: null,
    owner: entry.owner,
    extra: entry.extra,
    dag_display_name: entry.dagDisplayName,
    task_display_name: entry.taskId,
  };
}
