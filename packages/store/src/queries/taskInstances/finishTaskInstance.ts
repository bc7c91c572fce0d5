// finishTaskInstance: a running try ends, in one transaction. A stale try (the task instance was
// cleared, failed as a zombie or moved on) changes nothing.
//   locks:   the `task_instance` row
//   writes:  state (success | failed | skipped | up_for_retry | up_for_reschedule), end_date = now,
//            duration, next_retry_at (up_for_retry only) — only if state = 'running' and
//            try_number = tryNumber; then a `task_instance_history` row copying the try, or for
//            up_for_reschedule (the try continues later) a `task_reschedule` row; notifies
//            SCHEDULER_CHANNEL ("task_finished") on commit
//   returns: the finished task instance, or null when it was not running with that try
import {
  type TaskInstanceKey,
  type TaskInstanceRow,
  taskInstanceFromRow,
} from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";
import { notifyScheduler } from "../../notifications";
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
    /** The database clock when omitted. */
    readonly now?: Date;
  };

const OUTCOMES = new Set(["success", "failed", "skipped", "up_for_retry", "up_for_reschedule"]);

const HISTORY_COLUMNS = `dag_id, run_id, task_id, map_index, try_number, max_tries, state,
  start_date, end_date, duration, hostname, unixname, pid, pool, pool_slots, queue,
  priority_weight, operator, queued_dttm, scheduled_dttm, executor, rendered_map_index`;

/** Ends the running try with an outcome; null when the try is not the running one. */
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
  return client.transaction(async (tx) => {
    const updated = await tx.query(
      `update task_instance set state = $6, updated_at = now(),
         end_date = coalesce($7::timestamptz, now()),
         duration = extract(epoch from coalesce($7::timestamptz, now())
           - coalesce(start_date, $7::timestamptz, now())),
         next_retry_at = $8
       where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4
         and state = 'running' and try_number = $5
       returning *`,
      [
        input.dagId,
        input.runId,
        input.taskId,
        input.mapIndex,
        input.tryNumber,
        input.state,
        input.now ?? null,
        nextRetryAt,
      ],
    );
    const row = updated.rows[0];
    if (row === undefined) return null;
    if (input.state === "up_for_reschedule") {
      await tx.query(
        `insert into task_reschedule (task_instance_id, try_number, start_date, end_date,
           duration, reschedule_date)
         select id, try_number, coalesce(start_date, end_date), end_date, duration, $2
         from task_instance where id = $1`,
        [row.id, input.rescheduleDate],
      );
    } else {
      await tx.query(
        `insert into task_instance_history (task_instance_id, ${HISTORY_COLUMNS})
         select id, ${HISTORY_COLUMNS} from task_instance where id = $1
         on conflict on constraint task_instance_history_key do update set
           state = excluded.state, end_date = excluded.end_date, duration = excluded.duration`,
        [row.id],
      );
    }
    await notifyScheduler(tx, "task_finished");
    return taskInstanceFromRow(row);
  });
}
