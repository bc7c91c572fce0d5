// The incremental-load DAG: its shape, and its tasks run against a real dealership source
// (Postgres) into the embedded warehouse (DuckDB) — a first load, then new sales with price and
// address changes — checked table by table and row by row against the source.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDbHook, SnowflakeHook } from "@updraft/providers";
import { startLocalSnowflake } from "@updraft/snowflake-local";
import { loadDagBag } from "@updraft/runtime";
import { Connection, parseConnection } from "@updraft/sdk";
import { fakeTaskRun } from "@updraft/sdk/testing";
import { applyUpdates, createRng, insertSales } from "../dealership/source";
import { FACT_TABLE, REFERENCE_TABLES } from "../postgres_to_snowflake_incremental";
import { useSourceDatabase } from "./support/sourceDatabase";

const bag = loadDagBag(path.join(__dirname, ".."));
const TABLES = [...REFERENCE_TABLES, FACT_TABLE];

const sourceDb = useSourceDatabase({ seeded: true });
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "updraft-dags-load-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs every task of the DAG in order, as one run would, into `warehouse`. */
function runner(warehouse: Connection): () => Promise<void> {
  const dag = bag.dags.get("postgres_to_snowflake_incremental")!.dag;
  const connections = {
    postgres_source: parseConnection("postgres_source", sourceDb().database.url),
    dealership_warehouse: warehouse,
  };
  return async () => {
    const run = fakeTaskRun({
      dagId: "postgres_to_snowflake_incremental",
      connections,
      // The DAG's param defaults, as a run without conf resolves them.
      params: {
        source_conn_id: "postgres_source",
        source_schema: "public",
        warehouse_conn_id: "dealership_warehouse",
      },
    });
    for (const table of TABLES) await run.run(dag.task(`${table}.sync`));
  };
}

describe("postgres_to_snowflake_incremental", () => {
  test("one task group per table, reference tables before vendas, hourly, no catchup, retries", () => {
    expect(bag.importErrors).toEqual([]);
    const { serialized } = bag.dags.get("postgres_to_snowflake_incremental")!;
    const { dag } = serialized;
    expect([dag.timetable_summary, dag.catchup, dag.max_active_runs]).toEqual([
      "@hourly",
      false,
      1,
    ]);
    const tasks = Object.fromEntries(dag.tasks.map((t) => [t.task_id, t]));
    expect(Object.keys(tasks).sort()).toEqual(TABLES.map((t) => `${t}.sync`).sort());
    expect(tasks["vendas.sync"]!.upstream_task_ids).toEqual(
      REFERENCE_TABLES.map((t) => `${t}.sync`).sort(),
    );
    for (const table of REFERENCE_TABLES)
      expect(tasks[`${table}.sync`]!.upstream_task_ids).toEqual([]);
    for (const table of TABLES) {
      expect(tasks[`${table}.sync`]!.retries).toBe(3);
      expect(tasks[`${table}.sync`]!.outlets.map((o) => o.uri)).toEqual([
        `warehouse://dealership/stage/${table}`,
      ]);
    }
  });

  test("its tasks load the source into DuckDB, then new sales, price and address changes", async () => {
    const runAll = runner(
      new Connection({
        conn_id: "dealership_warehouse",
        conn_type: "duckdb",
        host: path.join(dir, "dealership.duckdb"),
      }),
    );
    const rng = createRng(7);
    await insertSales(sourceDb().pool, { count: 150, rng });
    await runAll();
    await insertSales(sourceDb().pool, { count: 60, rng });
    await applyUpdates(sourceDb().pool, { count: 20, rng });
    await runAll();
    const warehouse = await DuckDbHook.open(path.join(dir, "dealership.duckdb"));
    try {
      for (const table of TABLES) {
        const key = `id_${table}`;
        const source = (
          await sourceDb().pool.query<Record<string, unknown>>(
            `select * from "${table}" order by "${key}"`,
          )
        ).rows.map((r) => JSON.stringify(Object.values(normalize(r))));
        const target = (
          await warehouse.all<Record<string, unknown>>(
            `select * from stage."${table}" order by "${key}"`,
          )
        ).map((r) => JSON.stringify(Object.values(normalize(r))));
        expect({ table, rows: target.length }).toEqual({ table, rows: source.length });
        expect(target).toEqual(source);
      }
    } finally {
      warehouse.close();
    }
  });

  test("the Snowflake path: the real snowflake-sdk against the local protocol server", async () => {
    const server = await startLocalSnowflake();
    // Airflow's Snowflake URI: snowflake://user:pass@account/database/schema?warehouse=…
    const snowflake = (database = "") =>
      parseConnection(
        "dealership_warehouse",
        `snowflake://loader:not-a-real-secret@local/${database}${database && "/STAGE"}?warehouse=DEFAULT_WH&access_url=${encodeURIComponent(server.accessUrl)}`,
      );
    const hook = SnowflakeHook.fromConnection(snowflake());
    try {
      await hook.execute("create database if not exists NOVADRIVE");
      const runAll = runner(snowflake("NOVADRIVE"));
      await runAll();
      await insertSales(sourceDb().pool, { count: 25, rng: createRng(11) });
      await runAll();
      for (const table of TABLES) {
        const [source] = (
          await sourceDb().pool.query<{ n: string; ids: string | null }>(
            `select count(*) as n, sum("id_${table}")::text as ids from "${table}"`,
          )
        ).rows;
        const [target] = await hook.execute<{ N: number; IDS: number | null }>(
          `select count(*) as N, sum(ID_${table.toUpperCase()}) as IDS from NOVADRIVE.STAGE.${table.toUpperCase()}`,
        );
        expect({ table, n: Number(target?.N), ids: Number(target?.IDS ?? 0) }).toEqual({
          table,
          n: Number(source?.n),
          ids: Number(source?.ids ?? 0),
        });
      }
      const [paid] = await hook.execute<{ TOTAL: number }>(
        "select sum(VALOR_PAGO) as TOTAL from NOVADRIVE.STAGE.VENDAS",
      );
      const [expected] = (
        await sourceDb().pool.query<{ total: string }>(
          "select sum(valor_pago)::text as total from vendas",
        )
      ).rows;
      expect(Number(paid?.TOTAL).toFixed(2)).toBe(Number(expected?.total).toFixed(2));
    } finally {
      await hook.close();
      await server.stop();
    }
  }, 60_000);
});

/** One row as comparable values: numbers as numbers, timestamps to the millisecond. */
function normalize(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      v instanceof Date
        ? v.toISOString()
        : typeof v === "bigint"
          ? Number(v)
          : typeof v === "string" && /^-?\d+\.\d+$/.test(v)
            ? Number(v)
            : v,
    ]),
  );
}
