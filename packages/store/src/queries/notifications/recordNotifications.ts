// recordNotifications: puts notifications in the outbox, throttled per alert.
//   locks:   the `alert` rows of the items' alert keys (upsert), in one transaction
//   writes:  per item with an alert key (failures, retries): the alert opened (or kept open) —
//            within its window the notification is stored `suppressed` and counted, else it is
//            `pending` and the alert's window starts now; items without a key are `pending`.
//            Then a wake-up on NOTIFICATIONS_CHANNEL.
//   returns: the stored notifications, in input order
import { type NotificationRow, notificationFromRow } from "../../rows/notificationRow";
import type { SqlClient } from "../../sqlClient";
import { NOTIFICATIONS_CHANNEL } from "./notificationsChannel";

/** One notification to record. */
export interface NotificationInput extends Pick<
  NotificationRow,
  | "alertKey"
  | "event"
  | "channel"
  | "connId"
  | "target"
  | "facts"
  | "dagId"
  | "runId"
  | "taskId"
  | "mapIndex"
  | "tryNumber"
> {
  /** Throttling keys on it: same key, same alert (destination × task or DAG × event). */
  readonly alertKey: string | null;
  readonly scope: "task" | "dag";
}

/** Input of recordNotifications. */
export interface RecordNotificationsInput {
  readonly notifications: readonly NotificationInput[];
  /** The throttle window of an alert, in seconds. */
  readonly windowSeconds: number;
  /** The database clock when omitted. */
  readonly now?: Date;
}

// Within an open alert's window the item is held back (suppressed + 1); otherwise the alert
// (re)opens with a fresh window. `held` tells which, as the update's result.
const UPSERT_ALERT = `insert into alert (alert_key, scope, dag_id, task_id, event, channel, conn_id,
    target, state, opened_at, last_event_at, window_started_at, window_ends_at, suppressed,
    last_facts)
  values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 'open', $9::timestamptz, $9::timestamptz,
    $9::timestamptz, $9::timestamptz + make_interval(secs => $10), 0, $11::jsonb)
  on conflict (alert_key) do update set
    suppressed = case when alert.state = 'open' and alert.window_ends_at > excluded.last_event_at
      then alert.suppressed + 1 else 0 end,
    opened_at = case when alert.state = 'open' then alert.opened_at else excluded.opened_at end,
    window_started_at = case when alert.state = 'open'
      and alert.window_ends_at > excluded.last_event_at
      then alert.window_started_at else excluded.window_started_at end,
    window_ends_at = case when alert.state = 'open' and alert.window_ends_at > excluded.last_event_at
      then alert.window_ends_at else excluded.window_ends_at end,
    last_event_at = excluded.last_event_at,
    last_facts = excluded.last_facts,
    state = 'open', resolved_at = null
  returning suppressed > 0 as held`;

const INSERT = `insert into notification (alert_key, event, channel, conn_id, target, facts, dag_id,
    run_id, task_id, map_index, try_number, state, created_at, next_attempt_at)
  values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11, $12, $13::timestamptz,
    $13::timestamptz)
  returning *`;

/** Records notifications (one transaction); suppressed ones are stored too, for the record. */
export async function recordNotifications(
  client: SqlClient,
  input: RecordNotificationsInput,
): Promise<NotificationRow[]> {
  if (input.notifications.length === 0) return [];
  return client.transaction(async (tx) => {
    const now = input.now ?? (await tx.query<{ now: Date }>("select now() as now")).rows[0]?.now;
    const rows: NotificationRow[] = [];
    for (const n of input.notifications) {
      let state = "pending";
      if (n.alertKey !== null && (n.event === "failure" || n.event === "retry")) {
        const alert = await tx.query<{ held: boolean }>(UPSERT_ALERT, [
          n.alertKey,
          n.scope,
          n.dagId,
          n.taskId,
          n.event,
          n.channel,
          n.connId,
          JSON.stringify(n.target),
          now,
          input.windowSeconds,
          JSON.stringify(n.facts),
        ]);
        if (alert.rows[0]?.held === true) state = "suppressed";
      }
      const inserted = await tx.query(INSERT, [
        n.alertKey,
        n.event,
        n.channel,
        n.connId,
        JSON.stringify(n.target),
        JSON.stringify(n.facts),
        n.dagId,
        n.runId,
        n.taskId,
        n.mapIndex,
        n.tryNumber,
        state,
        now,
      ]);
      rows.push(notificationFromRow(inserted.rows[0]!));
    }
    await tx.query("select pg_notify($1, '')", [NOTIFICATIONS_CHANNEL]);
    return rows;
  });
}
