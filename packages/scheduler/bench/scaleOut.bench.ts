// Benchmark: scale-out. One scheduler (in this process) and store-backed BullMQ workers, each a
// process of its own as `updraft worker` is (concurrency 8 each), against one Redis run a DAG of
// 2,000 independent tasks that each wait 20 ms: once with one worker, once with three. Checks
// that no task instance ran twice (metadata database and each worker's execution log) and that
// throughput rises with workers. Writes bench-results/scale-out.json.
//
// Each configuration gets a fresh Postgres database, Redis key prefix and temp DAGs folder,
// all removed at the end, also on failure.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { BullMqExecutor } from "@updraft/executor";
import {
  createPgClient,
  getDagRun,
  listTaskInstances,
  migrateUrl,
  SCHEMA_KEY,
  type SqlClient,
} from "@updraft/store";
import { createTestDatabase, testRedisUrl } from "@updraft/testing";
import { Scheduler } from "../src";
import { deleteKeys } from "./bullmq";
import { type Child, cleanup, cleanups, runBench, startChild, stopChild } from "./children";
import { type DuplicateReport, findDuplicates } from "./duplicates";
import { readExecutions, waitingDagsSource } from "./executionLog";
import { machineCpuMs } from "./instrument";
import { round } from "./stats";
import type { WorkerStats } from "./storeWorker";

const env = process.env;
const TASKS = Number(env.BENCH_SCALE_OUT_TASKS ?? 2000);
const WARM_UP_TASKS = 48;
const TASK_MS = 20;
const CONCURRENCY = 8;
/** Above 3 × 8 slots, so neither the scheduler nor the DAG nor default_pool (128) is the cap. */
const PARALLELISM = 64;
const RUN_TIMEOUT_MS = Number(env.BENCH_RUN_TIMEOUT_MS ?? 120_000);

const TARGETS = { duplicates: 0, speedup_3_workers: 1.3 };
const REDIS_URL = testRedisUrl();
const DAG_ID = "bench_scale_out";
const WARM_UP_DAG_ID = "bench_scale_out_warm_up";

/** One configuration's measured run. */
interface ScaleOutRun {
  readonly workers: number;
  readonly tasks: number;
  /** Trigger → run success as this process saw it. */
  readonly wallS: number;
  /** dag_run start_date → end_date. */
  readonly runS: number;
  readonly tasksPerS: number;
  readonly duplicates: DuplicateReport;
  readonly notSuccess: number;
  /** Executions of a task body per worker process, from the execution log. */
  readonly executionsPerWorker: readonly number[];
  readonly perWorker: readonly WorkerStats[];
  readonly machineBusyPct: number;
}

function workerStats(child: Child, type: "reset" | "stats"): Promise<WorkerStats | undefined> {
  if (type === "reset") {
    child.process.send({ type });
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    child.process.once("message", (m: WorkerStats) => resolve(m));
    child.process.send({ type });
  });
}

