// claimDagRunsToSchedule: the HA-safe pick of running runs to examine (Airflow's
// get_running_dag_runs_to_examine). Runs of paused or stale DAGs are left alone.
//   locks:   the claimed `dag_run` rows, FOR NO KEY UPDATE SKIP LOCKED (so workers' inserts that
//            reference the run, which take FOR KEY SHARE, are not blocked), until the transaction ends;
//            call it on a transaction's client (`client.transaction(tx => …)`) to hold them
//            while acting on the runs; another caller skips them meanwhile
//   writes:  last_scheduling_decision = now, so the next claim prefers runs examined longest ago
//   returns: the claimed runs, least recently examined first (never examined first)
import { type DagRunRow, dagRunFromRow } from "../../rows/dagRunRow";
import type { SqlClient } from "../../sqlClient";

/** Input of claimDagRunsToSchedule. */
export interface ClaimDagRunsToScheduleInput {
  /** At most this many runs (Airflow's max_dagruns_per_loop_to_schedule, 20). */
  readonly limit: number;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** Claims up to `limit` running runs; concurrent callers get disjoint sets. */
export async function claimDagRunsToSchedule(
  client: SqlClient,
  input: ClaimDagRunsToScheduleInput,
): Promise<DagRunRow[]> {
  return client.transaction(async (tx) => {
    const claimed = await tx.query<{ id: string | number }>(
      `select r.id from dag_run r join dag d on d.dag_id = r.dag_id
       where r.state = 'running' and not d.is_paused and not d.is_stale
       order by r.last_scheduling_decision nulls first, r.run_after, r.id
       limit $1
       for no key update of r skip locked`,
      [input.limit],
    );
    if (claimed.rows.length === 0) return [];
    const ids = claimed.rows.map((r) => Number(r.id));
    const updated = await tx.query(
      `update dag_run set last_scheduling_decision = coalesce($2::timestamptz, now()),
         updated_at = now()
       where id = any($1::bigint[])
       returning *`,
      [ids, input.now ?? null],
    );
    const byId = new Map(updated.rows.map((row) => [Number(row.id), dagRunFromRow(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  });
}
