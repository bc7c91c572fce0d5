// The whole engine in one test process: the scheduler loop, an executor (BullMQ on the real Redis
// under a prefix of its own, or the in-process LocalExecutor) and a worker running the real
// store-backed TaskRunner, over a metadata database the test provides (Postgres or PGlite).
import path from "node:path";
import {
  BullMqExecutor,
  BullMqWorker,
  type Executor,
  LocalExecutor,
  type TaskWorker,
} from "@updraft/executor";
import type { DagRunState } from "@updraft/sdk";
import {
  type DagRunRow,
  getDagRun,
  listTaskInstances,
  type SqlClient,
  type TaskInstanceRow,
} from "@updraft/store";
import { testRedisPrefix, testRedisUrl } from "@updraft/testing";
import { createStoreTaskRunner } from "@updraft/worker";
import { Scheduler, type SchedulerOptions } from "../../src";

export const E2E_DAGS = path.join(__dirname, "..", "e2e", "dags");

/** Which executor the harness runs. */
export type ExecutorKind = "bullmq" | "local";

/** Options of startEngine. */
export interface EngineOptions {
  readonly client: SqlClient;
  readonly executor: ExecutorKind;
  /** @default 16 */
  readonly concurrency?: number;
  /** @default testRedisUrl() */
  readonly redisUrl?: string;
  /** @default a fresh prefix */
  readonly prefix?: string;
  /** Start without a worker (a test adds its own). @default true */
  readonly withWorker?: boolean;
  readonly scheduler?: Partial<Omit<SchedulerOptions, "client" | "executor">>;
}

/** A running engine. */
export interface Engine {
  readonly scheduler: Scheduler;
  readonly executor: Executor;
  readonly worker: TaskWorker | null;
  readonly prefix: string;
  /** Triggers a manual run and waits until it finishes. */
  runDag(
    dagId: string,
    options?: { conf?: Record<string, unknown>; logicalDate?: Date; timeoutMs?: number },
  ): Promise<FinishedRun>;
  waitForRun(dagId: string, runId: string, timeoutMs?: number): Promise<FinishedRun>;
  close(): Promise<void>;
}

/** A finished run and its task instances by task_id (map_index -1) or `task_id[i]`. */
export interface FinishedRun {
  readonly run: DagRunRow;
  readonly tis: Map<string, TaskInstanceRow>;
  readonly states: Record<string, string | null>;
}

const FINISHED: readonly DagRunState[] = ["success", "failed"];

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Reads a run and its task instances. */
export async function readRun(
  client: SqlClient,
  dagId: string,
  runId: string,
): Promise<FinishedRun> {
  const run = await getDagRun(client, { dagId, runId });
  if (run === null) throw new Error(`no run ${dagId}/${runId}`);
  const tis = new Map<string, TaskInstanceRow>();
  for (const ti of await listTaskInstances(client, { dagId, runId }))
    tis.set(ti.mapIndex === -1 ? ti.taskId : `${ti.taskId}[${ti.mapIndex}]`, ti);
  const states = Object.fromEntries([...tis].map(([k, ti]) => [k, ti.state]));
  return { run, tis, states };
}

/** The store-backed worker for a BullMQ prefix. */
export async function startBullMqWorker(
  client: SqlClient,
  prefix: string,
  options: { concurrency?: number; redisUrl?: string; heartbeatIntervalMs?: number } = {},
): Promise<BullMqWorker> {
  const worker = new BullMqWorker({
    redisUrl: options.redisUrl ?? testRedisUrl(),
    prefix,
    concurrency: options.concurrency ?? 16,
    lockDurationMs: 2000,
    stalledIntervalMs: 1000,
  });
  await worker.start(
    createStoreTaskRunner({ client, heartbeatIntervalMs: options.heartbeatIntervalMs ?? 200 }),
  );
  return worker;
}

/** Starts scheduler, executor and (unless told not to) a worker; DAGs come from E2E_DAGS. */
export async function startEngine(options: EngineOptions): Promise<Engine> {
  const { client } = options;
  const prefix = options.prefix ?? testRedisPrefix();
  const redisUrl = options.redisUrl ?? testRedisUrl();
  let executor: Executor;
  let worker: TaskWorker | null = null;
  if (options.executor === "local") {
    const local = new LocalExecutor({ concurrency: options.concurrency ?? 16 });
    await local.start(createStoreTaskRunner({ client, heartbeatIntervalMs: 200 }));
    executor = local;
    worker = local;
  } else {
    executor = new BullMqExecutor({ redisUrl, prefix });
    if (options.withWorker ?? true)
      worker = await startBullMqWorker(client, prefix, {
        redisUrl,
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      });
  }
  const scheduler = new Scheduler({
    client,
    executor,
    dagsFolder: E2E_DAGS,
    pausedByDefault: false,
    sweepIntervalMs: 200,
    zombieCheckIntervalMs: 500,
    requeueIntervalMs: 500,
    requeueAfterMs: 1000,
    ...options.scheduler,
  });
  await scheduler.start();
  const waitForRun = async (dagId: string, runId: string, timeoutMs = 20_000) => {
    await eventually(
      async () => {
        const run = await getDagRun(client, { dagId, runId });
        return run !== null && FINISHED.includes(run.state);
      },
      timeoutMs,
      `run ${dagId}/${runId} to finish`,
    );
    return readRun(client, dagId, runId);
  };
  return {
    scheduler,
    executor,
    worker,
    prefix,
    waitForRun,
    async runDag(dagId, o = {}) {
      const { dagRun } = await scheduler.trigger({
        dagId,
        conf: o.conf ?? {},
        logicalDate: o.logicalDate ?? null,
      });
      return waitForRun(dagId, dagRun.runId, o.timeoutMs);
    },
    async close() {
      await scheduler.stop();
      await worker?.close({ graceMs: 1000 });
      if (options.executor === "bullmq") await executor.close();
    },
  };
}
