// Benchmark: the scheduler + BullMQ executor + store-backed worker, end to end on Postgres and
// Redis, against the ceiling of the same machine: a plain BullMQ queue and worker moving empty
// jobs. Measures throughput on a wide DAG, inter-task latency along a chain, and how run time
// scales from 1,000 to 10,000 tasks. Writes bench-results/scheduler.json.
//
// One scheduler runs in this process; the worker (concurrency 64) runs in a child process, as
// `updraft worker` would. Each run gets a fresh Postgres database, a fresh Redis key prefix and a
// temp DAGs folder, all removed at the end, also on failure.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { BullMqExecutor } from "@updraft/executor";
import {
  createPgClient,
  getDagRun,
  listTaskInstances,
  SCHEDULER_CHANNEL,
  type SqlClient,
  type TaskInstanceRow,
} from "@updraft/store";
import { testRedisUrl } from "@updraft/testing";
import { type PassReport, Scheduler } from "../src";
import { createBenchDatabase } from "./benchDatabase";
import { bullmq, deleteKeys } from "./bullmq";
import { type Child, cleanup, cleanups, runBench, startChild, stopChild } from "./children";
import {
  commandCpuMs,
  machineBusySince,
  machineCpuMs,
  machineStealTicks,
  processCpuMs,
  SqlTimings,
  timedClient,
  walPosition,
} from "./instrument";
import { type PostgresFloor, postgresFloor } from "./postgresFloor";
import { round, summarize } from "./stats";
import type { WorkerStats } from "./storeWorker";

const env = process.env;
const RAW_JOBS = Number(env.BENCH_RAW_JOBS ?? 20_000);
const WIDE = Number(env.BENCH_WIDE ?? 5000);
const WIDE_SMALL = Number(env.BENCH_WIDE_SMALL ?? 1000);
const WIDE_LARGE = Number(env.BENCH_WIDE_LARGE ?? 10_000);
const CHAIN = Number(env.BENCH_CHAIN ?? 200);
// The warm-up runs before the measured ones: enough tries for V8 to have optimized the hot
// paths of the scheduler and the worker (a 50-task warm-up left the first measured run paying
// for that: ~30 % more CPU per task than the same run after a 3,000-task warm-up).
const WARM_WIDE = Number(env.BENCH_WARM_WIDE ?? 3000);
const WARM_CHAIN = Number(env.BENCH_WARM_CHAIN ?? 100);
const CONCURRENCY = 64;
const RUN_TIMEOUT_MS = Number(env.BENCH_RUN_TIMEOUT_MS ?? 120_000);
/** A folder: each child process writes a V8 CPU profile there (NODE_OPTIONS refuses --cpu-prof). */
const CPU_PROF_DIR = env.BENCH_CPU_PROF_DIR;

const TARGETS = {
  tasks_per_s: 1000,
  ratio_to_raw: 0.25,
  latency_p50_ms: 5,
  latency_p99_ms: 25,
  scale_ratio_10k_to_1k: 12,
};

const REDIS_URL = testRedisUrl();
const PREFIX = `updraft-bench-${randomBytes(4).toString("hex")}`;

const CHILD_OPTIONS = { lineTimeoutMs: RUN_TIMEOUT_MS, cpuProfDir: CPU_PROF_DIR };

// ---------------------------------------------------------------------------------------------
// 1. The ceiling: plain BullMQ

/** The ceiling's throughput, and what it cost the machine (all its processes) per job. */
interface RawRun {
  readonly jobsPerS: number;
  readonly seconds: number;
  readonly cpuMsPerJob: number;
  readonly machineBusyPct: number;
}

