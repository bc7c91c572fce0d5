// `updraft transform ls` and `compile` (no warehouse needed), and the invocation problems every
// verb reports as one clear message with exit 2: no dbt_project.yml, a bad selector, a project
// that does not parse, --vars that is no mapping, a missing or unreadable connection.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli } from "./support/cli";
import { type TransformFixture, transformFixture } from "./support/transformProject";

const fixtures: TransformFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

async function project(files: Record<string, string | null> = {}): Promise<TransformFixture> {
  const fixture = await transformFixture(files);
  fixtures.push(fixture);
  return fixture;
}

const ls = (fixture: TransformFixture, args: string[]) =>
  cli(["transform", "ls", "--project-dir", fixture.projectDir, ...args], {});

describe("updraft transform ls", () => {
  test("prints the selection's fqn selectors sorted by unique id, sources as source:…, needing no connection", async () => {
    const fixture = await project();
    const { code, out, err } = await ls(fixture, ["-s", "+resumo"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out.split("\n")).toEqual([
      "novadrive.mart.resumo",
      "novadrive.stage.stg_vendas",
      "source:novadrive.raw.vendas",
      "novadrive.assert_valor_positivo",
      "novadrive.stage.not_null_stg_vendas_id",
    ]);
  });

  test("without --select lists everything, sources included, as dbt ls does", async () => {
    const fixture = await project();
    const { out } = await ls(fixture, []);
    expect(out.split("\n")).toHaveLength(6);
    expect(out).toContain("source:novadrive.raw.vendas");
  });

  test("--select is repeatable or space-separated; --exclude and --resource-type narrow it", async () => {
    const fixture = await project();
    const repeated = await ls(fixture, [
      "-s",
      "stg_vendas",
      "-s",
      "resumo",
      "--resource-type",
      "model",
    ]);
    const spaced = await ls(fixture, ["--select", "stg_vendas resumo", "--resource-type", "model"]);
    expect(repeated.out.split("\n")).toEqual([
      "novadrive.mart.resumo",
      "novadrive.stage.stg_vendas",
    ]);
    expect(spaced.out).toBe(repeated.out);
    const excluded = await ls(fixture, ["-s", "stg_vendas+", "--exclude", "mart", "-o", "name"]);
    expect(excluded.out.split("\n")).toEqual([
      "stg_vendas",
      "assert_valor_positivo",
      "not_null_stg_vendas_id",
    ]);
  });

  test("--output json prints one object a line: name, resource_type, unique_id, depends_on, tags, config", async () => {
    const fixture = await project();
    const { out } = await ls(fixture, [
      "-s",
      "stg_vendas",
      "--resource-type",
      "model",
      "-o",
      "json",
    ]);
    expect(out.split("\n").map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        name: "stg_vendas",
        resource_type: "model",
        package_name: "novadrive",
        original_file_path: "models/stage/stg_vendas.sql",
        unique_id: "model.novadrive.stg_vendas",
        tags: [],
        depends_on: { macros: [], nodes: ["source.novadrive.raw.vendas"] },
        config: { enabled: true, materialized: "view" },
      },
    ]);
  });

  test("the project folder defaults to the current one", async () => {
    const fixture = await project();
    const { code, out } = await cli(
      ["transform", "list", "--resource-type", "seed", "source"],
      {},
      fixture.projectDir,
    );
    expect(code).toBe(0);
    expect(out).toBe("source:novadrive.raw.vendas");
  });

  test("a selector that matches nothing is a warning, as in dbt", async () => {
    const fixture = await project();
    const { code, out, err } = await ls(fixture, ["-s", "nao_existe"]);
    expect(code).toBe(0);
    expect(out).toBe("");
    expect(err).toBe(
      "The selection criterion 'nao_existe' does not match any enabled nodes\nNo nodes selected!",
    );
  });
});

describe("updraft transform compile", () => {
  test("writes manifest.json only, with the connection's warehouse type", async () => {
    const fixture = await project();
    const { code, out, err } = await cli(
      ["transform", "compile", "--project-dir", fixture.projectDir, "--conn-id", "warehouse"],
      fixture.env,
    );
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toBe(
      `Found 3 models, 2 data tests, 1 source\nWrote ${path.join(fixture.projectDir, "target", "manifest.json")}`,
    );
    const manifest = fixture.readJson("target/manifest.json") as {
      metadata: { adapter_type: string };
    };
    expect(manifest.metadata.adapter_type).toBe("duckdb");
    expect(existsSync(path.join(fixture.projectDir, "target", "run_results.json"))).toBe(false);
  });

  test("without a connection it says which warehouse the manifest assumes", async () => {
    const fixture = await project();
    const { code, err } = await cli(["transform", "compile", "--project-dir", fixture.projectDir], {
      UPDRAFT_HOME: path.join(fixture.projectDir, "no-home"),
    });
    expect(code).toBe(0);
    expect(err).toBe(
      'No connection "dealership_warehouse" found; manifest.json assumes a duckdb warehouse (--conn-id names another)',
    );
  });
});

