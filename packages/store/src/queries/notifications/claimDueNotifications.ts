// claimDueNotifications: takes notifications due for (another) delivery attempt.
//   locks:   the claimed rows, FOR UPDATE SKIP LOCKED (two dispatchers take disjoint sets)
//   writes:  state sending, attempts + 1, next_attempt_at = now + lease — so a row whose
//            dispatcher died mid-send becomes due again when the lease ends (at least once)
//   returns: the claimed notifications, oldest due first
import { prepared } from "../../preparedStatements";
import { type NotificationRow, notificationFromRow } from "../../rows/notificationRow";
import type { SqlClient } from "../../sqlClient";

/** Input of claimDueNotifications. */
export interface ClaimDueNotificationsInput {
  readonly limit: number;
  /** How long a claim holds before the row is due again. */
  readonly leaseSeconds: number;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** Claims up to `limit` due notifications. */
export async function claimDueNotifications(
  client: SqlClient,
  input: ClaimDueNotificationsInput,
): Promise<NotificationRow[]> {
  const result = await client.query(
    prepared(`with due as (
       select id from notification
       where state in ('pending', 'sending')
         and next_attempt_at <= coalesce($1::timestamptz, now())
       order by next_attempt_at, id limit $2
       for update skip locked
     )
     update notification n set state = 'sending', attempts = n.attempts + 1,
       next_attempt_at = coalesce($1::timestamptz, now()) + make_interval(secs => $3)
     from due where n.id = due.id
     returning n.*`),
    [input.now ?? null, input.limit, input.leaseSeconds],
  );
  return result.rows.map(notificationFromRow).sort((a, b) => a.id - b.id);
}
