// Each materialization on each warehouse (DuckDB, Postgres, Snowflake through the local
// protocol server): views and tables replaced on every run, incremental models built whole the
// first time and then appended, merged or deleted+inserted, ephemeral models inlined as CTEs,
// and a build that fails leaving the previous version in place.
import { compileProject, loadProject, runProject } from "../src";
import type { Warehouse } from "../src/adapters/warehouse";
import { openTestWarehouse, rows, type TestWarehouse, WAREHOUSE_TYPES } from "./support/warehouses";
import { writeProject } from "./support/writeProject";

const SOURCES = `version: 2
sources:
  - name: raw
    schema: raw
    tables:
      - name: orders
`;

const PROJECT = {
  "models/sources.yml": SOURCES,
  "models/stg_orders.sql":
    "select id, customer, amount, updated_at from {{ source('raw', 'orders') }}",
  "models/big_orders.sql":
    "{{ config(materialized='table') }}\nselect id, amount from {{ ref('stg_orders') }} where amount >= {{ var('big', 100) }}",
  "models/orders_ephemeral.sql":
    "{{ config(materialized='ephemeral') }}\nselect id, amount * 2 as doubled from {{ ref('stg_orders') }}",
  "models/doubled.sql":
    "{{ config(materialized='table') }}\nwith extra as (select 1 as one)\nselect e.id, e.doubled, extra.one from {{ ref('orders_ephemeral') }} e cross join extra",
  "models/orders_merge.sql": incremental("merge", "unique_key='id'"),
  "models/orders_delete_insert.sql": incremental("delete+insert", "unique_key='id'"),
  "models/orders_append.sql": incremental("append", ""),
};

function incremental(strategy: string, key: string): string {
  return `{{ config(materialized='incremental', incremental_strategy='${strategy}'${key ? `, ${key}` : ""}) }}
select id, customer, amount, updated_at from {{ ref('stg_orders') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}`;
}

async function seedOrders(warehouse: Warehouse): Promise<void> {
  await warehouse.execute("create schema if not exists raw");
  await warehouse.execute(
    "create table raw.orders (id integer, customer varchar(20), amount integer, updated_at integer)",
  );
  await warehouse.execute(
    "insert into raw.orders values (1, 'ana', 50, 1), (2, 'bia', 150, 1), (3, 'caio', 300, 1)",
  );
}

const ids = (result: Record<string, unknown>[]) => result.map((r) => [r.id, r.amount]);

