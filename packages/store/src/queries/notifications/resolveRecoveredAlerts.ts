// resolveRecoveredAlerts: closes the open alerts whose task (any run, any map index) or DAG
// (a whole run) has succeeded since the alert's last event.
//   locks:   the resolved `alert` rows (SKIP LOCKED: two dispatchers resolve disjoint sets)
//   writes:  state resolved, resolved_at
//   returns: each resolved alert (as it was before: suppressed count, facts) with the success
//            that resolved it (the latest one); call it in the transaction that records the
//            recovery notifications, so a crash leaves the alert open rather than unannounced
import { type AlertRow, alertFromRow } from "../../rows/alertRow";
import type { SqlClient } from "../../sqlClient";

/** The success that ended an alert. */
export interface AlertRecovery {
  readonly runId: string;
  readonly logicalDate: Date | null;
  readonly mapIndex: number;
  /** null for a DAG-scope alert. */
  readonly tryNumber: number | null;
  readonly endDate: Date;
  readonly durationSeconds: number | null;
}

/** Resolves the open alerts that a later success ended. */
export async function resolveRecoveredAlerts(
  client: SqlClient,
  input: { readonly now?: Date; readonly limit?: number } = {},
): Promise<{ alert: AlertRow; recovery: AlertRecovery }[]> {
  const result = await client.query(
    `with ok as (
       select a.*, s.run_id as ok_run_id, s.logical_date as ok_logical_date,
         s.map_index as ok_map_index, s.try_number as ok_try_number, s.end_date as ok_end_date,
         s.duration as ok_duration
       from alert a
       cross join lateral (
         select * from (
           select ti.run_id, r.logical_date, ti.map_index, ti.try_number, ti.end_date,
             ti.duration
           from task_instance ti join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id
           where a.scope = 'task' and ti.dag_id = a.dag_id and ti.task_id = a.task_id
             and ti.state = 'success' and ti.end_date > a.last_event_at
           union all
           select r.run_id, r.logical_date, -1, null, r.end_date,
             extract(epoch from r.end_date - r.start_date)::double precision
           from dag_run r
           where a.scope = 'dag' and r.dag_id = a.dag_id and r.state = 'success'
             and r.end_date > a.last_event_at
         ) found order by end_date desc limit 1
       ) s
       where a.state = 'open'
       order by a.alert_key limit $2
       for update of a skip locked
     ), resolved as (
       update alert a set state = 'resolved', resolved_at = coalesce($1::timestamptz, now())
       from ok where a.alert_key = ok.alert_key
       returning a.alert_key
     )
     select ok.* from ok join resolved using (alert_key) order by alert_key`,
    [input.now ?? null, input.limit ?? 100],
  );
  return result.rows.map((row) => ({
    alert: alertFromRow(row),
    recovery: {
      runId: row.ok_run_id as string,
      logicalDate: row.ok_logical_date === null ? null : new Date(row.ok_logical_date as string),
      mapIndex: Number(row.ok_map_index),
      tryNumber: row.ok_try_number === null ? null : Number(row.ok_try_number),
      endDate: new Date(row.ok_end_date as string),
      durationSeconds: row.ok_duration === null ? null : Number(row.ok_duration),
    },
  }));
}
