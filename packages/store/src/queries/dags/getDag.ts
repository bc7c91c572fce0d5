// getDag: one DAG with its tags.
//   locks:   nothing
//   returns: the DAG, or null when there is none
import { DAG_COLUMNS, type DagRow, dagFromRow } from "../../rows/dagRow";
import type { SqlClient } from "../../sqlClient";

/** Reads one DAG by id. */
export async function getDag(client: SqlClient, input: { dagId: string }): Promise<DagRow | null> {
  const result = await client.query(`select ${DAG_COLUMNS} from dag d where d.dag_id = $1`, [
    input.dagId,
  ]);
  const row = result.rows[0];
  return row === undefined ? null : dagFromRow(row);
}
