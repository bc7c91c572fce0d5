// Opens the warehouse of an Airflow-style connection (duckdb, snowflake or postgres) through
// the providers' SQL hooks, with the target models are built in.
import { openSqlHook, PostgresHook, type SqlHook, snowflakeOptionsOf } from "@updraft/providers";
import type { Connection } from "@updraft/sdk";
import { type Target, Warehouse } from "./warehouse";

/** Where models go when the caller names no schema: dbt's usual dev schema per warehouse. */
export function defaultTarget(connection: Connection, overrides: Partial<Target> = {}): Target {
  const snowflake = connection.conn_type === "snowflake";
  const database = snowflake ? (snowflakeOptionsOf(connection).database ?? null) : null;
  return {
    name: overrides.name ?? "dev",
    database: overrides.database !== undefined ? overrides.database : database,
    schema: overrides.schema ?? (snowflake ? "ANALYTICS" : "analytics"),
  };
}

/**
 * The hook statements run through. A build's transaction is statements in a row, so Postgres
 * gets a pool of one connection: `begin` and `commit` must reach the same session.
 */
async function hookOf(connection: Connection): Promise<SqlHook> {
  if (connection.conn_type !== "postgres") return openSqlHook(connection);
  const hook = PostgresHook.fromConnection(connection, {
    maxConnections: 1,
    applicationName: "updraft-transform",
  });
  return {
    dialect: "postgres",
    run: (sql, values = []) => hook.query(sql, values),
    close: () => hook.close(),
  };
}

/** A Warehouse over `connection`; close it when done. */
export async function openWarehouse(
  connection: Connection,
  target?: Partial<Target>,
): Promise<Warehouse> {
  return new Warehouse(await hookOf(connection), defaultTarget(connection, target));
}
