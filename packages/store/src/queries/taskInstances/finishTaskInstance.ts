// finishTaskInstance: a running try ends, in one statement. A stale try (the task instance was
// cleared, failed as a zombie or moved on) changes nothing.
//   locks:   the `task_instance` row
//   writes:  state (success | failed | skipped | up_for_retry | up_for_reschedule), end_date = now,
//            duration, next_retry_at (up_for_retry only) — only if state = 'running' and
//            try_number = tryNumber; then a `task_instance_history` row copying the try, or for
//            up_for_reschedule (the try continues later) a `task_reschedule` row; the given log
//            lines and rendered fields; notifies SCHEDULER_CHANNEL ("task_finished") on commit
//   returns: the finished task instance, or null when it was not running with that try
import {
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
} from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";
import { SCHEDULER_CHANNEL } from "../../notifications";
import type { TaskLogLine } from "../logs/appendTaskLogs";
import { StoreError } from "../../storeError";

/** How the try ended. */
export type TaskInstanceOutcome =
  | { readonly state: "success" | "failed" | "skipped" }
  /** nextRetryAt: engine's nextRetryDatetime of this try. */
  | { readonly state: "up_for_retry"; readonly nextRetryAt: Date }
  /** rescheduleDate: when the sensor pokes again. */
  | { readonly state: "up_for_reschedule"; readonly rescheduleDate: Date };

/** Input of finishTaskInstance. */
export type FinishTaskInstanceInput = TaskInstanceKey &
  TaskInstanceOutcome & {
    /** The try that ran; it must be the task instance's current, running try. */
    readonly tryNumber: number;
    /** The try's last log lines, written in the same statement (so none is lost or late). */
    readonly logLines?: readonly TaskLogLine[];
    /** The rendered template fields, upserted into rendered_task_instance_fields. */
    readonly renderedFields?: Readonly<Record<string, unknown>>;
    /** The database clock when omitted. */
    readonly now?: Date;
  };

const OUTCOMES = new Set(["success", "failed", "skipped", "up_for_retry", "up_for_reschedule"]);

const HISTORY_COLUMNS = `dag_id, run_id, task_id, map_index, try_number, max_tries, state,
  start_date, end_date, duration, hostname, unixname, pid, pool, pool_slots, queue,
  priority_weight, operator, queued_dttm, scheduled_dttm, executor, rendered_map_index`;

/**
 * Ends the running try with an outcome; null when the try is not the running one. One statement
 * (one round trip, atomic): the compare-and-set, the history or reschedule row, the try's last
 * log lines and rendered fields when given, and the scheduler's wake-up.
 */
export async function finishTaskInstance(
  client: SqlClient,
  input: FinishTaskInstanceInput,
): Promise<TaskInstanceRow | null> {
  if (!OUTCOMES.has(input.state)) {
    throw new StoreError(
      "INVALID_INPUT",
      `state: expected one of ${[...OUTCOMES].join(", ")}, got ${String(input.state)}`,
    );
  }
  const nextRetryAt = input.state === "up_for_retry" ? input.nextRetryAt : null;
  const rescheduleDate = input.state === "up_for_reschedule" ? input.rescheduleDate : null;
  const lines = (input.logLines ?? []).map((l) => ({
    timestamp: l.timestamp?.toISOString() ?? null,
    level: l.level ?? "info",
    message: l.message.replace(/\0/g, "\uFFFD"),
  }));
  const result = await client.query(
    `with updated as (
       update task_instance set state = $6, updated_at = now(),
         end_date = coalesce($7::timestamptz, now()),
         duration = extract(epoch from coalesce($7::timestamptz, now())
           - coalesce(start_date, $7::timestamptz, now())),
         next_retry_at = $8
       where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4
         and state = 'running' and try_number = $5
       returning *
     ), history as (
       insert into task_instance_history (task_instance_id, ${HISTORY_COLUMNS})
       select id, ${HISTORY_COLUMNS} from updated where $6 <> 'up_for_reschedule'
       on conflict on constraint task_instance_history_key do update set
         state = excluded.state, end_date = excluded.end_date, duration = excluded.duration
     ), reschedule as (
       insert into task_reschedule (task_instance_id, try_number, start_date, end_date,
         duration, reschedule_date)
       select id, try_number, coalesce(start_date, end_date), end_date, duration, $9
       from updated where $6 = 'up_for_reschedule'
     ), logs as (
       insert into task_log (dag_id, run_id, task_id, map_index, try_number, timestamp, level,
         message)
       select u.dag_id, u.run_id, u.task_id, u.map_index, u.try_number,
         coalesce((l.line->>'timestamp')::timestamptz, now()), l.line->>'level',
         l.line->>'message'
       from updated u cross join jsonb_array_elements($10::jsonb) with ordinality as l(line, ord)
       order by l.ord
     ), rendered as (
       insert into rendered_task_instance_fields (dag_id, run_id, task_id, map_index,
         rendered_fields)
       select dag_id, run_id, task_id, map_index, $11::jsonb from updated where $11::jsonb is not null
       on conflict (dag_id, run_id, task_id, map_index)
         do update set rendered_fields = excluded.rendered_fields
     ), wake as (
       select pg_notify($12, 'task_finished') from updated
     )
     select updated.*, (select count(*) from wake) as woken from updated`,
    [
      input.dagId,
      input.runId,
      input.taskId,
      input.mapIndex,
      input.tryNumber,
      input.state,
      input.now ?? null,
      nextRetryAt,
      rescheduleDate,
      JSON.stringify(lines),
      input.renderedFields === undefined ? null : JSON.stringify(input.renderedFields),
      SCHEDULER_CHANNEL,
    ],
  );
  const row = result.rows[0];
  return row === undefined ? null : taskInstanceFromRow(row);
}
