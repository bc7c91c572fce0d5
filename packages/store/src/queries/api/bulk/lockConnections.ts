// lockConnections: reads the connections a bulk request names and locks them, so that its
// create / update / delete actions decide what exists and write in the same transaction.
//   reads:   the `connection` rows whose conn_id is one of connIds
//   locks:   those rows (for update, in id order) until the caller's transaction ends
//   returns: the connections as stored (passwords included), in id order; ids not stored are
//            simply missing
import { type ConnectionRow, connectionFromRow } from "../../../rows/connectionRow";
import type { SqlClient } from "../../../sqlClient";

/** Reads and locks connections; run it inside a transaction. */
export async function lockConnections(
  client: SqlClient,
  input: { readonly connIds: readonly string[] },
): Promise<ConnectionRow[]> {
  if (input.connIds.length === 0) return [];
  const result = await client.query(
    "select * from connection where conn_id = any($1::text[]) order by id for update",
    [input.connIds],
  );
  return result.rows.map(connectionFromRow);
}
