// The warehouse connection of `updraft transform`, found where tasks find theirs: AIRFLOW_CONN_<ID>
// first, then the metadata database. Messages name the connection id and type, never its value.
import { existsSync } from "node:fs";
import { createConnectionLookup } from "@updraft/providers";
import type { Connection } from "@updraft/sdk";
import type { WarehouseType } from "@updraft/transform";
import { describeDatabase, openMetadataDatabase, schemaVersions } from "../compose";
import type { Config } from "../config";

/** No usable connection: the message says where it was looked for and how to set it. */
export class WarehouseConnectionError extends Error {
  readonly code = "WAREHOUSE_CONNECTION";
  constructor(message: string) {
    super(message);
    this.name = "WarehouseConnectionError";
  }
}

const envName = (connId: string): string => `AIRFLOW_CONN_${connId.toUpperCase()}`;

function fromEnvironment(config: Config, connId: string): Promise<Connection | null> {
  return createConnectionLookup({ env: config.taskEnv })(connId).catch(() => {
    // parseConnection's JSON errors quote the value, which may hold the password.
    throw new WarehouseConnectionError(
      `${envName(connId)}: expected a URI (snowflake://…, postgresql://…) or an Airflow JSON connection such as {"conn_type": "duckdb", "host": "/path/warehouse.duckdb"}, got a value that does not parse`,
    );
  });
}

/** The stored connection, if the metadata database exists and is migrated; never creates it. */
async function fromMetadataDatabase(config: Config, connId: string): Promise<Connection | null> {
  const { database } = config;
  if (database.kind === "pglite" && !existsSync(database.dataDir)) return null;
  const client = await openMetadataDatabase(database).catch((error: unknown) => {
    throw new WarehouseConnectionError(
      `connection "${connId}": not in ${envName(connId)}, and ${describeDatabase(database)} could not be opened to look for it (${error instanceof Error ? error.message : String(error)})`,
    );
  });
  try {
    const { current } = await schemaVersions(client);
    if (current === 0) return null;
    return await createConnectionLookup({ env: {}, client })(connId);
  } finally {
    await client.close();
  }
}

/** Finds `connId`, or null when neither the environment nor the metadata database has it. */
export async function findWarehouseConnection(
  config: Config,
  connId: string,
): Promise<Connection | null> {
  return (await fromEnvironment(config, connId)) ?? (await fromMetadataDatabase(config, connId));
}

/** `findWarehouseConnection`, failing with how to set the connection when it is missing. */
export async function requireWarehouseConnection(
  config: Config,
  connId: string,
): Promise<Connection> {
  const connection = await findWarehouseConnection(config, connId);
  if (connection !== null) return connection;
  throw new WarehouseConnectionError(
    `connection "${connId}" not found: set ${envName(connId)} (a URI, or an Airflow JSON connection such as {"conn_type": "duckdb", "host": "/path/warehouse.duckdb"}) or store it in the metadata database; --conn-id or UPDRAFT_TRANSFORM_CONN_ID picks another`,
  );
}

const WAREHOUSE_TYPES: readonly string[] = [
  "duckdb",
  "postgres",
  "snowflake",
] satisfies WarehouseType[];

/** The warehouse a connection is, checked before anything connects. */
export function warehouseTypeOf(connection: Connection): WarehouseType {
  if (WAREHOUSE_TYPES.includes(connection.conn_type)) return connection.conn_type as WarehouseType;
  throw new WarehouseConnectionError(
    `connection "${connection.conn_id}": expected conn_type ${WAREHOUSE_TYPES.join(", ")}, got ${JSON.stringify(connection.conn_type)}`,
  );
}

/** `dealership_warehouse (duckdb)`: what may be printed of a connection. */
export function describeConnection(connection: Connection): string {
  return `${connection.conn_id} (${connection.conn_type})`;
}

/** Replaces the connection's password wherever it appears (a driver may echo it). */
export function maskSecrets(connection: Connection | null, text: string): string {
  const secret = connection?.password;
  return secret ? text.split(secret).join("***") : text;
}
