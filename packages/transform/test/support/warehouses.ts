// The three warehouses the runner builds in, for tests: DuckDB in memory, a Postgres database of
// the test's own on the local server, and Snowflake through the real snowflake-sdk against the
// local protocol server. Each `open()` gives a fresh, empty warehouse; `close()` drops it.
import { DuckDbHook, SnowflakeHook } from "@updraft/providers";
import { parseConnection } from "@updraft/sdk";
import { startLocalSnowflake } from "@updraft/snowflake-local";
import { createTestDatabase } from "@updraft/testing";
import type { WarehouseType } from "../../src/adapters/dialect";
import { openWarehouse } from "../../src/adapters/openWarehouse";
import { type Target, Warehouse } from "../../src/adapters/warehouse";

/** An open test warehouse and how to get rid of it. */
export interface TestWarehouse {
  readonly warehouse: Warehouse;
  close(): Promise<void>;
}

const TARGET: Target = { name: "test", database: null, schema: "analytics" };

/** A fresh in-memory DuckDB warehouse building into schema `analytics`. */
export async function duckDbWarehouse(target: Partial<Target> = {}): Promise<Warehouse> {
  const hook = await DuckDbHook.open(":memory:");
  return new Warehouse(
    {
      dialect: "duckdb",
      run: (sql, values) => hook.all(sql, values),
      close: () => Promise.resolve(hook.close()),
    },
    { ...TARGET, ...target },
  );
}

async function postgresWarehouse(): Promise<TestWarehouse> {
  const database = await createTestDatabase({
    templateKey: "transform_empty_v1",
    prepare: async () => undefined,
  });
  // The product's own path: openWarehouse gives Postgres a one-connection pool.
  const warehouse = await openWarehouse(parseConnection("warehouse", database.url), TARGET);
  return {
    warehouse,
    close: async () => {
      await warehouse.close();
      await database.drop();
    },
  };
}

async function snowflakeWarehouse(): Promise<TestWarehouse> {
  const server = await startLocalSnowflake();
  const url = (path: string) =>
    `snowflake://tester:not-a-secret@local/${path}?warehouse=WH&access_url=${encodeURIComponent(server.accessUrl)}`;
  const admin = SnowflakeHook.fromConnection(parseConnection("admin", url("")));
  await admin.execute("create database if not exists TESTDB");
  await admin.close();
  const hook = SnowflakeHook.fromConnection(parseConnection("warehouse", url("TESTDB/PUBLIC")));
  const warehouse = new Warehouse(
    {
      dialect: "snowflake",
      run: (sql, values) => hook.execute(sql, values),
      close: () => hook.close(),
    },
    { ...TARGET, database: "TESTDB", schema: "ANALYTICS" },
  );
  return {
    warehouse,
    close: async () => {
      await warehouse.close();
      await server.stop();
    },
  };
}

/** Opens a fresh warehouse of `type`. */
export async function openTestWarehouse(type: WarehouseType): Promise<TestWarehouse> {
  if (type === "postgres") return postgresWarehouse();
  if (type === "snowflake") return snowflakeWarehouse();
  const warehouse = await duckDbWarehouse();
  return { warehouse, close: () => warehouse.close() };
}

/** Every warehouse type, for describe.each. */
export const WAREHOUSE_TYPES: readonly WarehouseType[] = ["duckdb", "postgres", "snowflake"];

/** Rows with lower-cased keys and plain numbers, so every warehouse's answer compares alike. */
export async function rows(warehouse: Warehouse, sql: string): Promise<Record<string, unknown>[]> {
  const result = await warehouse.execute(sql);
  return result.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key.toLowerCase(),
        typeof value === "bigint"
          ? Number(value)
          : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)
            ? Number(value)
            : value,
      ]),
    ),
  );
}
