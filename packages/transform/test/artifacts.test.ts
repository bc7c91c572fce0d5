// dbt's artifacts in dbt's shape: manifest.json (nodes, sources, depends_on, parent/child maps,
// test metadata) and run_results.json (status, timing, adapter_response, compiled code); and the
// unsupported Jinja a project is refused for, named by file and line.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  compileProject,
  loadProject,
  newInvocation,
  runProject,
  TransformError,
  writeArtifacts,
} from "../src";
import { duckDbWarehouse } from "./support/warehouses";
import { writeProject } from "./support/writeProject";

const PROJECT = {
  "models/sources.yml":
    "version: 2\nsources:\n  - name: raw\n    schema: raw\n    tables: [{ name: t }]\n",
  "models/a.sql": "select id from {{ source('raw', 't') }}",
  "models/b.sql":
    "{{ config(materialized='table', tags=['daily']) }}\nselect id from {{ ref('a') }}",
  "models/props.yml":
    "version: 2\nmodels:\n  - name: b\n    description: The b model.\n    columns:\n      - name: id\n        description: The key.\n        data_tests: [not_null]\n",
};

describe("artifacts", () => {
  test("manifest.json and run_results.json as dbt writes them", async () => {
    const root = writeProject(PROJECT);
    const project = compileProject(loadProject(root));
    const warehouse = await duckDbWarehouse();
    try {
      await warehouse.execute("create schema raw");
      await warehouse.execute("create table raw.t as select 1 as id");
      const run = await runProject(project, warehouse, { command: "build" });
      const invocation = newInvocation("duckdb", warehouse.target);
      const target = path.join(root, "target");
      writeArtifacts(target, project, invocation, run);
      const manifest = JSON.parse(readFileSync(path.join(target, "manifest.json"), "utf8"));
      expect(manifest.metadata).toMatchObject({
        dbt_schema_version: "https://schemas.getdbt.com/dbt/manifest/v12.json",
        project_name: "shop",
        adapter_type: "duckdb",
        invocation_id: invocation.invocationId,
      });
      expect(Object.keys(manifest.nodes).sort()).toEqual([
        "model.shop.a",
        "model.shop.b",
        expect.stringMatching(/^test\.shop\.not_null_b_id\.[0-9a-f]{10}$/),
      ]);
      expect(manifest.nodes["model.shop.b"]).toMatchObject({
        resource_type: "model",
        name: "b",
        original_file_path: "models/b.sql",
        path: "b.sql",
        fqn: ["shop", "b"],
        schema: "analytics",
        relation_name: '"analytics"."b"',
        description: "The b model.",
        columns: { id: { name: "id", description: "The key." } },
        config: { materialized: "table", tags: ["daily"] },
        tags: ["daily"],
        depends_on: { nodes: ["model.shop.a"], macros: [] },
        refs: [{ name: "a", package: null, version: null }],
      });
      const testId = Object.keys(manifest.nodes).find((id) => id.startsWith("test."))!;
      expect(manifest.nodes[testId]).toMatchObject({
        test_metadata: { name: "not_null", kwargs: { column_name: "id" } },
        column_name: "id",
        attached_node: "model.shop.b",
        depends_on: { nodes: ["model.shop.b"] },
      });
      expect(manifest.sources["source.shop.raw.t"]).toMatchObject({
        source_name: "raw",
        relation_name: '"raw"."t"',
      });
      expect(manifest.child_map["model.shop.a"]).toEqual(["model.shop.b"]);
      expect(manifest.parent_map["model.shop.a"]).toEqual(["source.shop.raw.t"]);

      const results = JSON.parse(readFileSync(path.join(target, "run_results.json"), "utf8")) as {
        metadata: { dbt_schema_version: string };
        args: { which: string };
        results: {
          unique_id: string;
          status: string;
          timing: { name: string; started_at: string; completed_at: string }[];
        }[];
      };
      expect(results.metadata.dbt_schema_version).toBe(
        "https://schemas.getdbt.com/dbt/run-results/v6.json",
      );
      expect(results.args.which).toBe("build");
      expect(results.results.map((r) => [r.unique_id, r.status])).toEqual([
        ["model.shop.a", "success"],
        ["model.shop.b", "success"],
        [testId, "pass"],
      ]);
      const b = results.results[1]!;
      expect(b).toMatchObject({
        adapter_response: { _message: "CREATE TABLE", code: "CREATE" },
        compiled: true,
        compiled_code: 'select id from "analytics"."a"',
        relation_name: '"analytics"."b"',
        failures: null,
      });
      const [timing] = b.timing;
      expect(timing!.name).toBe("execute");
      expect(Date.parse(timing!.completed_at)).toBeGreaterThanOrEqual(
        Date.parse(timing!.started_at),
      );
    } finally {
      await warehouse.close();
    }
  });

  test("Jinja that nunjucks would render wrong is refused, naming the file and line", () => {
    const project = loadProject(
      writeProject({
        ...PROJECT,
        "models/c.sql": "select 1 as id\n{% for x in [1, 2] if x > 1 %}, {{ x }}{% endfor %}",
      }),
    );
    expect(() => compileProject(project)).toThrow(TransformError);
    expect(() => compileProject(project)).toThrow(/^models\/c\.sql:2: /);
  });

  test("var() without a value or default is a clear error at run time", async () => {
    const project = compileProject(
      loadProject(writeProject({ ...PROJECT, "models/c.sql": "select {{ var('missing') }} as x" })),
    );
    const warehouse = await duckDbWarehouse();
    try {
      const run = await runProject(project, warehouse, { command: "run", select: ["c"] });
      expect(run.results[0]).toMatchObject({
        status: "error",
        message: expect.stringContaining("Required var 'missing' not found"),
      });
    } finally {
      await warehouse.close();
    }
  });
});
