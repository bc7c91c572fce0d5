// deleteDag: removes a DAG's metadata (DELETE /dags/{dag_id}), in one transaction, as Airflow's
// delete_dag does — refused while any of its task instances is queued or running. Every table
// holding the DAG goes: the `dag` row and, by cascade, its tags, serialized DAG, asset
// references, runs, task instances, their history, rendered fields, XComs and log lines; its
// alerts and notifications; the import errors of its file. The audit log (`log`) keeps its
// entries, as Airflow keeps them (keep_records_in_log).
//   locks:   the `dag` row FOR UPDATE first: the scheduler queues task instances, and run creation
//            inserts runs, only under a lock on that row, so nothing starts between the check
//            and the delete; then the deleted rows
//   writes:  deletes the rows above
//   returns: the number of runs deleted; StoreError NOT_FOUND for an unknown DAG, STATE_CONFLICT
//            (nothing deleted) while a task instance is queued or running
import { StoreError } from "../../../storeError";
import type { SqlClient } from "../../../sqlClient";

/** Deletes the DAG `dagId` and everything recorded about it but its audit log entries. */
export async function deleteDag(
  client: SqlClient,
  input: { readonly dagId: string },
): Promise<{ readonly dagRuns: number }> {
  return client.transaction(async (tx) => {
    const locked = await tx.query<{ fileloc: string | null; relative_fileloc: string | null }>(
      "select fileloc, relative_fileloc from dag where dag_id = $1 for update",
      [input.dagId],
    );
    const dag = locked.rows[0];
    if (dag === undefined)
      throw new StoreError("NOT_FOUND", `deleteDag: no DAG ${JSON.stringify(input.dagId)}`, {
        details: { dagId: input.dagId },
      });
    const active = await tx.query<{ state: string }>(
      `select state from task_instance where dag_id = $1 and state in ('queued', 'running')
       limit 1`,
      [input.dagId],
    );
    const state = active.rows[0]?.state;
    if (state !== undefined)
      throw new StoreError(
        "STATE_CONFLICT",
        `deleteDag: DAG ${JSON.stringify(input.dagId)} has a ${state} task instance`,
        { details: { dagId: input.dagId, state } },
      );
    const files = [dag.fileloc, dag.relative_fileloc].filter((f): f is string => f !== null);
    if (files.length > 0)
      await tx.query("delete from import_error where filename = any($1::text[])", [files]);
    await tx.query("delete from notification where dag_id = $1", [input.dagId]);
    await tx.query("delete from alert where dag_id = $1", [input.dagId]);
    const runs = await tx.query<{ n: number }>(
      "select count(*)::int as n from dag_run where dag_id = $1",
      [input.dagId],
    );
    await tx.query("delete from dag where dag_id = $1", [input.dagId]);
    return { dagRuns: Number(runs.rows[0]?.n ?? 0) };
  });
}
