// serializedDagHashes: the current dag_hash of some DAGs, so a cache of parsed serialized DAGs
// knows which entries are stale without fetching the JSON.
//   reads:   `serialized_dag` (dag_id, dag_hash only)
//   locks:   none
//   returns: dag_id → dag_hash for the DAGs that are stored
import type { SqlClient } from "../../sqlClient";
import { prepared } from "../../preparedStatements";

/** Reads the hashes of the given DAGs' serialized versions. */
export async function serializedDagHashes(
  client: SqlClient,
  input: { readonly dagIds: readonly string[] },
): Promise<Map<string, string>> {
  if (input.dagIds.length === 0) return new Map();
  const result = await client.query<{ dag_id: string; dag_hash: string }>(
    prepared("select dag_id, dag_hash from serialized_dag where dag_id = any($1::text[])"),
    [input.dagIds],
  );
  return new Map(result.rows.map((r) => [r.dag_id, r.dag_hash]));
}
