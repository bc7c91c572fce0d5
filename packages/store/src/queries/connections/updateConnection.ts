// updateConnection: changes the given fields of a connection (Airflow's PATCH with an
// update_mask: omitted fields keep their value, null clears one).
//   writes:  updates the `connection` row with this conn_id; only columns from
//            CONNECTION_COLUMNS, values bound
//   locks:   that row until commit
//   returns: the updated connection; NOT_FOUND when there is none
import { StoreError } from "../../storeError";
import {
  CONNECTION_COLUMNS,
  type ConnectionFields,
  type ConnectionRow,
  connectionFromRow,
} from "../../rows/connectionRow";
import type { SqlClient } from "../../sqlClient";

/** Input of updateConnection: the connection and the fields to change. */
export type UpdateConnectionInput = { readonly connId: string } & {
  readonly [F in keyof ConnectionFields]?: F extends "extra"
    ? string | Readonly<Record<string, unknown>> | null
    : ConnectionFields[F];
};

/** Updates a connection. */
export async function updateConnection(
  client: SqlClient,
  input: UpdateConnectionInput,
): Promise<ConnectionRow> {
  if (input.connType === "" || input.connType === null)
    throw new StoreError("INVALID_INPUT", "connection.connType: expected a non-empty string");
  const params: unknown[] = [input.connId];
  const sets: string[] = [];
  for (const [field, column] of CONNECTION_COLUMNS) {
    let value: unknown = input[field];
    if (value === undefined) continue;
    if (field === "extra" && typeof value === "object" && value !== null)
      value = JSON.stringify(value);
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  const result = await client.query(
    `update connection set ${sets.length === 0 ? "conn_id = conn_id" : sets.join(", ")}
     where conn_id = $1 returning *`,
    params,
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new StoreError(
      "NOT_FOUND",
      `The Connection with connection_id: \`${input.connId}\` was not found`,
      { details: { connId: input.connId } },
    );
  return connectionFromRow(row);
}
