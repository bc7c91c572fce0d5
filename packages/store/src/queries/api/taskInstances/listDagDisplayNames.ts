// listDagDisplayNames: the display names of DAGs (kept in their serialized form), for responses
// that name the DAG of each entry (XCom entries).
//   reads:   `serialized_dag` of the given dag_ids
//   locks:   none
//   returns: dag_id → display name, for every given dag_id (the dag_id itself when no serialized
//            DAG is stored)
import type { SqlClient } from "../../../sqlClient";

/** The display name of each of `dagIds`. */
export async function listDagDisplayNames(
  client: SqlClient,
  input: { readonly dagIds: readonly string[] },
): Promise<Map<string, string>> {
  const names = new Map(input.dagIds.map((dagId) => [dagId, dagId]));
  if (names.size === 0) return names;
  const result = await client.query<{ dag_id: string; name: string | null }>(
    `select dag_id, data #>> '{dag,dag_display_name}' as name from serialized_dag
     where dag_id = any($1::text[])`,
    [[...names.keys()]],
  );
  for (const row of result.rows) if (row.name !== null) names.set(row.dag_id, row.name);
  return names;
}
