// listDagRunStateCounts: how many runs each DAG has in each state (GET /dagStats): Airflow's
// dagruns_select_with_state_count — DAGs without a run have no row.
//   reads:   `dag_run` grouped by (dag_id, state), `serialized_dag` for the display names
//   locks:   none
//   returns: one row per (DAG, state) with runs, ordered by dag_id then state; the display name
//            is the dag_id when no serialized DAG is stored
import type { DagRunState } from "@updraft/sdk";
import type { SqlClient } from "../../../sqlClient";
import { DAG_DISPLAY_NAME_SQL } from "../dags/dagResponseRow";

/** The number of runs of one DAG in one state. */
export interface DagRunStateCount {
  readonly dagId: string;
  readonly dagDisplayName: string;
  readonly state: DagRunState;
  readonly count: number;
}

/** Counts the runs per DAG and state, of `dagIds` only when given (an empty list is every DAG). */
export async function listDagRunStateCounts(
  client: SqlClient,
  input: { readonly dagIds?: readonly string[] } = {},
): Promise<DagRunStateCount[]> {
  const dagIds = input.dagIds === undefined || input.dagIds.length === 0 ? null : input.dagIds;
  const result = await client.query<{
    dag_id: string;
    dag_display_name: string;
    state: DagRunState;
    count: number;
  }>(
    `with counts as (
       select dag_id, state, count(*)::int as count from dag_run
       where $1::text[] is null or dag_id = any($1::text[])
       group by dag_id, state
     )
     select c.dag_id, c.state, c.count, ${DAG_DISPLAY_NAME_SQL} as dag_display_name
     from counts c
     join dag d on d.dag_id = c.dag_id
     left join serialized_dag sd on sd.dag_id = d.dag_id
     order by c.dag_id, c.state`,
    [dagIds],
  );
  return result.rows.map((row) => ({
    dagId: row.dag_id,
    dagDisplayName: row.dag_display_name,
    state: row.state,
    count: Number(row.count),
  }));
}
