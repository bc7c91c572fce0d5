// `updraft transform run|build|test|seed|snapshot` against a small project and a DuckDB file:
// dbt's progress lines and summary, the exit code (failures count, warnings do not), the
// downstream skips, --vars, --fail-fast, --target-schema/--target-path, and the artifacts.
import { existsSync } from "node:fs";
import path from "node:path";
import { cli, type CliResult } from "./support/cli";
import {
  type TransformFixture,
  transformFixture,
  WAREHOUSE_PASSWORD,
} from "./support/transformProject";

const fixtures: TransformFixture[] = [];
afterEach(() => {
  for (const fixture of fixtures.splice(0)) fixture.remove();
});

async function project(
  files: Record<string, string | null> = {},
  rows?: readonly (readonly [number, number])[],
): Promise<TransformFixture> {
  const fixture = await transformFixture(files, rows);
  fixtures.push(fixture);
  return fixture;
}

/** `updraft transform <verb> --project-dir … --conn-id warehouse …`; nothing printed holds the password. */
async function transform(fixture: TransformFixture, args: string[]): Promise<CliResult> {
  const [verb = "", ...rest] = args;
  const result = await cli(
    ["transform", verb, "--project-dir", fixture.projectDir, "--conn-id", "warehouse", ...rest],
    fixture.env,
  );
  expect(result.out + result.err).not.toContain(WAREHOUSE_PASSWORD);
  return result;
}

const count = async (fixture: TransformFixture, relation: string): Promise<number> => {
  const [row] = await fixture.sql([`select count(*) as n from ${relation}`]);
  return Number(row?.n);
};

interface RunResultsJson {
  args: { which: string };
  results: { unique_id: string; status: string; message: string }[];
}

