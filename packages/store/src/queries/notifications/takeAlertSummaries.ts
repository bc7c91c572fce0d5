// takeAlertSummaries: the open alerts whose throttle window ended with notifications held back.
//   locks:   those `alert` rows (SKIP LOCKED)
//   writes:  suppressed = 0 and a new window from now (so a task failing every minute gets one
//            summary per window, not one per failure)
//   returns: each alert as it was before (its held-back count and window start); call it in
//            the transaction that records the summary notifications
import { type AlertRow, alertFromRow } from "../../rows/alertRow";
import type { SqlClient } from "../../sqlClient";

/** Takes the summaries due: alerts whose window ended with `suppressed` > 0. */
export async function takeAlertSummaries(
  client: SqlClient,
  input: { readonly windowSeconds: number; readonly now?: Date; readonly limit?: number },
): Promise<AlertRow[]> {
  const result = await client.query(
    `with due as (
       select * from alert
       where state = 'open' and suppressed > 0
         and window_ends_at <= coalesce($1::timestamptz, now())
       order by window_ends_at, alert_key limit $3
       for update skip locked
     ), reset as (
       update alert a set suppressed = 0,
         window_started_at = coalesce($1::timestamptz, now()),
         window_ends_at = coalesce($1::timestamptz, now()) + make_interval(secs => $2)
       from due where a.alert_key = due.alert_key
       returning a.alert_key
     )
     select due.* from due join reset using (alert_key) order by due.window_ends_at, alert_key`,
    [input.now ?? null, input.windowSeconds, input.limit ?? 100],
  );
  return result.rows.map(alertFromRow);
}
