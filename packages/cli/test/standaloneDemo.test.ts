// `updraft standalone` over the shipped DAGs folder with nothing configured: it brings its own
// source (embedded Postgres with the sales generator) and DuckDB warehouse, unpauses both
// dealership DAGs on the first start only, runs the load and then the transform it triggers, and
// on a second start keeps what the user changed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDbHook } from "@updraft/providers";
import { createPgliteClient } from "@updraft/store";
import type { Config } from "../src/config";
import { demoWanted } from "../src/commands/standaloneDemo";
import { cli, CLI_DAGS, SHIPPED_DAGS, startCli } from "./support/cli";

describe("updraft standalone with the shipped DAGs", () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), "updraft-demo-"));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const env = (extra: Record<string, string> = {}) => ({
    UPDRAFT_HOME: home,
    UPDRAFT_DAGS_FOLDER: SHIPPED_DAGS,
    UPDRAFT_API_HOST: "127.0.0.1",
    UPDRAFT_API_PORT: "0",
    ...extra,
  });

  /** Runs `sql` on the embedded metadata database (standalone must not be running). */
  const metadata = async (sql: string): Promise<Record<string, unknown>[]> => {
    const client = await createPgliteClient({ dataDir: path.join(home, "db") });
    try {
      return (await client.query<Record<string, unknown>>(sql)).rows;
    } finally {
      await client.close();
    }
  };

  test("the first start runs the load and the transform into DuckDB; a second keeps a paused DAG paused", async () => {
    const first = startCli(["standalone"], env());
    // Start-up compiles the CLI, migrates PGlite and seeds the source: on a CI machine running
    // the other suites beside it, that alone took longer than the default 20 s.
    await first.waitFor(/standalone \| demo source: embedded Postgres \(PGlite\)/, 60_000);
    await first.waitFor(/standalone \| warehouse: DuckDB .*warehouse\.duckdb/);
    await first.waitFor(
      /standalone \| unpaused postgres_to_snowflake_incremental, dealership_transform \(first start\)/,
    );
    await first.waitFor(/dag run success .*dag_id=postgres_to_snowflake_incremental/, 60_000);
    await first.waitFor(/dag run success .*dag_id=dealership_transform/, 60_000);
    expect(await first.stop()).toBe(0);
    expect(first.lines.join("\n")).toContain("demo source stopped");

    // The transform built the sales fact from what the load brought over.
    const warehouse = await DuckDbHook.open(path.join(home, "warehouse.duckdb"));
    try {
      const [loaded] = await warehouse.all<{ n: bigint }>("select count(*) as n from stage.vendas");
      const [facts] = await warehouse.all<{ n: bigint }>(
        "select count(*) as n from analytics.fct_vendas",
      );
      expect(Number(loaded!.n)).toBeGreaterThan(0);
      expect(Number(facts!.n)).toBe(Number(loaded!.n));
    } finally {
      warehouse.close();
    }

    await metadata("update dag set is_paused = true where dag_id = 'dealership_transform'");
    const second = startCli(["standalone"], env());
    await second.waitFor(/standalone \| scheduler running/, 60_000);
    expect(await second.stop()).toBe(0);
    expect(second.lines.join("\n")).not.toContain("unpaused");
    const paused = await metadata(
      `select dag_id, is_paused from dag where dag_id in
       ('postgres_to_snowflake_incremental', 'dealership_transform') order by dag_id`,
    );
    expect(paused).toEqual([
      { dag_id: "dealership_transform", is_paused: true },
      { dag_id: "postgres_to_snowflake_incremental", is_paused: false },
    ]);
    // The second start did not run an interval the first had run already.
    const repeated = await metadata(
      `select logical_date from dag_run where dag_id = 'postgres_to_snowflake_incremental'
       group by logical_date having count(*) > 1`,
    );
    expect(repeated).toEqual([]);
  }, 150_000);

  test("UPDRAFT_STANDALONE_DEMO must be true or false, or start-up stops", async () => {
    const result = await cli(["standalone"], env({ UPDRAFT_STANDALONE_DEMO: "sometimes" }));
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'UPDRAFT_STANDALONE_DEMO: expected true or false, got "sometimes"',
    );
  }, 60_000);
});

describe("demoWanted", () => {
  const config = (dagsFolder: string, value?: string) =>
    ({
      dagsFolder,
      taskEnv: value === undefined ? {} : { UPDRAFT_STANDALONE_DEMO: value },
    }) as unknown as Config;

  test("unset, it follows whether the DAGs folder holds the shipped dealership DAGs", () => {
    expect(demoWanted(config(SHIPPED_DAGS))).toBe(true);
    expect(demoWanted(config(CLI_DAGS))).toBe(false);
  });

  test("true and false override the folder", () => {
    expect(demoWanted(config(CLI_DAGS, "true"))).toBe(true);
    expect(demoWanted(config(SHIPPED_DAGS, "false"))).toBe(false);
    expect(demoWanted(config(SHIPPED_DAGS, " FALSE "))).toBe(false);
  });
});
