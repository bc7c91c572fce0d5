// The `alert` row (one open or resolved alert per destination × task or DAG × event).
import type { Row } from "../sqlClient";

/** One alert. `lastFacts` and `target` are the notify package's JSON, opaque here. */
export interface AlertRow {
  readonly alertKey: string;
  readonly scope: "task" | "dag";
  readonly dagId: string;
  readonly taskId: string | null;
  readonly event: "failure" | "retry";
  readonly channel: "email" | "slack";
  readonly connId: string;
  readonly target: Readonly<Record<string, unknown>>;
  readonly state: "open" | "resolved";
  readonly openedAt: Date;
  readonly lastEventAt: Date;
  readonly windowStartedAt: Date;
  readonly windowEndsAt: Date;
  /** Notifications held back in the current window. */
  readonly suppressed: number;
  readonly lastFacts: Readonly<Record<string, unknown>>;
  readonly resolvedAt: Date | null;
}

const date = (value: unknown): Date => new Date(value as string | Date);

/** Maps an `alert` row. */
export function alertFromRow(row: Row): AlertRow {
  return {
    alertKey: row.alert_key as string,
    scope: row.scope as AlertRow["scope"],
    dagId: row.dag_id as string,
    taskId: (row.task_id as string | null) ?? null,
    event: row.event as AlertRow["event"],
    channel: row.channel as AlertRow["channel"],
    connId: row.conn_id as string,
    target: (row.target as Record<string, unknown> | null) ?? {},
    state: row.state as AlertRow["state"],
    openedAt: date(row.opened_at),
    lastEventAt: date(row.last_event_at),
    windowStartedAt: date(row.window_started_at),
    windowEndsAt: date(row.window_ends_at),
    suppressed: Number(row.suppressed),
    lastFacts: (row.last_facts as Record<string, unknown> | null) ?? {},
    resolvedAt:
      row.resolved_at === null || row.resolved_at === undefined ? null : date(row.resolved_at),
  };
}