async function rawBullMq(): Promise<RawRun> {
  const prefix = `${PREFIX}-raw`;
  const queueName = "raw";
  const worker = await startChild(
    "rawBullMqWorker.ts",
    [REDIS_URL, prefix, queueName, String(RAW_JOBS), String(CONCURRENCY)],
    CHILD_OPTIONS,
  );
  const queue = new bullmq.Queue(queueName, { connection: { url: REDIS_URL }, prefix });
  try {
    await queue.waitUntilReady();
    const started = performance.timeOrigin + performance.now();
    const machine0 = machineCpuMs();
    const BATCH = 1000;
    for (let i = 0; i < RAW_JOBS; i += BATCH) {
      const n = Math.min(BATCH, RAW_JOBS - i);
      await queue.addBulk(
        Array.from({ length: n }, (_, j) => ({
          name: "empty",
          data: { i: i + j },
          opts: { attempts: 1, removeOnComplete: true, removeOnFail: true },
        })),
      );
    }
    const done = Number((await worker.line("done ")).slice(5));
    const { busyMs, busyPct } = machineBusySince(machine0);
    const seconds = (done - started) / 1000;
    return {
      jobsPerS: RAW_JOBS / seconds,
      seconds,
      cpuMsPerJob: busyMs / RAW_JOBS,
      machineBusyPct: busyPct,
    };
  } finally {
    await queue.close();
    await stopChild(worker.process);
    await deleteKeys(REDIS_URL, prefix);
  }
}

// ---------------------------------------------------------------------------------------------
// 2. End to end

function wideDag(dagId: string, tasks: number): string {
  return [
    'import { dag, task } from "@updraft/sdk";',
    "",
    `dag({ dagId: "${dagId}", schedule: null, startDate: "2026-01-01", maxActiveTasks: 1024 }, () => {`,
    `  for (let i = 0; i < ${tasks}; i++) task(\`t_\${i}\`, () => undefined)();`,
    "});",
    "",
  ].join("\n");
}

function chainDag(dagId: string, tasks: number): string {
  return [
    'import { chain, dag, task } from "@updraft/sdk";',
    "",
    `dag({ dagId: "${dagId}", schedule: null, startDate: "2026-01-01", maxActiveTasks: 1024 }, () => {`,
    `  chain(...Array.from({ length: ${tasks} }, (_, i) => task(\`c_\${i}\`, () => undefined)()));`,
    "});",
    "",
  ].join("\n");
}

/** Pass statistics of the scheduler while one run was in flight. */
interface PassStats {
  passes: number;
  totalMs: number;
  maxMs: number;
  scheduled: number;
  queued: number;
}

interface RunResult {
  readonly dagId: string;
  readonly wallS: number;
  readonly runS: number;
  readonly tis: TaskInstanceRow[];
  readonly passes: PassStats;
  readonly worker: WorkerStats;
  /** CPU ms of the scheduler process, and the machine's busy % over the run (all CPUs). */
  readonly schedulerCpuMs: number;
  /** CPU ms of all Postgres and Redis server processes over the run. */
  readonly postgresCpuMs: number;
  readonly redisCpuMs: number;
  /** CPU ms the whole machine was busy during the run (every process, the kernel's too). */
  readonly machineBusyMs: number;
  readonly machineBusyPct: number;
  /** The hypervisor's steal over the run, % of all the machine's ticks. */
  readonly stealPct: number;
  /** WAL bytes written over the run (all of Postgres): the run's write volume. */
  readonly walBytes: number;
  readonly sql: ReturnType<SqlTimings["top"]>;
  readonly sqlTotalMs: number;
  readonly notifications: readonly number[];
}

class EndToEnd {
  #pass: PassStats = { passes: 0, totalMs: 0, maxMs: 0, scheduled: 0, queued: 0 };
  readonly #finished = new Map<string, number>();
  /** Epoch ms of every scheduler wake-up notification seen by this process's own LISTEN. */
  notifications: number[] = [];