describe("updraft transform: invocation problems exit 2 with one message", () => {
  test("no dbt_project.yml in the project folder", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "updraft-cli-empty-"));
    try {
      const { code, out, err } = await cli(["transform", "run"], {}, empty);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toBe(
        `--project-dir: expected a folder holding dbt_project.yml, got ${empty} (it has none); run from the project's folder or pass --project-dir <folder>`,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test("a malformed selector names itself and the form expected; nothing runs", async () => {
    const fixture = await project();
    const { code, out, err } = await cli(
      [
        "transform",
        "build",
        "--project-dir",
        fixture.projectDir,
        "--conn-id",
        "warehouse",
        "-s",
        "stg_vendas++",
      ],
      fixture.env,
    );
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^selector "stg_vendas\+\+": .*expected \[@\]\[N\+\]method:value\[\+N\]/);
    expect(existsSync(path.join(fixture.projectDir, "target"))).toBe(false);
  });

  test("a selector that matches nothing is a warning and nothing to do (exit 0)", async () => {
    const fixture = await project();
    const { code, out, err } = await cli(
      [
        "transform",
        "run",
        "--project-dir",
        fixture.projectDir,
        "--conn-id",
        "warehouse",
        "-s",
        "nao_existe",
      ],
      fixture.env,
    );
    expect(code).toBe(0);
    expect(err).toBe("The selection criterion 'nao_existe' does not match any enabled nodes");
    expect(out).toContain("Nothing to do.");
  });

  test("a project that does not compile names the file", async () => {
    const fixture = await project({
      "models/mart/resumo.sql": "select * from {{ ref('nao_existe') }}\n",
    });
    const { code, err } = await ls(fixture, []);
    expect(code).toBe(2);
    expect(err).toMatch(/models\/mart\/resumo\.sql.*nao_existe/);
  });

  test.each([
    ["a list", "[1, 2]"],
    ["a scalar", "min_id"],
    ["broken YAML", "{min_id: 2"],
  ])("--vars that is %s names --vars", async (_, vars) => {
    const fixture = await project();
    const { code, err } = await cli(
      [
        "transform",
        "run",
        "--project-dir",
        fixture.projectDir,
        "--conn-id",
        "warehouse",
        "--vars",
        vars,
      ],
      fixture.env,
    );
    expect(code).toBe(2);
    expect(err).toMatch(
      /^--vars: expected a YAML or JSON mapping such as '\{"start_date": "2026-01-01"\}', got /,
    );
  });

  test("a missing connection says how to set it", async () => {
    const fixture = await project();
    const { code, err } = await cli(["transform", "run", "--project-dir", fixture.projectDir], {
      UPDRAFT_HOME: fixture.env.UPDRAFT_HOME!,
    });
    expect(code).toBe(2);
    expect(err).toMatch(
      /^connection "dealership_warehouse" not found: set AIRFLOW_CONN_DEALERSHIP_WAREHOUSE \(a URI, or an Airflow JSON connection/,
    );
  });

  test("UPDRAFT_TRANSFORM_CONN_ID picks the connection when --conn-id is not given", async () => {
    const fixture = await project();
    const { code, out } = await cli(["transform", "run", "--project-dir", fixture.projectDir], {
      ...fixture.env,
      UPDRAFT_TRANSFORM_CONN_ID: "warehouse",
    });
    expect(code).toBe(0);
    expect(out).toContain("Connection warehouse (duckdb)");
  });

  test("a connection that does not parse is reported without its value", async () => {
    const fixture = await project();
    const { code, err } = await cli(
      ["transform", "run", "--project-dir", fixture.projectDir, "--conn-id", "warehouse"],
      { ...fixture.env, AIRFLOW_CONN_WAREHOUSE: '{"conn_type": "duckdb", "password": "hunter2"' },
    );
    expect(code).toBe(2);
    expect(err).toMatch(
      /^AIRFLOW_CONN_WAREHOUSE: expected a URI .* got a value that does not parse$/,
    );
    expect(err).not.toContain("hunter2");
  });

  test("a connection of another kind names its type", async () => {
    const fixture = await project();
    const { code, err } = await cli(
      ["transform", "run", "--project-dir", fixture.projectDir, "--conn-id", "warehouse"],
      { ...fixture.env, AIRFLOW_CONN_WAREHOUSE: "mysql://u:hunter2@db/x" },
    );
    expect(code).toBe(2);
    expect(err).toBe(
      'connection "warehouse": expected conn_type duckdb, postgres, snowflake, got "mysql"',
    );
  });

  test("transform --help lists dbt's verbs", async () => {
    const { code, out } = await cli(["transform", "--help"], {});
    expect(code).toBe(0);
    for (const verb of ["run", "test", "build", "seed", "snapshot", "ls|list", "compile"])
      expect(out).toMatch(new RegExp(`^  ${verb.replace("|", "\\|")} `, "m"));
  });
});
