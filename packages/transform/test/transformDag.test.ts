// A project rendered as a DAG: a task per model, seed and snapshot (a `<name>` group of build
// and test when the node has tests), folder groups, edges that follow ref() through ephemeral
// models, the test behaviours, selection; and the node task itself — it builds in the warehouse
// of its connection and fails when its node errors or a test of error severity fails.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDbHook } from "@updraft/providers";
import { Connection, type Dag, serializeDag } from "@updraft/sdk";
import { fakeTaskRun } from "@updraft/sdk/testing";
import { transformDag } from "../src";
import { writeProject } from "./support/writeProject";

const PROJECT = {
  "models/staging/sources.yml": `version: 2
sources:
  - name: raw
    schema: raw
    tables: [{ name: orders }]
`,
  "models/staging/stg_orders.sql": "select id, amount from {{ source('raw', 'orders') }}",
  "models/staging/orders_clean.sql":
    "{{ config(materialized='ephemeral') }}\nselect * from {{ ref('stg_orders') }} where amount > 0",
  "models/marts/fct_orders.sql":
    "{{ config(materialized='table') }}\nselect o.id, o.amount, r.label from {{ ref('orders_clean') }} o left join {{ ref('labels') }} r on r.id = o.id",
  "models/marts/report.sql": "select count(*) as n from {{ ref('fct_orders') }}",
  "models/marts/properties.yml": `version: 2
models:
  - name: fct_orders
    columns:
      - name: id
        data_tests:
          - unique
          - relationships: { to: "ref('stg_orders')", field: id }
`,
  "seeds/labels.csv": "id,label\n1,one\n2,two\n",
};

const tasksOf = (dag: Dag) =>
  Object.fromEntries(serializeDag(dag).dag.tasks.map((t) => [t.task_id, t.upstream_task_ids]));

describe("transformDag", () => {
  const root = writeProject(PROJECT);
  const options = { dagId: "shop_transform", project: root, connId: "warehouse" } as const;

  test("a task per node, grouped by folder; tested nodes are a group of build then test", () => {
    expect(tasksOf(transformDag(options))).toEqual({
      labels_seed: [],
      "staging.stg_orders_run": [],
      "marts.fct_orders.run": ["labels_seed", "staging.stg_orders_run"],
      "marts.fct_orders.test": ["marts.fct_orders.run"],
      "marts.report_run": ["marts.fct_orders.test"],
    });
  });

  test("after_all: one test task after every node; none: no tests; detached multi-parent tests", () => {
    expect(tasksOf(transformDag({ ...options, testBehavior: "after_all" }))).toMatchObject({
      "marts.fct_orders_run": ["labels_seed", "staging.stg_orders_run"],
      test_all: [
        "labels_seed",
        "marts.fct_orders_run",
        "marts.report_run",
        "staging.stg_orders_run",
      ],
    });
    expect(Object.keys(tasksOf(transformDag({ ...options, testBehavior: "none" }))).sort()).toEqual(
      ["labels_seed", "marts.fct_orders_run", "marts.report_run", "staging.stg_orders_run"],
    );
    const detached = tasksOf(transformDag({ ...options, detachMultiParentTests: true }));
    expect(detached).toMatchObject({
      "marts.fct_orders.test": ["marts.fct_orders.run"],
      relationships_fct_orders_id__ref_stg_orders___id_test: [
        "marts.fct_orders.test",
        "staging.stg_orders_run",
      ],
    });
  });

  test("selection narrows the DAG to the selected nodes", () => {
    expect(
      Object.keys(
        tasksOf(transformDag({ ...options, select: ["+fct_orders"], testBehavior: "none" })),
      ).sort(),
    ).toEqual(["labels_seed", "marts.fct_orders_run", "staging.stg_orders_run"]);
  });

  test("the node tasks build in the connection's warehouse; a failing test fails its task", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "updraft-transform-dag-"));
    const file = path.join(dir, "w.duckdb");
    try {
      const db = await DuckDbHook.open(file);
      await db.run("create schema raw");
      await db.run(
        "create table raw.orders as select * from (values (1, 10), (2, 20), (2, 5)) t(id, amount)",
      );
      db.close();
      const dag = transformDag(options);
      const run = fakeTaskRun({
        dagId: "shop_transform",
        connections: {
          warehouse: new Connection({ conn_id: "warehouse", conn_type: "duckdb", host: file }),
        },
        params: { warehouse_conn_id: "warehouse", full_refresh: false },
      });
      const outcome = async (taskId: string) => {
        try {
          return { ok: true, value: (await run.run(dag.task(taskId))).returnValue };
        } catch (error) {
          return { ok: false, value: (error as Error).message };
        }
      };
      expect(await outcome("labels_seed")).toMatchObject({ ok: true });
      expect(await outcome("staging.stg_orders_run")).toMatchObject({
        ok: true,
        value: [{ unique_id: "model.shop.stg_orders", status: "success", message: "CREATE VIEW" }],
      });
      expect(await outcome("marts.fct_orders.run")).toMatchObject({ ok: true });
      // Order 2 appears twice: `unique` fails (error severity), so the task fails.
      const test = await outcome("marts.fct_orders.test");
      expect(test).toEqual({
        ok: false,
        value: expect.stringMatching(
          /^1 node\(s\) failed: unique_fct_orders_id \(fail: Got 1 result/,
        ),
      });
      const check = await DuckDbHook.open(file);
      expect(await check.all("select count(*)::int as n from analytics.fct_orders")).toEqual([
        { n: 3 },
      ]);
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
