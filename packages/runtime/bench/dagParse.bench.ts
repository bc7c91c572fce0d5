// Benchmark: load 1,000 generated DAG files of 20 tasks each (compile, evaluate, validate,
// serialize) and report files/s against the floor of the same machine: reading the files and
// compiling them with sucrase alone. Writes bench-results/dag-parse.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { listDagFiles, loadDagBag, transpile } from "../src";

const FILES = Number(process.env.BENCH_DAG_FILES ?? 1000);
const TASKS = 20;

function dagSource(i: number): string {
  const tasks = Array.from({ length: TASKS }, (_, t) =>
    t % 4 === 0
      ? `  const t${t} = new BashOperator({ taskId: "bash_${t}", bashCommand: "echo {{ ds }} ${t}", retries: 2 });`
      : `  const t${t} = task("step_${t}", (_ctx, x: number) => x + ${t})(${t > 1 ? `t${t - 1}` : 1});`,
  );
  const edges = Array.from({ length: TASKS - 1 }, (_, t) =>
    t % 4 === 3 ? `  t${t}.then(t${t + 1});` : "",
  ).filter(Boolean);
  return [
    'import { dag, task, BashOperator } from "@updraft/sdk";',
    "",
    `dag({ dagId: "bench_${i}", schedule: "@hourly", startDate: "2026-01-01", tags: ["bench"], defaultArgs: { retries: 1 } }, () => {`,
    ...tasks,
    ...edges,
    "});",
    "",
  ].join("\n");
}

function main(): void {
  const folder = mkdtempSync(path.join(tmpdir(), "updraft-bench-dags-"));
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(folder, `dag_${i}.ts`), dagSource(i));

  let started = performance.now();
  for (const file of listDagFiles(folder)) transpile(readFileSync(file, "utf8"), file);
  const floorSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const bag = loadDagBag(folder);
  const seconds = (performance.now() - started) / 1000;
  rmSync(folder, { recursive: true, force: true });
  if (bag.importErrors.length > 0 || bag.dags.size !== FILES)
    throw new Error(
      `expected ${FILES} DAGs, got ${bag.dags.size} and ${bag.importErrors.length} import errors: ${bag.importErrors[0]?.message}`,
    );

  const result = {
    files: FILES,
    tasks_per_file: TASKS,
    seconds: Math.round(seconds * 1000) / 1000,
    files_per_second: Math.round(FILES / seconds),
    floor_read_and_compile_seconds: Math.round(floorSeconds * 1000) / 1000,
    ratio_to_floor: Math.round((seconds / floorSeconds) * 100) / 100,
    target_seconds: 10,
    node: process.version,
  };
  console.log("DAG parse benchmark");
  console.table({
    "load DagBag (compile+evaluate+validate+serialize)": {
      files: FILES,
      seconds: result.seconds,
      "files/s": result.files_per_second,
    },
    "floor: read + sucrase compile only": {
      files: FILES,
      seconds: result.floor_read_and_compile_seconds,
      "files/s": Math.round(FILES / floorSeconds),
    },
  });
  console.log(
    `ratio to floor: ${result.ratio_to_floor}x; target ≤ ${result.target_seconds} s: ${seconds <= 10 ? "met" : "MISSED"}`,
  );
  const out = path.resolve(process.env.BENCH_RESULTS_DIR ?? "bench-results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "dag-parse.json"), `${JSON.stringify(result, null, 2)}\n`);
}

main();
