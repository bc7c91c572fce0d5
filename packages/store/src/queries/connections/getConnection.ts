// getConnection: reads one connection by conn_id.
//   reads:   the `connection` row with this conn_id
//   locks:   none
//   returns: the connection as stored (password included), or null when there is none
import { type ConnectionRow, connectionFromRow } from "../../rows/connectionRow";
import type { SqlClient } from "../../sqlClient";

/** Reads a connection; null when the conn_id is unknown. */
export async function getConnection(
  client: SqlClient,
  input: { readonly connId: string },
): Promise<ConnectionRow | null> {
  const result = await client.query("select * from connection where conn_id = $1", [input.connId]);
  const row = result.rows[0];
  return row === undefined ? null : connectionFromRow(row);
}
