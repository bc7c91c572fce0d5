// Data tests on each warehouse: the four generic tests, a custom generic test from macros/, a
// singular test, severity warn, warn_if/error_if and where; seeds loaded from CSV with
// inferred and configured types; and `build`, where a failing test skips exactly what depends
// on the model it checks.
import { compileProject, loadProject, runProject } from "../src";
import type { NodeResult } from "../src";
import { openTestWarehouse, rows, type TestWarehouse, WAREHOUSE_TYPES } from "./support/warehouses";
import { writeProject } from "./support/writeProject";

const PROJECT = {
  "seeds/customers.csv":
    "id,name,tier,joined_on,score,active\n1,Ana,gold,2024-01-01,1.5,true\n2,Bia,silver,2024-02-01,2,false\n3,Caio,gold,,3.25,true\n",
  "seeds/properties.yml": `version: 2
seeds:
  - name: customers
    config:
      column_types: { name: varchar(40) }
    columns:
      - name: id
        data_tests: [unique, not_null]
      - name: tier
        data_tests:
          - accepted_values: { values: [gold, silver] }
      - name: joined_on
        data_tests:
          - not_null: { config: { severity: warn } }
`,
  "models/orders.sql": `select 1 as id, 1 as customer_id, 10 as amount
union all select 2, 2, 20
union all select 3, 9, 30
union all select 4, 1, -5`,
  "models/order_totals.sql":
    "select customer_id, sum(amount) as total from {{ ref('orders') }} group by customer_id",
  "models/properties.yml": `version: 2
models:
  - name: orders
    columns:
      - name: id
        data_tests: [unique, not_null]
      - name: customer_id
        data_tests:
          - relationships:
              arguments: { to: "ref('customers')", field: id }
              config: { severity: warn }
          - accepted_values:
              arguments: { values: [1, 2, 9], quote: false }
      - name: amount
        data_tests:
          - positive:
              config: { where: "id < 4" }
          - positive:
              name: positive_amount_everywhere
              config: { warn_if: ">= 1", error_if: "> 5" }
`,
  "macros/positive.sql": `{% test positive(model, column_name) %}
select * from {{ model }} where {{ column_name }} <= 0
{% endtest %}`,
  "tests/no_orphan_totals.sql":
    "select * from {{ ref('order_totals') }} where customer_id not in (select id from {{ ref('customers') }})",
};

const byName = (project: ReturnType<typeof compileProject>, results: readonly NodeResult[]) =>
  Object.fromEntries(
    results.map((r) => [project.byId.get(r.uniqueId)!.name, [r.status, r.failures ?? r.message]]),
  );

describe.each(WAREHOUSE_TYPES)("data tests and seeds on %s", (type) => {
  let test: TestWarehouse;
  const project = compileProject(loadProject(writeProject(PROJECT)));

  beforeAll(async () => {
    test = await openTestWarehouse(type);
  }, 30_000);
  afterAll(() => test.close());

  it("a seed becomes a table with inferred and configured types, NULL for empty fields", async () => {
    const run = await runProject(project, test.warehouse, { command: "seed" });
    expect(run.results.map((r) => [r.uniqueId, r.status, r.message])).toEqual([
      ["seed.shop.customers", "success", "INSERT 3"],
    ]);
    const schema = test.warehouse.target.schema;
    const loaded = await rows(
      test.warehouse,
      `select id, name, tier, joined_on, score, active from ${schema}.customers order by id`,
    );
    expect(
      loaded.map((r) => [r.id, r.name, r.score, r.joined_on === null, Boolean(r.active)]),
    ).toEqual([
      [1, "Ana", 1.5, false, true],
      [2, "Bia", 2, false, false],
      [3, "Caio", 3.25, true, true],
    ]);
    const columns = await test.warehouse.columnsOf({
      database: test.warehouse.target.database,
      schema,
      identifier: "customers",
    });
    expect(columns.map((c) => c.dataType.toLowerCase())).toEqual([
      expect.stringMatching(/^(integer|number|bigint)/),
      expect.stringMatching(/^(varchar|character varying|text)/),
      expect.stringMatching(/^(varchar|text|character varying)/),
      expect.stringMatching(/^date/),
      expect.stringMatching(/^(double|numeric|float|number)/),
      expect.stringMatching(/^boolean/),
    ]);
  }, 30_000);

  it("each test counts its failing rows and reports pass, warn or fail by severity", async () => {
    await runProject(project, test.warehouse, { command: "run" });
    const run = await runProject(project, test.warehouse, { command: "test" });
    expect(byName(project, run.results)).toEqual({
      unique_customers_id: ["pass", 0],
      not_null_customers_id: ["pass", 0],
      accepted_values_customers_tier__gold__silver: ["pass", 0],
      not_null_customers_joined_on: ["warn", 1],
      unique_orders_id: ["pass", 0],
      not_null_orders_id: ["pass", 0],
      relationships_orders_customer_id__ref_customers___id: ["warn", 1],
      accepted_values_orders_customer_id__1__2__9__False: ["pass", 0],
      positive_orders_amount: ["pass", 0],
      positive_amount_everywhere: ["warn", 1],
      no_orphan_totals: ["fail", 1],
    });
    const failed = run.results.find((r) => r.status === "fail")!;
    expect(failed.message).toBe("Got 1 result, configured to fail if != 0");
    expect(run.success).toBe(false);
  }, 30_000);

  it("build: each node's tests right after it; a failing test skips what depends on its model", async () => {
    const failing = compileProject(
      loadProject(
        writeProject({
          ...PROJECT,
          "models/properties.yml": `version: 2
models:
  - name: orders
    columns:
      - name: amount
        data_tests: [positive]
`,
        }),
      ),
    );
    const run = await runProject(failing, test.warehouse, { command: "build" });
    const order = run.results.map((r) => [failing.byId.get(r.uniqueId)!.name, r.status]);
    const at = (name: string) => order.findIndex(([n]) => n === name);
    expect(at("positive_orders_amount")).toBeGreaterThan(at("orders"));
    expect(at("positive_orders_amount")).toBeLessThan(at("order_totals"));
    expect(Object.fromEntries(order)).toMatchObject({
      orders: "success",
      positive_orders_amount: "fail",
      order_totals: "skipped",
      // A singular test of a skipped model is skipped too.
      no_orphan_totals: "skipped",
      customers: "success",
    });
  }, 30_000);

  it("--fail-fast skips everything after the first failure", async () => {
    const run = await runProject(project, test.warehouse, {
      command: "test",
      failFast: true,
      select: ["orders", "order_totals"],
    });
    const statuses = run.results.map((r) => r.status);
    const first = statuses.findIndex((s) => s === "fail" || s === "error");
    if (first >= 0) expect(statuses.slice(first + 1).every((s) => s === "skipped")).toBe(true);
    expect(statuses).toContain("fail");
  }, 30_000);
});
