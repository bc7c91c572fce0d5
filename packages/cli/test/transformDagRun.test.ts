// A dbt-style project as a DAG, run whole by `updraft dags test` through the scheduler and the
// local executor: a model that fails fails its task, what depends on it is upstream_failed, and
// the rest of the project still builds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDbHook } from "@updraft/providers";
import { cli } from "./support/cli";

const stateOf = (out: string, task: string): string | undefined =>
  new RegExp(`^${task.replace(/[.]/g, "\\.")}\\s+\\| -1\\s+\\| (\\w+)`, "m").exec(out)?.[1];

const FILES: Record<string, string> = {
  ".updraftignore": "^shop(/|$)\n",
  "shop_transform.ts": `import path from "node:path";
import { transformDag } from "@updraft/transform";
export default transformDag({
  dagId: "shop_transform",
  project: path.join(__dirname, "shop"),
  connId: "warehouse",
  schedule: null,
  startDate: "2026-01-01",
});
`,
  "shop/dbt_project.yml": "name: shop\n",
  "shop/models/sources.yml":
    "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables: [{ name: orders }]\n",
  "shop/models/stg_orders.sql": "select id, amount from {{ source('raw', 'orders') }}",
  "shop/models/broken.sql": "select no_such_column from {{ ref('stg_orders') }}",
  "shop/models/after_broken.sql": "select * from {{ ref('broken') }}",
  "shop/models/totals.sql":
    "{{ config(materialized='table') }}\nselect sum(amount) as total from {{ ref('stg_orders') }}",
  "shop/models/report.sql": "select total * 2 as doubled from {{ ref('totals') }}",
};

describe("a transform DAG run by the scheduler", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "updraft-cli-transform-dag-"));
    for (const [file, content] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, "dags", file)), { recursive: true });
      writeFileSync(path.join(dir, "dags", file), content);
    }
    const db = await DuckDbHook.open(path.join(dir, "w.duckdb"));
    await db.run("create schema raw");
    await db.run(
      "create table raw.orders as select * from (values (1, 10), (2, 32)) t(id, amount)",
    );
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a failed model blocks exactly its downstream; the rest builds", async () => {
    const connection = JSON.stringify({ conn_type: "duckdb", host: path.join(dir, "w.duckdb") });
    const previous = process.env.AIRFLOW_CONN_WAREHOUSE;
    process.env.AIRFLOW_CONN_WAREHOUSE = connection;
    try {
      const { code, out } = await cli(["dags", "test", "shop_transform"], {
        UPDRAFT_DAGS_FOLDER: path.join(dir, "dags"),
        AIRFLOW_CONN_WAREHOUSE: connection,
      });
      expect(code).toBe(1);
      expect({
        stg_orders: stateOf(out, "stg_orders_run"),
        broken: stateOf(out, "broken_run"),
        after_broken: stateOf(out, "after_broken_run"),
        totals: stateOf(out, "totals_run"),
        report: stateOf(out, "report_run"),
      }).toEqual({
        stg_orders: "success",
        broken: "failed",
        after_broken: "upstream_failed",
        totals: "success",
        report: "success",
      });
      expect(out).toMatch(/\[broken_run\] ERROR broken: ERROR .*no_such_column/);
    } finally {
      if (previous === undefined) delete process.env.AIRFLOW_CONN_WAREHOUSE;
      else process.env.AIRFLOW_CONN_WAREHOUSE = previous;
    }
    const db = await DuckDbHook.open(path.join(dir, "w.duckdb"));
    try {
      expect(await db.all("select doubled::int as doubled from analytics.report")).toEqual([
        { doubled: 84 },
      ]);
    } finally {
      db.close();
    }
  }, 60_000);
});
