// startQueuedDagRuns: queued → running for the given runs, within each DAG's max_active_runs
// (Airflow's _start_queued_dagruns), in one transaction so two schedulers cannot both fill the
// last slot.
//   locks:   the `dag` rows of the given runs FOR UPDATE (ordered by dag_id), then the updated runs
//   writes:  state running, start_date now (kept if already set)
//   returns: the started runs; runs no longer queued, of a paused DAG, or over the cap (oldest
//            run_after first wins) are left as they are
import { type DagRunRow, dagRunFromRow } from "../../rows/dagRunRow";
import type { SqlClient } from "../../sqlClient";

/** Input of startQueuedDagRuns. */
export interface StartQueuedDagRunsInput {
  readonly ids: readonly number[];
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** Starts queued runs as far as max_active_runs allows. */
export async function startQueuedDagRuns(
  client: SqlClient,
  input: StartQueuedDagRunsInput,
): Promise<DagRunRow[]> {
  if (input.ids.length === 0) return [];
  return client.transaction(async (tx) => {
    await tx.query(
      `select 1 from dag where dag_id in (select dag_id from dag_run where id = any($1::bigint[]))
       order by dag_id for no key update`,
      [input.ids],
    );
    const result = await tx.query(
      `with candidate as (
         select id, dag_id, row_number() over (partition by dag_id order by run_after, id) as n
         from dag_run where id = any($1::bigint[]) and state = 'queued'
       ), running as (
         select dag_id, count(*)::int as n from dag_run
         where state = 'running' and dag_id in (select dag_id from candidate)
         group by dag_id
       )
       update dag_run r set state = 'running',
         start_date = coalesce(r.start_date, $2::timestamptz, now()), updated_at = now()
       from candidate c join dag d on d.dag_id = c.dag_id
         left join running x on x.dag_id = c.dag_id
       where r.id = c.id and r.state = 'queued' and not d.is_paused
         and c.n <= d.max_active_runs - coalesce(x.n, 0)
       returning r.*`,
      [input.ids, input.now ?? null],
    );
    return result.rows
      .map(dagRunFromRow)
      .sort((a, b) => a.runAfter.getTime() - b.runAfter.getTime() || a.id - b.id);
  });
}
