// The scale-out DAG and its execution log. Every execution of a task's body appends one JSON line
// to `<dir>/<pid>.log` of the process that ran it, before it waits, so a task run twice shows up
// here even where the metadata database would hide it (two workers both running one try).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One DAG of the scale-out file: `tasks` independent tasks that each wait `sleepMs`. */
export interface WaitingDag {
  readonly dagId: string;
  readonly tasks: number;
}

/** One execution of a task's body, as its process recorded it. */
export interface Execution {
  readonly pid: number;
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  readonly mapIndex: number;
  readonly tryNumber: number;
}

/**
 * The source of a DAG file holding `dags`, each of independent tasks `t_<i>` that record their
 * execution under `executionsDir` and then `ctx.runtime.sleep(sleepMs)`. `maxActiveTasks` must
 * exceed the workers' slots, or the DAG and not the workers caps the throughput.
 */
export function waitingDagsSource(
  dags: readonly WaitingDag[],
  options: {
    readonly sleepMs: number;
    readonly executionsDir: string;
    readonly maxActiveTasks: number;
  },
): string {
  return [
    'import { appendFileSync } from "node:fs";',
    'import { dag, task } from "@updraft/sdk";',
    "",
    `const DIR = ${JSON.stringify(options.executionsDir)};`,
    "",
    ...dags.flatMap(({ dagId, tasks }) => [
      `dag({ dagId: ${JSON.stringify(dagId)}, schedule: null, startDate: "2026-01-01", maxActiveTasks: ${options.maxActiveTasks} }, () => {`,
      `  for (let i = 0; i < ${tasks}; i++)`,
      "    task(`t_${i}`, async (ctx) => {",
      "      const { dagId, runId, taskId, mapIndex, tryNumber } = ctx;",
      "      const line = JSON.stringify({ pid: process.pid, dagId, runId, taskId, mapIndex, tryNumber });",
      "      appendFileSync(`${DIR}/${process.pid}.log`, `${line}\\n`);",
      `      await ctx.runtime.sleep(${options.sleepMs}, ctx.signal);`,
      "    })();",
      "});",
      "",
    ]),
  ].join("\n");
}

/** Every execution recorded under `dir`, by any process. */
export function readExecutions(dir: string): Execution[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".log"))
    .flatMap((name) =>
      readFileSync(path.join(dir, name), "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Execution),
    );
}

/** The task instance an execution belongs to, as `dag_id/run_id/task_id/map_index`. */
export function executionKey(
  e: Pick<Execution, "dagId" | "runId" | "taskId" | "mapIndex">,
): string {
  return `${e.dagId}/${e.runId}/${e.taskId}/${e.mapIndex}`;
}

/** The task instances of `runId` whose body ran more than once (any try, any process). */
export function executedMoreThanOnce(executions: readonly Execution[], runId: string): string[] {
  const counts = new Map<string, number>();
  for (const e of executions.filter((e) => e.runId === runId))
    counts.set(executionKey(e), (counts.get(executionKey(e)) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([key]) => key);
}
