// createConnection: stores a new connection, as given (masking is the API's job).
//   writes:  inserts one `connection` row (on conflict on conn_id: nothing)
//   locks:   the new row until commit
//   returns: the stored connection; ALREADY_EXISTS when conn_id is taken, INVALID_INPUT for an
//            empty conn_id or conn_type
import { UpdraftError } from "@updraft/sdk";
import { StoreError } from "../../storeError";
import { type ConnectionRow, connectionFromRow } from "../../rows/connectionRow";
import type { SqlClient } from "../../sqlClient";

/** Input of createConnection; omitted fields are stored as null. */
export interface CreateConnectionInput {
  readonly connId: string;
  readonly connType: string;
  readonly description?: string | null;
  readonly host?: string | null;
  readonly schema?: string | null;
  readonly login?: string | null;
  readonly password?: string | null;
  readonly port?: number | null;
  /** A JSON object, or its text. */
  readonly extra?: string | Readonly<Record<string, unknown>> | null;
}

/** Creates a connection. */
export async function createConnection(
  client: SqlClient,
  input: CreateConnectionInput,
): Promise<ConnectionRow> {
  for (const field of ["connId", "connType"] as const)
    if (input[field] === "")
      throw new StoreError("INVALID_INPUT", `connection.${field}: expected a non-empty string`);
  const extra =
    typeof input.extra === "object" && input.extra !== null
      ? JSON.stringify(input.extra)
      : (input.extra ?? null);
  const result = await client.query(
    `insert into connection (conn_id, conn_type, description, host, schema, login, password,
                             port, extra)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (conn_id) do nothing
     returning *`,
    [
      input.connId,
      input.connType,
      input.description ?? null,
      input.host ?? null,
      input.schema ?? null,
      input.login ?? null,
      input.password ?? null,
      input.port ?? null,
      extra,
    ],
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new UpdraftError(
      "ALREADY_EXISTS",
      `The connection with connection_id: \`${input.connId}\` already exists`,
      { details: { connId: input.connId } },
    );
  return connectionFromRow(row);
}
