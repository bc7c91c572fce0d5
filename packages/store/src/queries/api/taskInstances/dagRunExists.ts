// dagRunExists: whether a run with this run_id exists — of one DAG, or of any DAG (the API's
// `~` for dag_id lists one run id across DAGs).
//   reads:   `dag_run` by run_id (and dag_id when given)
//   locks:   none
//   returns: true when such a run exists
import type { SqlClient } from "../../../sqlClient";

/** Whether the run exists; of any DAG when dagId is omitted. */
export async function dagRunExists(
  client: SqlClient,
  input: { readonly dagId?: string; readonly runId: string },
): Promise<boolean> {
  const result = await client.query<{ found: boolean }>(
    `select exists (select 1 from dag_run
       where run_id = $1 and ($2::text is null or dag_id = $2)) as found`,
    [input.runId, input.dagId ?? null],
  );
  return result.rows[0]?.found === true;
}