describe("updraft transform run", () => {
  test("prints an OK line per model and the totals, and writes manifest.json and run_results.json", async () => {
    const fixture = await project();
    const { code, out, err } = await transform(fixture, ["run"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      "Found 3 models, 2 data tests, 1 source",
      "Connection warehouse (duckdb), target schema analytics",
    ]);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^1 of 3 OK created sql view model analytics\.stg_vendas \.{20,} \[CREATE VIEW in \d+\.\d\ds\]$/,
      ),
    );
    expect(out).toMatch(
      /^2 of 3 OK created sql table model analytics\.resumo \.+ \[CREATE TABLE in/m,
    );
    expect(out).toMatch(/^3 of 3 OK created sql incremental model analytics\.vendas_inc \.+ \[/m);
    expect(out).toContain("Finished running 1 view model, 1 table model, 1 incremental model in ");
    expect(lines.slice(-3)).toEqual([
      "Completed successfully",
      "",
      "Done. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3",
    ]);
    expect(await count(fixture, "analytics.vendas_inc")).toBe(3);

    const manifest = fixture.readJson("target/manifest.json") as {
      metadata: { adapter_type: string; project_name: string };
      nodes: Record<string, unknown>;
      sources: Record<string, unknown>;
    };
    expect(manifest.metadata).toMatchObject({ adapter_type: "duckdb", project_name: "novadrive" });
    expect(Object.keys(manifest.nodes).sort()).toEqual([
      "model.novadrive.resumo",
      "model.novadrive.stg_vendas",
      "model.novadrive.vendas_inc",
      "test.novadrive.assert_valor_positivo",
      expect.stringMatching(/^test\.novadrive\.not_null_stg_vendas_id\.[0-9a-f]{10}$/),
    ]);
    expect(Object.keys(manifest.sources)).toEqual(["source.novadrive.raw.vendas"]);
    const runResults = fixture.readJson("target/run_results.json") as RunResultsJson;
    expect(runResults.args.which).toBe("run");
    expect(runResults.results.map((r) => [r.unique_id, r.status])).toEqual([
      ["model.novadrive.stg_vendas", "success"],
      ["model.novadrive.resumo", "success"],
      ["model.novadrive.vendas_inc", "success"],
    ]);
  });

  test("a second run builds the incremental model incrementally; --full-refresh rebuilds it", async () => {
    const fixture = await project();
    await transform(fixture, ["run"]);
    await fixture.sql(["insert into raw.vendas values (4, 40)"]);
    const again = await transform(fixture, ["run", "-s", "vendas_inc"]);
    expect(again.out).toMatch(
      /^1 of 1 OK created sql incremental model analytics\.vendas_inc \.+ \[DELETE\+INSERT 1 in/m,
    );
    expect(await count(fixture, "analytics.vendas_inc")).toBe(4);
    const rebuilt = await transform(fixture, ["run", "-s", "vendas_inc", "--full-refresh"]);
    expect(rebuilt.out).toMatch(/\[CREATE TABLE \(incremental, full build\) in/);
  });

  test("--vars reaches the models, as YAML or JSON", async () => {
    const fixture = await project();
    expect(
      (await transform(fixture, ["run", "-s", "stg_vendas", "--vars", "{min_id: 2}"])).code,
    ).toBe(0);
    expect(await count(fixture, "analytics.stg_vendas")).toBe(2);
    await transform(fixture, ["run", "-s", "stg_vendas", "--vars", '{"min_id": 3}']);
    expect(await count(fixture, "analytics.stg_vendas")).toBe(1);
  });

  test("--target-schema builds elsewhere; a relative --target-path is taken from the project folder", async () => {
    const fixture = await project();
    const { code, out } = await transform(fixture, [
      "run",
      "--target-schema",
      "dev_ana",
      "--target-path",
      "out",
    ]);
    expect(code).toBe(0);
    expect(out).toContain("Connection warehouse (duckdb), target schema dev_ana");
    expect(out).toMatch(/^1 of 3 OK created sql view model dev_ana\.stg_vendas /m);
    expect(await count(fixture, "dev_ana.resumo")).toBe(1);
    expect(existsSync(path.join(fixture.projectDir, "out", "run_results.json"))).toBe(true);
    expect(existsSync(path.join(fixture.projectDir, "target"))).toBe(false);
  });

  test("a model that errors prints ERROR and its message and exits 1; --fail-fast skips the rest", async () => {
    const fixture = await project({
      "models/stage/stg_vendas.sql":
        "select id, coluna_que_falta from {{ source('raw', 'vendas') }}\n",
      "models/alone.sql": "select 1 as x\n",
    });
    const plain = await transform(fixture, ["run"]);
    expect(plain.code).toBe(1);
    expect(plain.out).toMatch(
      /^\d of 4 ERROR creating sql view model analytics\.stg_vendas \.+ \[ERROR in \d+\.\d\ds\]$/m,
    );
    expect(plain.out).toMatch(/^\d of 4 SKIP relation analytics\.resumo \.+ \[SKIP\]$/m);
    expect(plain.out).toMatch(/^\d of 4 OK created sql view model analytics\.alone /m);
    expect(plain.out).toMatch(
      /^Error in model stg_vendas \(models\/stage\/stg_vendas\.sql\)\n {2}.*coluna_que_falta/m,
    );
    expect(plain.out).toContain("Done. PASS=1 WARN=0 ERROR=1 SKIP=2 TOTAL=4");

    const fast = await transform(fixture, ["run", "--fail-fast"]);
    expect(fast.code).toBe(1);
    const results = (fixture.readJson("target/run_results.json") as RunResultsJson).results;
    const failed = results.findIndex((r) => r.status === "error");
    expect(results.slice(failed + 1).map((r) => r.status)).toEqual(
      results.slice(failed + 1).map(() => "skipped"),
    );
    expect(results.slice(failed + 1).length).toBeGreaterThan(0);
  });
});

describe("updraft transform build and test", () => {
  test("a failing test exits 1, skips what is downstream of its model, and is listed with its message", async () => {
    const fixture = await project({}, [
      [1, 100],
      [2, -5],
    ]);
    const { code, out } = await transform(fixture, ["build"]);
    expect(code).toBe(1);
    expect(out).toMatch(/^1 of 5 OK created sql view model analytics\.stg_vendas /m);
    expect(out).toMatch(/^2 of 5 FAIL 1 assert_valor_positivo \.+ \[FAIL 1 in \d+\.\d\ds\]$/m);
    expect(out).toMatch(/^3 of 5 PASS not_null_stg_vendas_id \.+ \[PASS in /m);
    expect(out).toMatch(/^4 of 5 SKIP relation analytics\.resumo \.+ \[SKIP\]$/m);
    expect(out).toMatch(/^5 of 5 SKIP relation analytics\.vendas_inc \.+ \[SKIP\]$/m);
    expect(out).toContain(
      [
        "Completed with 1 error and 0 warnings:",
        "",
        "Failure in test assert_valor_positivo (tests/assert_valor_positivo.sql)",
        "  Got 1 result, configured to fail if != 0",
        "",
        "Done. PASS=2 WARN=0 ERROR=1 SKIP=2 TOTAL=5",
      ].join("\n"),
    );
    const results = (fixture.readJson("target/run_results.json") as RunResultsJson).results;
    expect(results.map((r) => r.status)).toEqual(["success", "fail", "pass", "skipped", "skipped"]);
  });

  test("a warning does not fail the run: WARN line, listed, exit 0", async () => {
    const fixture = await project(
      {
        "tests/assert_valor_positivo.sql":
          "{{ config(severity='warn') }}\nselect id from {{ ref('stg_vendas') }} where valor < 0\n",
      },
      [
        [1, -1],
        [2, -2],
      ],
    );
    expect((await transform(fixture, ["run"])).code).toBe(0);
    const { code, out } = await transform(fixture, ["test"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d of 2 WARN 2 assert_valor_positivo \.+ \[WARN 2 in /m);
    expect(out).toMatch(/^\d of 2 PASS not_null_stg_vendas_id /m);
    expect(out).toContain(
      "Warning in test assert_valor_positivo (tests/assert_valor_positivo.sql)",
    );
    expect(out).toContain("  Got 2 results, configured to warn if != 0");
    expect(out).toContain("Done. PASS=1 WARN=1 ERROR=0 SKIP=0 TOTAL=2");
  });

  test("seed loads CSV files and snapshot takes snapshots, in dbt's words", async () => {
    const fixture = await project({
      "seeds/lojas.csv": "id,nome\n1,Centro\n2,Norte\n",
      "snapshots/vendas_historico.sql": [
        "{% snapshot vendas_historico %}",
        "{{ config(target_schema='snapshots', unique_key='id', strategy='check', check_cols='all') }}",
        "select * from {{ source('raw', 'vendas') }}",
        "{% endsnapshot %}",
        "",
      ].join("\n"),
    });
    const seeded = await transform(fixture, ["seed"]);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/^1 of 1 OK loaded seed file analytics\.lojas \.+ \[INSERT 2 in /m);
    const snapped = await transform(fixture, ["snapshot"]);
    expect(snapped.code).toBe(0);
    expect(snapped.out).toMatch(
      /^1 of 1 OK snapshotted snapshots\.vendas_historico \.+ \[SNAPSHOT 3 in /m,
    );
    expect(await count(fixture, "snapshots.vendas_historico")).toBe(3);
  });
});
