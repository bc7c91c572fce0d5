// deleteConnection: deletes one connection by conn_id.
//   writes:  deletes the `connection` row with this conn_id
//   locks:   that row until commit
//   returns: the deleted connection; NOT_FOUND when there is none
import { StoreError } from "../../storeError";
import { type ConnectionRow, connectionFromRow } from "../../rows/connectionRow";
import type { SqlClient } from "../../sqlClient";

/** Deletes a connection. */
export async function deleteConnection(
  client: SqlClient,
  input: { readonly connId: string },
): Promise<ConnectionRow> {
  const result = await client.query("delete from connection where conn_id = $1 returning *", [
    input.connId,
  ]);
  const row = result.rows[0];
  if (row === undefined)
    throw new StoreError(
      "NOT_FOUND",
      `The Connection with connection_id: \`${input.connId}\` was not found`,
      { details: { connId: input.connId } },
    );
  return connectionFromRow(row);
}
