// getSerializedDag: the stored SerializedDag of a DAG (what the scheduler and API read instead
// of running DAG code).
//   locks:   nothing
//   returns: { dagId, data, dagHash, lastUpdated }, or null when the DAG was never serialized
import { type SerializedDagRow, serializedDagFromRow } from "../../rows/dagRow";
import type { SqlClient } from "../../sqlClient";

/** Reads the SerializedDag and its hash. */
export async function getSerializedDag(
  client: SqlClient,
  input: { dagId: string },
): Promise<SerializedDagRow | null> {
  const result = await client.query("select * from serialized_dag where dag_id = $1", [
    input.dagId,
  ]);
  const row = result.rows[0];
  return row === undefined ? null : serializedDagFromRow(row);
}
