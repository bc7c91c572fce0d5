// deleteDagRun: removes one DAG run (DELETE /dags/{dag_id}/dagRuns/{dag_run_id}); its task
// instances, their history, rendered fields, XComs and log lines go with it (foreign keys
// `on delete cascade`).
//   writes:  deletes the `dag_run` row (one statement) and, by cascade, the rows referencing it
//   locks:   the deleted rows
//   returns: true when a run was deleted, false when there was none
import type { SqlClient } from "../../../sqlClient";

/** Deletes the run `runId` of `dagId`. */
export async function deleteDagRun(
  client: SqlClient,
  input: { readonly dagId: string; readonly runId: string },
): Promise<boolean> {
  const result = await client.query("delete from dag_run where dag_id = $1 and run_id = $2", [
    input.dagId,
    input.runId,
  ]);
  return result.rowCount > 0;
}
