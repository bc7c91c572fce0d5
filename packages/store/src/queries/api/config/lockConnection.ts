// lockConnection: reads one connection and locks it, so a PATCH can keep the password and the
// masked extra values it was sent back and write the result in the same transaction.
//   reads:   the `connection` row with this conn_id
//   locks:   that row (for update) until the caller's transaction ends
//   returns: the connection as stored (password included), or null when there is none
import { type ConnectionRow, connectionFromRow } from "../../../rows/connectionRow";
import type { SqlClient } from "../../../sqlClient";

/** Reads and locks a connection; run it inside a transaction. */
export async function lockConnection(
  client: SqlClient,
  input: { readonly connId: string },
): Promise<ConnectionRow | null> {
  const result = await client.query("select * from connection where conn_id = $1 for update", [
    input.connId,
  ]);
  const row = result.rows[0];
  return row === undefined ? null : connectionFromRow(row);
}
