// The `notification` row (the alert outbox) in camelCase.
import type { Row } from "../sqlClient";

/** Where a notification is in its delivery. */
export type NotificationState = "pending" | "sending" | "sent" | "failed" | "suppressed";
/** Why it is sent. */
export type NotificationEvent = "failure" | "retry" | "success" | "recovery" | "summary";
/** How it is sent. */
export type NotificationChannel = "email" | "slack";

/** One notification. `facts` and `target` are the notify package's JSON, opaque here. */
export interface NotificationRow {
  readonly id: number;
  readonly createdAt: Date;
  readonly alertKey: string | null;
  readonly event: NotificationEvent;
  readonly channel: NotificationChannel;
  readonly connId: string;
  readonly target: Readonly<Record<string, unknown>>;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly dagId: string;
  readonly runId: string | null;
  readonly taskId: string | null;
  readonly mapIndex: number;
  readonly tryNumber: number | null;
  readonly state: NotificationState;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly sentAt: Date | null;
}

/** Maps a `notification` row. */
export function notificationFromRow(row: Row): NotificationRow {
  return {
    id: Number(row.id),
    createdAt: new Date(row.created_at as string | Date),
    alertKey: (row.alert_key as string | null) ?? null,
    event: row.event as NotificationEvent,
    channel: row.channel as NotificationChannel,
    connId: row.conn_id as string,
    target: (row.target as Record<string, unknown> | null) ?? {},
    facts: (row.facts as Record<string, unknown> | null) ?? {},
    dagId: row.dag_id as string,
    runId: (row.run_id as string | null) ?? null,
    taskId: (row.task_id as string | null) ?? null,
    mapIndex: Number(row.map_index),
    tryNumber:
      row.try_number === null || row.try_number === undefined ? null : Number(row.try_number),
    state: row.state as NotificationState,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at as string | Date),
    lastError: (row.last_error as string | null) ?? null,
    sentAt:
      row.sent_at === null || row.sent_at === undefined
        ? null
        : new Date(row.sent_at as string | Date),
  };
}
