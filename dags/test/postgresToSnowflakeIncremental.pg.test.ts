// The incremental-load DAG: its shape, and its tasks run against a real dealership source
// (Postgres) into the embedded warehouse (DuckDB) — a first load, then new sales with price and
// address changes — checked table by table and row by row against the source.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDbHook } from "@updraft/providers";
import { loadDagBag } from "@updraft/runtime";
import { Connection } from "@updraft/sdk";
import { fakeTaskRun } from "@updraft/sdk/testing";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import pg from "pg";
import {
  applyUpdates,
  createRng,
  createSourceSchema,
  insertSales,
  seedReferenceData,
} from "../dealership/source";
import { FACT_TABLE, REFERENCE_TABLES } from "../postgres_to_snowflake_incremental";

const bag = loadDagBag(path.join(__dirname, ".."));
const TABLES = [...REFERENCE_TABLES, FACT_TABLE];

let database: TestDatabase;
let pool: pg.Pool;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase({
    templateKey: "dealership_source_empty_v1",
    prepare: async () => undefined,
  });
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  await createSourceSchema(pool);
  await seedReferenceData(pool);
  dir = mkdtempSync(path.join(tmpdir(), "updraft-dags-load-"));
});
afterAll(async () => {
  await pool.end();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

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
    const dag = bag.dags.get("postgres_to_snowflake_incremental")!.dag;
    const url = new URL(database.url);
    const connections = {
      postgres_source: new Connection({
        conn_id: "postgres_source",
        conn_type: "postgres",
        host: url.hostname,
        port: Number(url.port || 5432),
        login: decodeURIComponent(url.username) || null,
        schema: url.pathname.slice(1),
      }),
      dealership_warehouse: new Connection({
        conn_id: "dealership_warehouse",
        conn_type: "duckdb",
        host: path.join(dir, "dealership.duckdb"),
      }),
    };
    const rng = createRng(7);
    const runAll = async () => {
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
    await insertSales(pool, { count: 150, rng });
    await runAll();
    await insertSales(pool, { count: 60, rng });
    await applyUpdates(pool, { count: 20, rng });
    await runAll();
    const warehouse = await DuckDbHook.open(path.join(dir, "dealership.duckdb"));
    try {
      for (const table of TABLES) {
        const key = `id_${table}`;
        const source = (
          await pool.query<Record<string, unknown>>(`select * from "${table}" order by "${key}"`)
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
