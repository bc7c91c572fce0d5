// setDagPaused: pauses or unpauses a DAG (the UI toggle, `updraft dags pause|unpause`).
//   writes:  dag.is_paused
//   locks:   the `dag` row (one statement)
//   returns: the updated DAG; throws StoreError NOT_FOUND when there is no such DAG
import { DAG_COLUMNS, type DagRow, dagFromRow } from "../../rows/dagRow";
import type { SqlClient } from "../../sqlClient";
import { StoreError } from "../../storeError";

/** Input of setDagPaused. */
export interface SetDagPausedInput {
  readonly dagId: string;
  readonly isPaused: boolean;
}

/** Sets is_paused of one DAG. */
export async function setDagPaused(client: SqlClient, input: SetDagPausedInput): Promise<DagRow> {
  const result = await client.query(
    `with u as (update dag set is_paused = $2 where dag_id = $1 returning *)
     select ${DAG_COLUMNS} from u d`,
    [input.dagId, input.isPaused],
  );
  const row = result.rows[0];
  if (row === undefined) {
    throw new StoreError("NOT_FOUND", `dag_id: no DAG "${input.dagId}"`, {
      details: { dagId: input.dagId },
    });
  }
  return dagFromRow(row);
}
