import path from "node:path";
import { cli as runCliCaptured } from "./support/cli";

const FIXTURES = path.join(__dirname, "..", "..", "runtime", "test", "fixtures", "dags");

const cli = (args: string[], env: Record<string, string> = { UPDRAFT_DAGS_FOLDER: FIXTURES }) =>
  runCliCaptured(args, env);

describe("updraft dags", () => {
  test("list prints one row per DAG and warns about import errors", async () => {
    const { code, out, err } = await cli(["dags", "list"]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toMatch(
      /^dag_id\s+\| fileloc\s+\| owners\s+\| schedule\s+\| tags\s+\| tasks$/,
    );
    expect(out).toMatch(
      /exported_dag\s+\| two_dags\.ts\s+\| airflow\s+\| @daily\s+\| fixture \| 3/,
    );
    expect(out).toContain("registered_dag");
    expect(err).toBe("4 file(s) failed to import; see `updraft dags list-import-errors`");
  });

  test("list -o json gives machine-readable rows", async () => {
    const { out } = await cli(["dags", "list", "-o", "json"]);
    expect(JSON.parse(out)).toEqual([
      {
        dag_id: "exported_dag",
        fileloc: "two_dags.ts",
        owners: "airflow",
        schedule: "@daily",
        tags: "fixture",
        tasks: 3,
      },
      {
        dag_id: "registered_dag",
        fileloc: "two_dags.ts",
        owners: "fixtures",
        schedule: "None",
        tags: "",
        tasks: 1,
      },
    ]);
  });

  test("list-import-errors lists each failing file and exits 1", async () => {
    const { code, out } = await cli(["dags", "list-import-errors", "-o", "json"]);
    expect(code).toBe(1);
    const rows = JSON.parse(out) as { filepath: string; error: string }[];
    expect(rows.map((r) => r.filepath)).toEqual([
      "broken_syntax.ts",
      "cyclic.ts",
      "throws_at_import.ts",
      "zz_duplicate_id.ts",
    ]);
    expect(rows[1]!.error).toBe('DagDefinitionError: dag "cyclic_dag": cycle detected: a → b → a');
  });

  test("show prints tasks in dependency order and the edges", async () => {
    const { code, out } = await cli(["dags", "show", "exported_dag"]);
    expect(code).toBe(0);
    expect(out).toContain("schedule: @daily");
    expect(out).toContain(
      "Tasks (3):\n  tables  [@task, trigger_rule=all_success]\n  load  [@task, trigger_rule=all_success]\n  done  [EmptyOperator, trigger_rule=all_success]",
    );
    expect(out).toContain("Edges:\n  tables -> load\n  load -> done");
  });

  test("show --dot prints Graphviz", async () => {
    const { out } = await cli(["dags", "show", "exported_dag", "--dot"]);
    expect(out).toContain('digraph "exported_dag" {');
    expect(out).toContain('"tables" -> "load";');
  });

  test("show of an unknown DAG exits 1 with a message", async () => {
    const { code, err } = await cli(["dags", "show", "nope"]);
    expect(code).toBe(1);
    expect(err).toContain(`Dag id nope not found in ${FIXTURES}`);
  });

  test("--subdir overrides the configured folder, and an empty folder variable stops start-up", async () => {
    const { code, out } = await cli(["dags", "list", "-S", FIXTURES, "-o", "plain"], {});
    expect(code).toBe(0);
    expect(out).toContain("exported_dag");
    const bad = await cli(["dags", "list"], { UPDRAFT_DAGS_FOLDER: "" });
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('UPDRAFT_DAGS_FOLDER: expected a folder path, got ""');
  });
});
