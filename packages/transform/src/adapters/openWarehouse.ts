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

/** A Warehouse over `connection`; close it when done. */
export async function openWarehouse(
  connection: Connection,
  target?: Partial<Target>,
): Promise<Warehouse> {
  const hook = await openSqlHook(connection);
  return new Warehouse(hook, defaultTarget(connection, target));
}