describe.each(WAREHOUSE_TYPES)("materializations on %s", (type) => {
  let test: TestWarehouse;
  const project = compileProject(loadProject(writeProject(PROJECT)));
  const q = (name: string) => `${test.warehouse.target.schema}.${name}`;

  beforeAll(async () => {
    test = await openTestWarehouse(type);
    await seedOrders(test.warehouse);
  }, 30_000);
  afterAll(() => test.close());

  it("builds views, tables and incremental models whole on the first run", async () => {
    const run = await runProject(project, test.warehouse, { command: "run" });
    expect(run.results.map((r) => [r.uniqueId, r.status])).toEqual(
      expect.arrayContaining([
        ["model.shop.stg_orders", "success"],
        ["model.shop.big_orders", "success"],
        ["model.shop.orders_merge", "success"],
      ]),
    );
    // Ephemeral models are not executed at all (as in dbt's run_results).
    expect(run.results.map((r) => r.uniqueId)).not.toContain("model.shop.orders_ephemeral");
    expect(run.success).toBe(true);
    expect(
      await test.warehouse.kindOf({
        database: test.warehouse.target.database,
        schema: test.warehouse.target.schema,
        identifier: "stg_orders",
      }),
    ).toBe("view");
    expect(
      ids(await rows(test.warehouse, `select id, amount from ${q("big_orders")} order by id`)),
    ).toEqual([
      [2, 150],
      [3, 300],
    ]);
    for (const model of ["orders_merge", "orders_delete_insert", "orders_append"])
      expect(await rows(test.warehouse, `select count(*) as n from ${q(model)}`)).toEqual([
        { n: 3 },
      ]);
  }, 30_000);

  it("inlines an ephemeral model as a CTE, into the model's own with-clause", async () => {
    const run = await runProject(project, test.warehouse, { command: "run", select: ["doubled"] });
    const [result] = run.results;
    expect(result!.status).toBe("success");
    expect(result!.compiledSql).toMatch(/^with __dbt__cte__orders_ephemeral as \(/);
    expect(result!.compiledSql).toContain("\n), extra as (select 1 as one)\n");
    expect(
      (await rows(test.warehouse, `select id, doubled from ${q("doubled")} order by id`)).map(
        (r) => [r.id, r.doubled],
      ),
    ).toEqual([
      [1, 100],
      [2, 300],
      [3, 600],
    ]);
  }, 30_000);

  it("a second run merges, deletes+inserts or appends only the changed rows", async () => {
    await test.warehouse.execute("update raw.orders set amount = 55, updated_at = 2 where id = 1");
    await test.warehouse.execute("insert into raw.orders values (4, 'davi', 10, 2)");
    const run = await runProject(project, test.warehouse, {
      command: "run",
      select: ["orders_merge", "orders_delete_insert", "orders_append"],
    });
    expect(Object.fromEntries(run.results.map((r) => [r.uniqueId, r.message]))).toEqual({
      "model.shop.orders_merge": "MERGE 2",
      "model.shop.orders_delete_insert": "DELETE+INSERT 2",
      "model.shop.orders_append": "APPEND 2",
    });
    const current = [
      [1, 55],
      [2, 150],
      [3, 300],
      [4, 10],
    ];
    for (const model of ["orders_merge", "orders_delete_insert"])
      expect(
        ids(await rows(test.warehouse, `select id, amount from ${q(model)} order by id`)),
      ).toEqual(current);
    // Append keeps the old version of order 1 beside the new one.
    expect(
      ids(
        await rows(
          test.warehouse,
          `select id, amount from ${q("orders_append")} order by id, amount`,
        ),
      ),
    ).toEqual([
      [1, 50],
      [1, 55],
      [2, 150],
      [3, 300],
      [4, 10],
    ]);
  }, 30_000);

  it("--full-refresh rebuilds an incremental model whole", async () => {
    const run = await runProject(project, test.warehouse, {
      command: "run",
      select: ["orders_append"],
      fullRefresh: true,
    });
    expect(run.results[0]!.message).toBe("CREATE TABLE (incremental, full build)");
    expect(await rows(test.warehouse, `select count(*) as n from ${q("orders_append")}`)).toEqual([
      { n: 4 },
    ]);
  }, 30_000);

  it("a model whose SQL fails leaves its previous version, and skips what depends on it", async () => {
    const broken = compileProject(
      loadProject(
        writeProject({
          ...PROJECT,
          "models/big_orders.sql":
            "{{ config(materialized='table') }}\nselect id, amount from {{ ref('stg_orders') }} where no_such_column > 1",
          "models/bigger.sql": "select * from {{ ref('big_orders') }}",
        }),
      ),
    );
    const run = await runProject(broken, test.warehouse, {
      command: "run",
      select: ["big_orders+"],
    });
    expect(run.results.map((r) => [r.uniqueId, r.status])).toEqual([
      ["model.shop.big_orders", "error"],
      ["model.shop.bigger", "skipped"],
    ]);
    expect(run.results[1]!.message).toBe("Skipped because big_orders failed upstream");
    expect(run.success).toBe(false);
    expect(
      ids(await rows(test.warehouse, `select id, amount from ${q("big_orders")} order by id`)),
    ).toEqual([
      [2, 150],
      [3, 300],
    ]);
  }, 30_000);

  it("a view that becomes a table (and back) replaces the old relation", async () => {
    const relation = {
      database: test.warehouse.target.database,
      schema: test.warehouse.target.schema,
      identifier: "stg_orders",
    };
    const asTable = compileProject(
      loadProject(
        writeProject({
          ...PROJECT,
          "models/stg_orders.sql": `{{ config(materialized='table') }}\n${PROJECT["models/stg_orders.sql"]}`,
        }),
      ),
    );
    await runProject(asTable, test.warehouse, { command: "run", select: ["stg_orders"] });
    expect(await test.warehouse.kindOf(relation)).toBe("table");
    await runProject(project, test.warehouse, { command: "run", select: ["stg_orders"] });
    expect(await test.warehouse.kindOf(relation)).toBe("view");
  }, 30_000);
});
