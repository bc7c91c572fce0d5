// completeNotification: records the outcome of one delivery attempt.
//   locks:   the notification row
//   writes:  sent (sent_at); or, after a failed attempt, pending again with next_attempt_at and
//            the error — or failed (undeliverable) when `retryAt` is null
//   returns: false when the row was not being sent (another dispatcher took it over)
import type { SqlClient } from "../../sqlClient";

/** What happened to one attempt. */
export type NotificationOutcome =
  | { readonly sent: true }
  | { readonly sent: false; readonly error: string; readonly retryAt: Date | null };

/** Records the outcome of a claimed notification's attempt. */
export async function completeNotification(
  client: SqlClient,
  input: { readonly id: number; readonly outcome: NotificationOutcome; readonly now?: Date },
): Promise<boolean> {
  const { outcome } = input;
  const result = outcome.sent
    ? await client.query(
        `update notification set state = 'sent', sent_at = coalesce($2::timestamptz, now()),
           last_error = null
         where id = $1 and state = 'sending'`,
        [input.id, input.now ?? null],
      )
    : await client.query(
        `update notification set last_error = $2,
           state = case when $3::timestamptz is null then 'failed' else 'pending' end,
           next_attempt_at = coalesce($3::timestamptz, next_attempt_at)
         where id = $1 and state = 'sending'`,
        [input.id, outcome.error, outcome.retryAt],
      );
  return result.rowCount > 0;
}
