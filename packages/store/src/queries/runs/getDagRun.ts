// getDagRun: one DAG run, by its id or by (dag_id, run_id).
//   locks:   nothing
//   returns: the run, or null when there is none
import { type DagRunRow, dagRunFromRow } from "../../rows/dagRunRow";
import type { SqlClient } from "../../sqlClient";

/** Which run to read: its surrogate id, or its dag_id and run_id. */
export type GetDagRunInput =
  { readonly id: number } | { readonly dagId: string; readonly runId: string };

/** Reads one DAG run. */
export async function getDagRun(
  client: SqlClient,
  input: GetDagRunInput,
): Promise<DagRunRow | null> {
  const result =
    "id" in input
      ? await client.query("select * from dag_run where id = $1", [input.id])
      : await client.query("select * from dag_run where dag_id = $1 and run_id = $2", [
          input.dagId,
          input.runId,
        ]);
  const row = result.rows[0];
  return row === undefined ? null : dagRunFromRow(row);
}
