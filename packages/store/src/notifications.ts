// The channel through which writers wake the scheduler (Postgres LISTEN/NOTIFY): a try finished,
// a run was created or cleared. Notifications are sent inside the writer's transaction, so the
// scheduler is woken only once the change is committed and visible to it.
import type { SqlClient } from "./sqlClient";

/** The LISTEN/NOTIFY channel the scheduler listens on. */
export const SCHEDULER_CHANNEL = "updraft_scheduler";

/**
 * Why the scheduler was woken; the payload of a notification on SCHEDULER_CHANNEL.
 * "task_due_later": tries finished and some ended up_for_retry or up_for_reschedule, so the
 * scheduler's next timed wake-up may have moved ("task_finished": none did).
 */
export type SchedulerWakeReason =
  | "task_finished"
  | "task_due_later"
  | "dag_run_created"
  | "asset_updated"
  | "cleared"
  | "dag_changed";

/** Sends a wake-up on SCHEDULER_CHANNEL (delivered when the surrounding transaction commits). */
export async function notifyScheduler(
  client: SqlClient,
  reason: SchedulerWakeReason,
): Promise<void> {
  await client.query("select pg_notify($1, $2)", [SCHEDULER_CHANNEL, reason]);
}
