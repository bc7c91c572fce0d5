// listNotifications: the outbox, newest first, for operators (`updraft notifications list`).
//   reads:   `notification`, optionally of one state and/or DAG
//   returns: a page of notifications and the total matching
import {
  type NotificationRow,
  type NotificationState,
  notificationFromRow,
} from "../../rows/notificationRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listNotifications. */
export interface ListNotificationsInput {
  readonly state?: NotificationState;
  readonly dagId?: string;
  /** @default 100 */
  readonly limit?: number;
  /** @default 0 */
  readonly offset?: number;
}

/** Lists notifications, newest first. */
export async function listNotifications(
  client: SqlClient,
  input: ListNotificationsInput = {},
): Promise<{ notifications: NotificationRow[]; totalEntries: number }> {
  const result = await client.query(
    `select *, count(*) over () as total_entries from notification
     where ($1::text is null or state = $1) and ($2::text is null or dag_id = $2)
     order by created_at desc, id desc limit $3 offset $4`,
    [input.state ?? null, input.dagId ?? null, input.limit ?? 100, input.offset ?? 0],
  );
  const total = result.rows[0]?.total_entries;
  if (total === undefined && (input.offset ?? 0) > 0) {
    const count = await client.query<{ n: number }>(
      `select count(*)::int as n from notification
       where ($1::text is null or state = $1) and ($2::text is null or dag_id = $2)`,
      [input.state ?? null, input.dagId ?? null],
    );
    return { notifications: [], totalEntries: Number(count.rows[0]?.n ?? 0) };
  }
  return {
    notifications: result.rows.map(notificationFromRow),
    totalEntries: Number(total ?? 0),
  };
}
