// Scale-out on Postgres + BullMQ, CI-sized: three store-backed workers (concurrency 8 each) share
// one Redis queue and run a wide DAG of 20 ms tasks. Every task instance runs exactly once, on
// try 1, and the work is spread over more than one worker. (How much faster three workers are is
// the scale-out benchmark's question, not a test's: a loaded CI machine would make it flaky.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BullMqWorker, TaskOutcome } from "@updraft/executor";
import { createPgClient, migrateUrl, SCHEMA_KEY, type SqlClient } from "@updraft/store";
import { createTestDatabase, testRedisUrl, type TestDatabase } from "@updraft/testing";
import { deleteKeys } from "../../bench/bullmq";
import { findDuplicates } from "../../bench/duplicates";
import { executionKey, readExecutions, waitingDagsSource } from "../../bench/executionLog";
import { type Engine, startBullMqWorker, startEngine } from "../support/engineHarness";

const DAG_ID = "e2e_scale_out";
const TASKS = 300;
const WORKERS = 3;
const CONCURRENCY = 8;

/** One delivery a worker finished: which worker, which try, and what the runner reported. */
interface Delivery {
  readonly worker: number;
  readonly key: string;
  readonly tryNumber: number;
  readonly outcome: TaskOutcome["kind"] | "threw";
}

let db: TestDatabase;
let folder: string;
let executionsDir: string;
let engine: Engine;
let client: SqlClient;
const clients: SqlClient[] = [];
const workers: BullMqWorker[] = [];
const deliveries: Delivery[] = [];

const pgClient = (): SqlClient => {
  const client = createPgClient({ connectionString: db.url, maxConnections: 10 });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  folder = mkdtempSync(path.join(tmpdir(), "updraft-scale-out-"));
  executionsDir = path.join(folder, "executions");
  mkdirSync(path.join(folder, "dags"));
  mkdirSync(executionsDir);
  writeFileSync(
    path.join(folder, "dags", "scaleOut.ts"),
    waitingDagsSource([{ dagId: DAG_ID, tasks: TASKS }], {
      sleepMs: 20,
      executionsDir,
      maxActiveTasks: 64,
    }),
  );
  client = pgClient();
  engine = await startEngine({
    client,
    executor: "bullmq",
    withWorker: false,
    scheduler: { dagsFolder: path.join(folder, "dags"), parallelism: 64 },
  });
  for (let i = 0; i < WORKERS; i++) {
    const worker = await startBullMqWorker(pgClient(), engine.prefix, {
      concurrency: CONCURRENCY,
    });
    worker.events.on("jobFinished", ({ job, result }) =>
      deliveries.push({
        worker: i,
        key: executionKey(job),
        tryNumber: job.tryNumber,
        outcome: result.status === "returned" ? result.outcome.kind : "threw",
      }),
    );
    workers.push(worker);
  }
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close({ graceMs: 1000 })));
  await engine?.close();
  await Promise.all(clients.map((c) => c.close()));
  await db?.drop();
  if (engine !== undefined) await deleteKeys(testRedisUrl(), engine.prefix);
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

describe("three BullMQ workers on one Redis", () => {
  it("run a wide DAG with every task once, on try 1, spread over more than one worker", async () => {
    const { run, tis } = await engine.runDag(DAG_ID, { timeoutMs: 60_000 });
    expect(run.state).toBe("success");
    expect(tis.size).toBe(TASKS);
    const notOnce = [...tis.values()].filter((ti) => ti.state !== "success" || ti.tryNumber !== 1);
    expect(notOnce).toEqual([]);

    // Each task's body ran once, whichever worker ran it.
    const executions = readExecutions(executionsDir).filter((e) => e.runId === run.runId);
    expect(executions).toHaveLength(TASKS);
    expect(new Set(executions.map(executionKey)).size).toBe(TASKS);
    const duplicates = await findDuplicates(
      client,
      { dagId: DAG_ID, runId: run.runId },
      executions,
    );
    expect(duplicates.all).toEqual([]);

    // Each try ran on exactly one worker; the workers' own records agree with the log.
    const ran = deliveries.filter((d) => d.outcome === "ran" && d.key.includes(run.runId));
    expect(ran).toHaveLength(TASKS);
    expect(new Set(ran.map((d) => `${d.key}#${d.tryNumber}`)).size).toBe(TASKS);
    expect(deliveries.filter((d) => d.outcome === "threw")).toEqual([]);
    const busyWorkers = new Set(ran.map((d) => d.worker));
    expect(busyWorkers.size).toBeGreaterThan(1);
  });
});