  constructor(
    readonly client: SqlClient,
    readonly sql: SqlTimings,
    readonly scheduler: Scheduler,
    readonly worker: Child,
  ) {
    scheduler.on("pass", (p: PassReport) => {
      this.#pass.passes += 1;
      this.#pass.totalMs += p.durationMs;
      this.#pass.maxMs = Math.max(this.#pass.maxMs, p.durationMs);
      this.#pass.scheduled += p.scheduled;
      this.#pass.queued += p.queued;
    });
    scheduler.on("dagRunFinished", ({ run }) => this.#finished.set(run.runId, performance.now()));
  }

  async workerStats(type: "reset" | "stats"): Promise<WorkerStats> {
    const child = this.worker.process;
    if (type === "reset") {
      child.send({ type });
      return undefined as unknown as WorkerStats;
    }
    return new Promise((resolve) => {
      child.once("message", (m: WorkerStats) => resolve(m));
      child.send({ type });
    });
  }

  async run(dagId: string): Promise<RunResult> {
    await this.workerStats("reset");
    this.#pass = { passes: 0, totalMs: 0, maxMs: 0, scheduled: 0, queued: 0 };
    this.sql.reset();
    this.notifications = [];
    const cpu0 = processCpuMs();
    const postgres0 = commandCpuMs("postgres");
    const redis0 = commandCpuMs("redis-server");
    const machine0 = machineCpuMs();
    const steal0 = machineStealTicks();
    const wal0 = await walPosition(this.client);
    const started = performance.now();
    const { dagRun } = await this.scheduler.trigger({ dagId, conf: {}, logicalDate: null });
    const deadline = started + RUN_TIMEOUT_MS;
    let finishedAt: number | undefined;
    for (;;) {
      finishedAt = this.#finished.get(dagRun.runId);
      if (finishedAt !== undefined) break;
      const run = await getDagRun(this.client, { dagId, runId: dagRun.runId });
      if (run !== null && (run.state === "success" || run.state === "failed")) {
        finishedAt = this.#finished.get(dagRun.runId) ?? performance.now();
        break;
      }
      if (performance.now() > deadline)
        throw new Error(`${dagId}: run not finished after ${RUN_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const passes = { ...this.#pass };
    const schedulerCpuMs = processCpuMs() - cpu0;
    const postgresCpuMs = commandCpuMs("postgres") - postgres0;
    const redisCpuMs = commandCpuMs("redis-server") - redis0;
    const machine = machineBusySince(machine0);
    const steal1 = machineStealTicks();
    const stealPct =
      (100 * (steal1.steal - steal0.steal)) / Math.max(1, steal1.total - steal0.total);
    const walBytes = Number((await walPosition(this.client)) - wal0);
    const sql = this.sql.top(8);
    const sqlTotalMs = this.sql.totalMs();
    const run = await getDagRun(this.client, { dagId, runId: dagRun.runId });
    if (run?.state !== "success")
      throw new Error(`${dagId}: run ended ${String(run?.state)}, expected success`);
    const tis = await listTaskInstances(this.client, { dagId, runId: dagRun.runId });
    const notOk = tis.filter((ti) => ti.state !== "success");
    if (notOk.length > 0) throw new Error(`${dagId}: ${notOk.length} task instances not success`);
    const runS =
      run.startDate && run.endDate ? (run.endDate.getTime() - run.startDate.getTime()) / 1000 : NaN;
    return {
      dagId,
      wallS: (finishedAt - started) / 1000,
      runS,
      tis,
      passes,
      worker: await this.workerStats("stats"),
      schedulerCpuMs,
      postgresCpuMs,
      redisCpuMs,
      machineBusyPct: machine.busyPct,
      machineBusyMs: machine.busyMs,
      stealPct,
      walBytes,
      sql,
      sqlTotalMs,
      notifications: this.notifications,
    };
  }
}

/** Milliseconds between two DB timestamps. */
const ms = (later: Date | null, earlier: Date | null): number =>
  later === null || earlier === null ? Number.NaN : later.getTime() - earlier.getTime();

/** For each edge of the chain: downstream start − upstream end, and where that time went. */
function chainLatency(tis: readonly TaskInstanceRow[], notifications: readonly number[]) {
  const byIndex = new Map(tis.map((ti) => [Number(ti.taskId.slice(2)), ti]));
  const gap: number[] = [];
  const toScheduled: number[] = [];
  const toQueued: number[] = [];
  const queuedToStart: number[] = [];
  const runTime: number[] = [];
  for (let i = 1; i < byIndex.size; i++) {
    const up = byIndex.get(i - 1) as TaskInstanceRow;
    const down = byIndex.get(i) as TaskInstanceRow;
    gap.push(ms(down.startDate, up.endDate));
    toScheduled.push(ms(down.scheduledDttm, up.endDate));
    toQueued.push(ms(down.queuedDttm, down.scheduledDttm));
    queuedToStart.push(ms(down.startDate, down.queuedDttm));
  }
  for (const ti of tis) runTime.push(ms(ti.endDate, ti.startDate));
  const slowest = gap
    .map((g, i) => {
      const end = byIndex.get(i)?.endDate?.getTime() ?? Number.NaN;
      const notified = notifications.find((t) => t >= end - 1);
      return {
        edge: `c_${i} → c_${i + 1}`,
        gap: g,
        "end → scheduled": toScheduled[i],
        "end → NOTIFY seen": notified === undefined ? Number.NaN : Math.round(notified - end),
      };
    })
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 5);
  return {
    slowest,
    gap: summarize(gap),
    breakdown: {
      "upstream end → scheduled": summarize(toScheduled),
      "scheduled → queued": summarize(toQueued),
      "queued → running (start_date)": summarize(queuedToStart),
      "running: start_date → end_date": summarize(runTime),
    },
  };
}

function describeRun(r: RunResult): Record<string, number | string> {
  return {
    tasks: r.tis.length,
    "wall s": round(r.wallS, 3),
    "run s": round(r.runS, 3),
    "tasks/s": Math.round(r.tis.length / r.runS),
    passes: r.passes.passes,
    "pass ms avg": round(r.passes.totalMs / Math.max(1, r.passes.passes)),
    "pass ms max": round(r.passes.maxMs),
    "pass busy %": round((100 * r.passes.totalMs) / 1000 / r.wallS, 1),
    "runner ms p50": r.worker.runnerMs.p50,
    "runner ms p99": r.worker.runnerMs.p99,
    "pickup ms p50": r.worker.pickupMs.p50,
    "worker max in flight": r.worker.maxInFlight,
    "scheduler sql ms": Math.round(r.sqlTotalMs),
    "scheduler cpu ms": Math.round(r.schedulerCpuMs),
    "worker cpu ms": r.worker.cpuMs,
    "postgres cpu ms": Math.round(r.postgresCpuMs),
    "redis cpu ms": Math.round(r.redisCpuMs),
    "cpu ms per task": round(
      (r.schedulerCpuMs + r.worker.cpuMs + r.postgresCpuMs + r.redisCpuMs) / r.tis.length,
      3,
    ),
    "machine busy %": round(r.machineBusyPct, 1),
    "machine cpu ms per task": round(r.machineBusyMs / r.tis.length, 3),
    "cpu steal %": round(r.stealPct, 1),
    "wal bytes per task": Math.round(r.walBytes / r.tis.length),
  };
}

interface EndToEndResult {
  wide: RunResult;
  /** Raw BullMQ again, right after the wide run (the host's speed drifts within a bench). */
  rawAfter: RawRun;
  /** The Postgres floor again, right after it. */
  floorAfter: PostgresFloor;
  chain: RunResult;
  wideSmall: RunResult;
  wideLarge: RunResult;
}

async function endToEnd(): Promise<EndToEndResult> {
  const folder = mkdtempSync(path.join(tmpdir(), "updraft-bench-sched-"));
  const dags: [string, string][] = [
    ["bench_warm_wide", wideDag("bench_warm_wide", WARM_WIDE)],
    ["bench_warm_chain", chainDag("bench_warm_chain", WARM_CHAIN)],
    [`bench_wide_${WIDE}`, wideDag(`bench_wide_${WIDE}`, WIDE)],
    [`bench_chain_${CHAIN}`, chainDag(`bench_chain_${CHAIN}`, CHAIN)],
    [`bench_wide_${WIDE_SMALL}`, wideDag(`bench_wide_${WIDE_SMALL}`, WIDE_SMALL)],
    [`bench_wide_${WIDE_LARGE}`, wideDag(`bench_wide_${WIDE_LARGE}`, WIDE_LARGE)],
  ];
  for (const [id, source] of new Map(dags)) writeFileSync(path.join(folder, `${id}.ts`), source);

  cleanups.push(() => Promise.resolve(rmSync(folder, { recursive: true, force: true })));
  cleanups.push(() => deleteKeys(REDIS_URL, PREFIX));
  const db = await createBenchDatabase();
  // BENCH_KEEP_DB=1 leaves the database behind, to EXPLAIN statements against a run's leftovers.
  if (env.BENCH_KEEP_DB === "1") console.log(`keeping the database ${db.url}`);
  else cleanups.push(() => db.drop());
  const client = createPgClient({
    connectionString: db.url,
    maxConnections: 20,
    applicationName: "updraft-bench-scheduler",
  });
  cleanups.push(() => client.close());
  const worker = await startChild(
    "storeWorker.ts",
    [db.url, REDIS_URL, PREFIX, String(CONCURRENCY)],
    CHILD_OPTIONS,
  );
  cleanups.push(() => stopChild(worker.process));
  const executor = new BullMqExecutor({ redisUrl: REDIS_URL, prefix: PREFIX });
  cleanups.push(() => executor.close());
  const sql = new SqlTimings();
  const scheduler = new Scheduler({
    client: timedClient(client, sql),
    executor,
    dagsFolder: folder,
    pausedByDefault: false,
    parallelism: 1024,
  });
  scheduler.on("error", (error) => process.stderr.write(`scheduler error: ${error.message}\n`));
  cleanups.push(() => scheduler.stop());
  const parseStarted = performance.now();
  await scheduler.start();
  console.log(
    `scheduler started (DAGs folder parsed) in ${round((performance.now() - parseStarted) / 1000, 2)} s`,
  );
  const e2e = new EndToEnd(client, sql, scheduler, worker);
  const unlisten = await client.listen(SCHEDULER_CHANNEL, () =>
    e2e.notifications.push(performance.timeOrigin + performance.now()),
  );
  cleanups.push(unlisten);

  // Warm-up: module loading, DAG file loading in the worker, JIT.
  await e2e.run("bench_warm_wide");
  await e2e.run("bench_warm_chain");

  const wide = await e2e.run(`bench_wide_${WIDE}`);
  const rawAfter = await rawBullMq();
  const floorAfter = await postgresFloor(WIDE, WARM_WIDE);
  const chain = await e2e.run(`bench_chain_${CHAIN}`);
  const wideSmall = await e2e.run(`bench_wide_${WIDE_SMALL}`);
  const wideLarge = await e2e.run(`bench_wide_${WIDE_LARGE}`);
  return { wide, rawAfter, floorAfter, chain, wideSmall, wideLarge };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const benchStarted = performance.now();
  console.log(`Scheduler benchmark (${cpus().length} CPUs, node ${process.version})`);
  cleanups.push(() => deleteKeys(REDIS_URL, `${PREFIX}-raw`));
  const rawBefore = await rawBullMq();
  const describeRaw = (r: RawRun) =>
    `${RAW_JOBS} empty jobs in ${round(r.seconds, 3)} s → ${Math.round(r.jobsPerS)} jobs/s (${round(r.cpuMsPerJob, 3)} CPU ms a job, machine ${round(r.machineBusyPct, 1)} % busy)`;
  console.log(`raw BullMQ: ${describeRaw(rawBefore)}`);
  const floorBefore = await postgresFloor(WIDE, WARM_WIDE);
  const describeFloor = (f: PostgresFloor) =>
    `${f.tasks} task instance lives in ${round(f.seconds, 3)} s → ${round(f.cpuMsPerTask, 3)} Postgres CPU ms, ${Math.round(f.walBytesPerTask)} WAL bytes a task`;
  console.log(`Postgres floor: ${describeFloor(floorBefore)}`);
  let e2e: EndToEndResult;
  try {
    e2e = await endToEnd();
  } finally {
    await cleanup();
  }

  console.log(`raw BullMQ right after the wide run: ${describeRaw(e2e.rawAfter)}`);
  console.log(`Postgres floor right after: ${describeFloor(e2e.floorAfter)}`);
  // The ceiling is measured before the end-to-end runs and again right after the wide one: the
  // ratio is against their mean, so a drift of the host's speed in between weighs on both sides.
  const rawJobsPerS = (rawBefore.jobsPerS + e2e.rawAfter.jobsPerS) / 2;
  const tasksPerS = WIDE / e2e.wide.runS;
  const ratio = tasksPerS / rawJobsPerS;
  const latency = chainLatency(e2e.chain.tis, e2e.chain.notifications);
  const scale = e2e.wideLarge.wallS / e2e.wideSmall.wallS;
  // What a job and a task cost the whole machine: ratio_to_raw is their ratio times the ratio of
  // how busy each kept the machine, so this says how much of the gap is work and how much waiting.
  const rawCpuMsPerJob = (rawBefore.cpuMsPerJob + e2e.rawAfter.cpuMsPerJob) / 2;
  const wideCpuMsPerTask = e2e.wide.machineBusyMs / e2e.wide.tis.length;
  const floorCpuMsPerTask = (floorBefore.cpuMsPerTask + e2e.floorAfter.cpuMsPerTask) / 2;
  const cost = {
    raw_machine_cpu_ms_per_job: round(rawCpuMsPerJob, 4),
    raw_machine_busy_pct: round((rawBefore.machineBusyPct + e2e.rawAfter.machineBusyPct) / 2, 1),
    wide_machine_cpu_ms_per_task: round(wideCpuMsPerTask, 4),
    wide_machine_busy_pct: round(e2e.wide.machineBusyPct, 1),
    cost_ratio_job_to_task: round(rawCpuMsPerJob / wideCpuMsPerTask, 3),
    wide_postgres_cpu_ms_per_task: round(e2e.wide.postgresCpuMs / e2e.wide.tis.length, 4),
    // A task instance's rows written by the plainest statements (postgresFloor.ts).
    postgres_floor_cpu_ms_per_task: round(floorCpuMsPerTask, 4),
    postgres_floor_wal_bytes_per_task: Math.round(
      (floorBefore.walBytesPerTask + e2e.floorAfter.walBytesPerTask) / 2,
    ),
  };

  const result = {
    machine: { cpus: cpus().length, node: process.version },
    date: new Date().toISOString(),
    raw_bullmq_jobs_per_s: Math.round(rawJobsPerS),
    raw_bullmq_runs_jobs_per_s: [Math.round(rawBefore.jobsPerS), Math.round(e2e.rawAfter.jobsPerS)],
    tasks_per_s: Math.round(tasksPerS),
    ratio_to_raw: round(ratio, 3),
    latency_ms: {
      p50: latency.gap.p50,
      p90: latency.gap.p90,
      p99: latency.gap.p99,
      max: latency.gap.max,
    },
    wide_1k_s: round(e2e.wideSmall.wallS, 3),
    wide_10k_s: round(e2e.wideLarge.wallS, 3),
    scale_ratio_10k_to_1k: round(scale, 2),
    targets: TARGETS,
    setup: {
      raw_jobs: RAW_JOBS,
      wide_tasks: WIDE,
      chain_tasks: CHAIN,
      warm_up: { wide_tasks: WARM_WIDE, chain_tasks: WARM_CHAIN },
      worker_concurrency: CONCURRENCY,
      parallelism: 1024,
    },
    diagnostics: {
      runs: Object.fromEntries(
        [e2e.wide, e2e.chain, e2e.wideSmall, e2e.wideLarge].map((r) => [r.dagId, describeRun(r)]),
      ),
      cost,
      chain_breakdown_ms: latency.breakdown,
      chain_slowest_edges: latency.slowest,
      worker_runner_ms_wide: e2e.wide.worker.runnerMs,
      worker_pickup_ms_wide: e2e.wide.worker.pickupMs,
      scheduler_sql_wide: e2e.wide.sql,
      scheduler_sql_chain: e2e.chain.sql,
      worker_sql_wide: e2e.wide.worker.sql,
    },
  };

  const met = (ok: boolean) => (ok ? "yes" : "NO");
  console.log("\nScheduler benchmark");
  const rows: Record<string, { value: number | string; target: string; "met?": string }> = {
    raw_bullmq_jobs_per_s: {
      value: result.raw_bullmq_jobs_per_s,
      target: `(ceiling: mean of ${result.raw_bullmq_runs_jobs_per_s.join(" and ")})`,
      "met?": "",
    },
    tasks_per_s: {
      value: result.tasks_per_s,
      target: `≥ ${TARGETS.tasks_per_s}`,
      "met?": met(tasksPerS >= TARGETS.tasks_per_s),
    },
    ratio_to_raw: {
      value: result.ratio_to_raw,
      target: `≥ ${TARGETS.ratio_to_raw}`,
      "met?": met(ratio >= TARGETS.ratio_to_raw),
    },
    "latency_ms.p50": {
      value: latency.gap.p50,
      target: `≤ ${TARGETS.latency_p50_ms}`,
      "met?": met(latency.gap.p50 <= TARGETS.latency_p50_ms),
    },
    "latency_ms.p90": { value: latency.gap.p90, target: "", "met?": "" },
    "latency_ms.p99": {
      value: latency.gap.p99,
      target: `≤ ${TARGETS.latency_p99_ms}`,
      "met?": met(latency.gap.p99 <= TARGETS.latency_p99_ms),
    },
    "latency_ms.max": { value: latency.gap.max, target: "", "met?": "" },
    wide_1k_s: { value: result.wide_1k_s, target: "", "met?": "" },
    wide_10k_s: { value: result.wide_10k_s, target: "", "met?": "" },
    scale_ratio_10k_to_1k: {
      value: result.scale_ratio_10k_to_1k,
      target: `≤ ${TARGETS.scale_ratio_10k_to_1k}`,
      "met?": met(scale <= TARGETS.scale_ratio_10k_to_1k),
    },
  };
  console.table(rows);
  console.log("\nWhere the time went, per run");
  console.table(result.diagnostics.runs);
  console.log(`\nChain of ${CHAIN}: each edge's gap, split by the task instance's timestamps (ms)`);
  console.table({ "downstream start − upstream end": latency.gap, ...latency.breakdown });
  console.log(
    "(scheduled_dttm and queued_dttm are the scheduler pass's start clock; slowest edges:)",
  );
  console.table(latency.slowest);
  console.log(
    `\nWhat the machine spent (CPU ms of all its processes), raw job vs wide ${WIDE} task`,
  );
  console.table(cost);
  console.log(`\nWorker-side, wide ${WIDE} (ms)`);
  console.table({
    "runner (jobStarted → jobFinished)": e2e.wide.worker.runnerMs,
    "pickup (enqueuedAt → jobStarted)": e2e.wide.worker.pickupMs,
  });

  console.log(`\nScheduler SQL by statement, wide ${WIDE}`);
  console.table(e2e.wide.sql);
  console.log(`\nWorker (runner) SQL by statement, wide ${WIDE}`);
  console.table(e2e.wide.worker.sql);
  console.log(`\nScheduler SQL by statement, chain ${CHAIN}`);
  console.table(e2e.chain.sql);

  const out = path.resolve(env.BENCH_RESULTS_DIR ?? "bench-results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "scheduler.json"), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `\nwrote ${path.join(out, "scheduler.json")} (${round((performance.now() - benchStarted) / 1000, 1)} s)`,
  );
}

runBench(main);
