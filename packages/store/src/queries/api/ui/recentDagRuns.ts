// recentDagRuns: the newest runs of each DAG on a page of the DAGs list (Airflow's
// ui/dags/recent_dag_runs), in one statement: a LATERAL subquery per DAG walks that DAG's
// runs newest first on the (dag_id, run_after) index and stops after `limit`, so a DAG with
// many runs costs no more than one with `limit`.
//   reads:   `dag_run` of the given DAGs, each DAG's display name from `serialized_dag` (once per
//            DAG, not per run)
//   locks:   none
//   returns: dag_id → up to `limit` runs, newest run_after first (id breaking ties); a DAG
//            without runs maps to an empty list
import type { SqlClient } from "../../../sqlClient";
import { type DagRunResponseRow, dagRunResponseFromRow } from "../dagRuns/dagRunResponseRow";

/** Input of recentDagRuns. */
export interface RecentDagRunsInput {
  readonly dagIds: readonly string[];
  /** Runs per DAG. */
  readonly limit: number;
}

/** The newest runs of each of `dagIds`. */
export async function recentDagRuns(
  client: SqlClient,
  input: RecentDagRunsInput,
): Promise<Map<string, DagRunResponseRow[]>> {
  const byDag = new Map<string, DagRunResponseRow[]>(input.dagIds.map((id) => [id, []]));
  if (input.dagIds.length === 0 || input.limit === 0) return byDag;
  const result = await client.query(
    `with page as materialized (
       select p.dag_id, coalesce(sd.data #>> '{dag,dag_display_name}', p.dag_id) as dag_display_name
       from unnest($1::text[]) as p(dag_id)
       left join serialized_dag sd on sd.dag_id = p.dag_id
     )
     select r.*, page.dag_display_name
     from page
     cross join lateral (
       select * from dag_run run
       where run.dag_id = page.dag_id
       order by run.run_after desc, run.id desc
       limit $2
     ) r
     order by r.dag_id, r.run_after desc, r.id desc`,
    [[...new Set(input.dagIds)], input.limit],
  );
  for (const row of result.rows) {
    const run = dagRunResponseFromRow(row);
    byDag.get(run.dagId)?.push(run);
  }
  return byDag;
}
