// setDagsPaused: pauses or unpauses every DAG matching the API's filters (bulk PATCH /dags).
//   writes:  dag.is_paused of the matching DAGs (one statement)
//   locks:   the matching `dag` rows, taken in dag_id order
//   returns: the dag_ids updated, sorted
import type { SqlClient } from "../../../sqlClient";
import { type DagFilters, dagFilterParams, FILTERED_DAGS_SQL } from "./dagFilters";

/** Input of setDagsPaused. */
export interface SetDagsPausedInput extends DagFilters {
  readonly isPaused: boolean;
}

/** Sets is_paused of the DAGs the filters select. */
export async function setDagsPaused(
  client: SqlClient,
  input: SetDagsPausedInput,
): Promise<string[]> {
  const result = await client.query<{ dag_id: string }>(
    `with target as (
       select d.dag_id ${FILTERED_DAGS_SQL}
       order by d.dag_id
       for update of d
     )
     update dag set is_paused = $11::boolean
     from target where dag.dag_id = target.dag_id
     returning dag.dag_id`,
    [...dagFilterParams(input), input.isPaused],
  );
  return result.rows.map((r) => r.dag_id).sort();
}
