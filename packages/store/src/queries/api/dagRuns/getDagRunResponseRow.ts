// getDagRunResponseRow: one DAG run as the REST API shows it (GET, PATCH's and clear's answer).
//   reads:   the `dag_run` row by (dag_id, run_id), its DAG's display name from `serialized_dag`
//   locks:   none
//   returns: the run, or null when there is none
import type { SqlClient } from "../../../sqlClient";
import {
  type DagRunResponseRow,
  dagRunResponseFromRow,
  RUN_DAG_DISPLAY_NAME_SQL,
} from "./dagRunResponseRow";

/** Reads one DAG run by its DAG and run id. */
export async function getDagRunResponseRow(
  client: SqlClient,
  input: { readonly dagId: string; readonly runId: string },
): Promise<DagRunResponseRow | null> {
  const result = await client.query(
    `select r.*, ${RUN_DAG_DISPLAY_NAME_SQL} as dag_display_name
     from dag_run r left join serialized_dag sd on sd.dag_id = r.dag_id
     where r.dag_id = $1 and r.run_id = $2`,
    [input.dagId, input.runId],
  );
  const row = result.rows[0];
  return row === undefined ? null : dagRunResponseFromRow(row);
}
