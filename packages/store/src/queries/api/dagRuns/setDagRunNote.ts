// setDagRunNote: the free-text note of one DAG run (PATCH …/dagRuns/{dag_run_id} with `note`).
//   writes:  note and updated_at of the `dag_run` row (one statement)
//   locks:   that row
//   returns: true when the run exists
import type { SqlClient } from "../../../sqlClient";

/** Input of setDagRunNote. */
export interface SetDagRunNoteInput {
  readonly dagId: string;
  readonly runId: string;
  /** null removes the note. */
  readonly note: string | null;
}

/** Sets (or, with null, removes) a run's note. */
export async function setDagRunNote(
  client: SqlClient,
  input: SetDagRunNoteInput,
): Promise<boolean> {
  const result = await client.query(
    "update dag_run set note = $3, updated_at = now() where dag_id = $1 and run_id = $2",
    [input.dagId, input.runId, input.note],
  );
  return result.rowCount > 0;
}
