// `updraft notifications list`: the alert outbox, newest first — what was sent, what is still
// being retried, what was held back by throttling, and what could not be delivered, with why.
import { listNotifications, type NotificationRow, type NotificationState } from "@updraft/store";
import type { Config } from "../config";
import { formatRows, type OutputFormat } from "../table";
import type { Io } from "./dags";
import { parsePositiveInt } from "./parseInput";
import { withMigratedDatabase } from "./withDatabase";

const STATES: readonly NotificationState[] = ["pending", "sending", "sent", "failed", "suppressed"];

function destination(n: NotificationRow): string {
  if (n.channel === "email")
    return Array.isArray(n.target.to) ? (n.target.to as string[]).join(",") : "";
  return typeof n.target.channel === "string" ? n.target.channel : "(webhook's channel)";
}

function row(n: NotificationRow): Record<string, string | number | null> {
  return {
    id: n.id,
    created_at: n.createdAt.toISOString(),
    state: n.state,
    event: n.event,
    channel: n.channel,
    conn_id: n.connId,
    to: destination(n),
    dag_id: n.dagId,
    task_id: n.taskId ?? "",
    run_id: n.runId ?? "",
    try_number: n.tryNumber ?? "",
    attempts: n.attempts,
    last_error: n.lastError ?? "",
  };
}

/** Options of `notifications list`. */
export interface ListNotificationsOptions {
  readonly state?: string;
  readonly dagId?: string;
  readonly limit?: string;
  readonly output: OutputFormat;
}

/** Prints the notifications. */
export async function listNotificationsCommand(
  config: Config,
  options: ListNotificationsOptions,
  io: Io,
): Promise<number> {
  if (options.state !== undefined && !STATES.includes(options.state as NotificationState))
    throw new RangeError(
      `--state: expected one of ${STATES.join(", ")}, got ${JSON.stringify(options.state)}`,
    );
  const limit = options.limit === undefined ? 100 : parsePositiveInt("--limit", options.limit);
  return withMigratedDatabase(config, io, async (client) => {
    const { notifications } = await listNotifications(client, {
      limit,
      ...(options.state === undefined ? {} : { state: options.state as NotificationState }),
      ...(options.dagId === undefined ? {} : { dagId: options.dagId }),
    });
    io.out(
      formatRows(
        notifications.map(row),
        [
          "id",
          "created_at",
          "state",
          "event",
          "channel",
          "conn_id",
          "to",
          "dag_id",
          "task_id",
          "run_id",
          "try_number",
          "attempts",
          "last_error",
        ],
        options.output,
      ),
    );
    return 0;
  });
}
