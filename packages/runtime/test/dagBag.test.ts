import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listDagFiles, loadDagBag, loadDagFile } from "../src";

const FIXTURES = path.join(__dirname, "fixtures", "dags");

describe("DAG discovery", () => {
  const bag = loadDagBag(FIXTURES);

  test("finds .ts files recursively, skipping what .updraftignore excludes", () => {
    expect(listDagFiles(FIXTURES).map((f) => path.relative(FIXTURES, f))).toEqual([
      "broken_syntax.ts",
      "cyclic.ts",
      "lib/common.ts",
      "throws_at_import.ts",
      "two_dags.ts",
      "zz_duplicate_id.ts",
    ]);
  });

  test("one file may define several DAGs, exported or not, importing local helpers", () => {
    expect([...bag.dags.keys()].sort()).toEqual(["exported_dag", "registered_dag"]);
    const exported = bag.dags.get("exported_dag")!;
    expect(exported.fileloc).toBe(path.join(FIXTURES, "two_dags.ts"));
    expect(exported.serialized.dag.tasks.map((t) => t.task_id)).toEqual(["done", "load", "tables"]);
    expect(exported.serialized.dag.fileloc).toBe(path.join(FIXTURES, "two_dags.ts"));
  });

  test("each failing file becomes one import error with file, message and stack", () => {
    const byFile = Object.fromEntries(bag.importErrors.map((e) => [path.basename(e.filename), e]));
    expect(Object.keys(byFile).sort()).toEqual([
      "broken_syntax.ts",
      "cyclic.ts",
      "throws_at_import.ts",
      "zz_duplicate_id.ts",
    ]);
    expect(byFile["broken_syntax.ts"]!.code).toBe("DAG_COMPILE_ERROR");
    expect(byFile["broken_syntax.ts"]!.message).toMatch(
      /^CompileError: .*broken_syntax\.ts: Unexpected token, expected "," \(\d+:\d+\)$/,
    );
    expect(byFile["cyclic.ts"]!.code).toBe("DAG_CYCLE");
    expect(byFile["cyclic.ts"]!.message).toBe(
      'DagDefinitionError: dag "cyclic_dag": cycle detected: a → b → a',
    );
    expect(byFile["zz_duplicate_id.ts"]!.message).toContain(
      'DAG id "registered_dag" is already defined in',
    );
    const thrown = byFile["throws_at_import.ts"]!;
    expect(thrown.message).toBe("Error: connection refused while building the DAG");
    // The stack points at the author's file and line (sucrase keeps line numbers).
    expect(thrown.stackTrace).toContain(`${path.join(FIXTURES, "throws_at_import.ts")}:5`);
  });

  test("a DAG from a file that throws is not half-registered", () => {
    expect(bag.dags.has("half_defined")).toBe(false);
  });

  test("loading again picks up edited files", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "updraft-dags-"));
    cpSync(path.join(FIXTURES, "lib"), path.join(folder, "lib"), { recursive: true });
    const file = path.join(folder, "edit.ts");
    writeFileSync(file, 'import { dag } from "@updraft/sdk";\ndag({ dagId: "v1" });\n');
    expect([...loadDagBag(folder).dags.keys()]).toEqual(["v1"]);
    writeFileSync(file, 'import { dag } from "@updraft/sdk";\ndag({ dagId: "v2" });\n');
    expect([...loadDagBag(folder).dags.keys()]).toEqual(["v2"]);
  });

  test("a DAGs folder outside the repository still gets the SDK", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "updraft-dags-"));
    writeFileSync(
      path.join(folder, "solo.ts"),
      'import { dag, BashOperator } from "@updraft/sdk";\ndag({ dagId: "solo" }, () => { new BashOperator({ taskId: "hi", bashCommand: "echo hi" }); });\n',
    );
    const { dags, importError } = loadDagFile(path.join(folder, "solo.ts"));
    expect(importError).toBeNull();
    expect(dags.map((d) => d.dag.dagId)).toEqual(["solo"]);
  });
});
