// `pnpm bench`: runs every benchmark in sequence, each in a process of its own, with TypeScript
// run from source (`node --conditions=@updraft/source -r sucrase/register <file>`). Results go
// to bench-results/. Stops at the first benchmark that fails.
import { spawnSync } from "node:child_process";

const benches = [
  "packages/runtime/bench/dagParse.bench.ts",
  "packages/scheduler/bench/scheduler.bench.ts",
  "packages/scheduler/bench/scaleOut.bench.ts",
  "packages/providers/bench/incrementalLoad.bench.ts",
  "packages/transform/bench/transform.bench.ts",
  "packages/api/bench/api.bench.ts",
];

for (const file of benches) {
  console.log(`\n=== ${file}\n`);
  const { status, signal } = spawnSync(
    process.execPath,
    ["--conditions=@updraft/source", "-r", "sucrase/register", file],
    { stdio: "inherit" },
  );
  if (status !== 0) {
    console.error(`${file} failed (${signal ?? `exit ${status}`})`);
    process.exit(status ?? 1);
  }
}