/** Triggers a run of `dagId` and resolves with its run id and the wall seconds to success. */
async function runToSuccess(
  client: SqlClient,
  scheduler: Scheduler,
  dagId: string,
): Promise<{ runId: string; wallS: number }> {
  const started = performance.now();
  const { dagRun } = await scheduler.trigger({ dagId, conf: {}, logicalDate: null });
  for (;;) {
    const run = await getDagRun(client, { dagId, runId: dagRun.runId });
    if (run?.state === "success")
      return { runId: dagRun.runId, wallS: (performance.now() - started) / 1000 };
    if (run?.state === "failed") throw new Error(`${dagId}: run ${dagRun.runId} failed`);
    if (performance.now() - started > RUN_TIMEOUT_MS)
      throw new Error(`${dagId}: run not finished after ${RUN_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Sets up a configuration of `workers` worker processes, runs the DAG once, tears down. */
async function runConfiguration(workers: number): Promise<ScaleOutRun> {
  try {
    const prefix = `updraft-bench-scale-${randomBytes(4).toString("hex")}`;
    const folder = mkdtempSync(path.join(tmpdir(), "updraft-bench-scale-"));
    cleanups.push(() => Promise.resolve(rmSync(folder, { recursive: true, force: true })));
    const dagsFolder = path.join(folder, "dags");
    const executionsDir = path.join(folder, "executions");
    mkdirSync(dagsFolder);
    mkdirSync(executionsDir);
    writeFileSync(
      path.join(dagsFolder, "scaleOut.ts"),
      waitingDagsSource(
        [
          { dagId: WARM_UP_DAG_ID, tasks: WARM_UP_TASKS },
          { dagId: DAG_ID, tasks: TASKS },
        ],
        { sleepMs: TASK_MS, executionsDir, maxActiveTasks: PARALLELISM },
      ),
    );
    cleanups.push(() => deleteKeys(REDIS_URL, prefix));
    const db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
    cleanups.push(() => db.drop());
    const client = createPgClient({
      connectionString: db.url,
      maxConnections: 20,
      applicationName: "updraft-bench-scale-out",
    });
    cleanups.push(() => client.close());
    const children = await Promise.all(
      Array.from({ length: workers }, async () => {
        const child = await startChild(
          "storeWorker.ts",
          [db.url, REDIS_URL, prefix, String(CONCURRENCY)],
          { lineTimeoutMs: RUN_TIMEOUT_MS },
        );
        cleanups.push(() => stopChild(child.process));
        return child;
      }),
    );
    const executor = new BullMqExecutor({ redisUrl: REDIS_URL, prefix });
    cleanups.push(() => executor.close());
    const scheduler = new Scheduler({
      client,
      executor,
      dagsFolder,
      pausedByDefault: false,
      parallelism: PARALLELISM,
    });
    scheduler.on("error", (error) => process.stderr.write(`scheduler error: ${error.message}\n`));
    cleanups.push(() => scheduler.stop());
    await scheduler.start();

    // Warm-up: every worker loads the DAG file and JITs the path before the clock starts.
    await runToSuccess(client, scheduler, WARM_UP_DAG_ID);
    await Promise.all(children.map((c) => workerStats(c, "reset")));
    const machine0 = machineCpuMs();
    const { runId, wallS } = await runToSuccess(client, scheduler, DAG_ID);
    const machine1 = machineCpuMs();
    const run = await getDagRun(client, { dagId: DAG_ID, runId });
    const tis = await listTaskInstances(client, { dagId: DAG_ID, runId });
    const executions = readExecutions(executionsDir).filter((e) => e.runId === runId);
    const perWorker = (await Promise.all(children.map((c) => workerStats(c, "stats")))).filter(
      (s): s is WorkerStats => s !== undefined,
    );
    const runS =
      run?.startDate && run.endDate
        ? (run.endDate.getTime() - run.startDate.getTime()) / 1000
        : Number.NaN;
    return {
      workers,
      tasks: tis.length,
      wallS,
      runS,
      tasksPerS: tis.length / wallS,
      duplicates: await findDuplicates(client, { dagId: DAG_ID, runId }, executions),
      notSuccess: tis.filter((ti) => ti.state !== "success").length,
      executionsPerWorker: children.map(
        (c) => executions.filter((e) => e.pid === c.process.pid).length,
      ),
      perWorker,
      machineBusyPct:
        (100 * (machine1.busy - machine0.busy)) / Math.max(1, machine1.total - machine0.total),
    };
  } finally {
    await cleanup();
  }
}

function describeRun(r: ScaleOutRun): Record<string, number | string> {
  return {
    tasks: r.tasks,
    "wall s": round(r.wallS, 3),
    "run s": round(r.runS, 3),
    "tasks/s": Math.round(r.tasksPerS),
    "ceiling tasks/s": Math.round((r.workers * CONCURRENCY * 1000) / TASK_MS),
    duplicates: r.duplicates.all.length,
    "not success": r.notSuccess,
    "executions per worker": r.executionsPerWorker.join(" / "),
    "dropped deliveries": r.perWorker.reduce((n, w) => n + w.dropped, 0),
    "max in flight per worker": r.perWorker.map((w) => w.maxInFlight).join(" / "),
    "pickup ms p50": r.perWorker.map((w) => w.pickupMs.p50).join(" / "),
    "worker cpu ms": r.perWorker.map((w) => w.cpuMs).join(" / "),
    "machine busy %": round(r.machineBusyPct, 1),
  };
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  console.log(
    `Scale-out benchmark (${cpus().length} CPUs, node ${process.version}): ${TASKS} tasks of ${TASK_MS} ms, workers of concurrency ${CONCURRENCY}`,
  );
  const one = await runConfiguration(1);
  console.log(`1 worker: ${Math.round(one.tasksPerS)} tasks/s`);
  const three = await runConfiguration(3);
  console.log(`3 workers: ${Math.round(three.tasksPerS)} tasks/s`);

  const duplicates = one.duplicates.all.length + three.duplicates.all.length;
  const speedup = three.tasksPerS / one.tasksPerS;
  const failures = [one, three].filter((r) => r.notSuccess > 0 || r.tasks !== TASKS);
  if (failures.length > 0)
    throw new Error(`a run did not end with ${TASKS} successful task instances`);
  const result = {
    machine: { cpus: cpus().length, node: process.version },
    date: new Date().toISOString(),
    duplicates,
    speedup_3_workers: round(speedup, 3),
    tasks_per_s: { workers_1: Math.round(one.tasksPerS), workers_3: Math.round(three.tasksPerS) },
    wall_s: { workers_1: round(one.wallS, 3), workers_3: round(three.wallS, 3) },
    targets: TARGETS,
    met: {
      duplicates: duplicates <= TARGETS.duplicates,
      speedup_3_workers: speedup >= TARGETS.speedup_3_workers,
    },
    setup: {
      tasks: TASKS,
      task_ms: TASK_MS,
      worker_concurrency: CONCURRENCY,
      parallelism: PARALLELISM,
      max_active_tasks: PARALLELISM,
    },
    diagnostics: {
      duplicates_by_witness: Object.fromEntries(
        [one, three].map((r) => [
          `workers_${r.workers}`,
          {
            task_instance_history_rows: r.duplicates.historyRows.length,
            try_number_above_1: r.duplicates.laterTries.length,
            execution_log: r.duplicates.executions.length,
          },
        ]),
      ),
      runs: { workers_1: describeRun(one), workers_3: describeRun(three) },
    },
  };

  const met = (ok: boolean) => (ok ? "yes" : "NO");
  console.log("\nScale-out benchmark");
  console.table({
    duplicates: {
      value: duplicates,
      target: `= ${TARGETS.duplicates}`,
      "met?": met(result.met.duplicates),
    },
    speedup_3_workers: {
      value: result.speedup_3_workers,
      target: `≥ ${TARGETS.speedup_3_workers}`,
      "met?": met(result.met.speedup_3_workers),
    },
    "tasks_per_s (1 worker)": { value: result.tasks_per_s.workers_1, target: "", "met?": "" },
    "tasks_per_s (3 workers)": { value: result.tasks_per_s.workers_3, target: "", "met?": "" },
    "wall_s (1 worker)": { value: result.wall_s.workers_1, target: "", "met?": "" },
    "wall_s (3 workers)": { value: result.wall_s.workers_3, target: "", "met?": "" },
  });
  console.log("\nPer configuration");
  console.table(result.diagnostics.runs);
  console.log("\nDuplicates by witness");
  console.table(result.diagnostics.duplicates_by_witness);

  const out = path.resolve(env.BENCH_RESULTS_DIR ?? "bench-results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "scale-out.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `\nwrote ${path.join(out, "scale-out.json")} (${round((performance.now() - benchStarted) / 1000, 1)} s)`,
  );
}

runBench(main);
