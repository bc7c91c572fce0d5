// The parse phase of a dbt-style project: what dbt_project.yml, the schema files and each
// model's Jinja say — refs, sources, config (folder levels, then config()), the model order —
// and the errors a broken project gets, naming the file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compileProject, loadProject, TransformError } from "../src";

const SHOP = path.join(__dirname, "fixtures", "shop");

describe("a dbt-style project", () => {
  test("loads its models and sources, and orders models after what they ref", () => {
    const project = loadProject(SHOP);
    expect(project.name).toBe("shop");
    expect(project.models.map((m) => m.path)).toEqual([
      "models/marts/fct_vendas.sql",
      "models/staging/stg_veiculos.sql",
      "models/staging/stg_vendas.sql",
    ]);
    expect(project.sources).toEqual([
      expect.objectContaining({
        source: "raw",
        table: "vendas",
        database: null,
        schema: "stage",
        identifier: "vendas",
        file: "models/staging/sources.yml",
      }),
      expect.objectContaining({ source: "raw", table: "veiculos", identifier: "vehicles" }),
    ]);
    const compiled = compileProject(project);
    expect(compiled.models.map((m) => m.name)).toEqual([
      "stg_vendas",
      "stg_veiculos",
      "fct_vendas",
    ]);
    const fct = compiled.byName.get("fct_vendas")!;
    expect(fct).toMatchObject({
      uniqueId: "model.shop.fct_vendas",
      fqn: ["shop", "marts", "fct_vendas"],
      refs: ["stg_vendas", "stg_veiculos"],
      sources: [],
    });
    expect(compiled.models.find((m) => m.name === "stg_vendas")!.sources).toEqual([
      ["raw", "vendas"],
    ]);
    expect(compiled.byId.get("model.shop.stg_vendas")!.dependsOn).toEqual([
      "source.shop.raw.vendas",
    ]);
  });

  test("config: folder levels, then config() in the model; tags add up", () => {
    const { byName } = compileProject(loadProject(SHOP));
    expect(byName.get("stg_vendas")!.config).toMatchObject({
      materialized: "view",
      tags: ["shop", "staging"],
    });
    expect(byName.get("stg_veiculos")!.config.tags).toEqual(["shop", "staging", "dimension"]);
    expect(byName.get("fct_vendas")!.config).toMatchObject({
      materialized: "incremental",
      unique_key: "id_vendas",
      tags: ["shop"],
    });
  });

  test("--vars reach the parse: a config taken from var() follows them", () => {
    const root = mkdtempSync(path.join(tmpdir(), "updraft-dbt-"));
    try {
      mkdirSync(path.join(root, "models"));
      writeFileSync(path.join(root, "dbt_project.yml"), "name: v\nvars:\n  kind: view\n");
      writeFileSync(
        path.join(root, "models", "m.sql"),
        "{{ config(materialized=var('kind')) }}\nselect 1 as id",
      );
      const project = loadProject(root);
      expect(compileProject(project).models[0]!.config.materialized).toBe("view");
      expect(
        compileProject(project, { vars: { kind: "table" } }).models[0]!.config.materialized,
      ).toBe("table");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  describe("a broken project is refused, naming the file", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), "updraft-dbt-"));
      mkdirSync(path.join(dir, "models"));
      writeFileSync(path.join(dir, "dbt_project.yml"), "name: broken\n");
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const model = (name: string, sql: string) =>
      writeFileSync(path.join(dir, "models", `${name}.sql`), sql);
    const failure = () => {
      try {
        compileProject(loadProject(dir));
      } catch (error) {
        if (error instanceof TransformError) return `${error.code}: ${error.message}`;
        throw error;
      }
      return "no error";
    };

    test("an unknown ref", () => {
      model("a", "select * from {{ ref('nope') }}");
      expect(failure()).toBe(
        "UNKNOWN_REFERENCE: models/a.sql: ref('nope') names no model, seed or snapshot of the project",
      );
    });

    test("an undeclared source", () => {
      model("a", "select * from {{ source('raw', 't') }}");
      expect(failure()).toBe(
        "UNKNOWN_REFERENCE: models/a.sql: source('raw', 't') is not declared in any schema file",
      );
    });

    test("a cycle", () => {
      model("a", "select * from {{ ref('b') }}");
      model("b", "select * from {{ ref('a') }}");
      expect(failure()).toBe(
        "DEPENDENCY_CYCLE: models depend on each other in a circle: a → b → a",
      );
    });

    test("Jinja that does not compile, with its line", () => {
      model("a", "select 1\n{% if %}");
      expect(failure()).toMatch(/^COMPILE_ERROR: models\/a\.sql:2: /);
    });

    test("a project file without a usable name", () => {
      writeFileSync(path.join(dir, "dbt_project.yml"), "name: 'not ok'\n");
      expect(failure()).toMatch(
        /^INVALID_PROJECT: .*dbt_project\.yml: name: expected a project name/,
      );
    });
  });
});
