// What the engine survives, on Postgres + BullMQ: a worker killed with SIGKILL mid-task, Redis
// losing every key mid-run, a pass whose schedule write fails, two schedulers at once (and one
// of them dying), and a task cleared while it runs. The database stays the truth and no try
// runs twice at once.
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { Redis } from "ioredis";
import { BullMqExecutor } from "@updraft/executor";
import {
  createPgClient,
  listNotifications,
  migrateUrl,
  SCHEMA_KEY,
  type SqlClient,
} from "@updraft/store";
import { createTestDatabase, testRedisUrl, type TestDatabase } from "@updraft/testing";
import { clearTasks, Scheduler } from "../../src";
import {
  E2E_DAGS,
  type Engine,
  eventually,
  readRun,
  startBullMqWorker,
  startEngine,
} from "../support/engineHarness";
import { killGroup, spawnRedis, spawnWorkerProcess } from "../support/processes";
import { runTries } from "../support/runTries";

let db: TestDatabase;
let client: SqlClient;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  client = createPgClient({ connectionString: db.url, maxConnections: 20 });
});
afterAll(async () => {
  await client.close();
  await db.drop();
});

const tries = (dagId: string, runId: string) => runTries(client, dagId, runId);

const running = (dagId: string, runId: string, taskId: string) =>
  eventually(
    async () => {
      const ti = (await readRun(client, dagId, runId)).tis.get(taskId);
      return ti?.state === "running" ? ti : null;
    },
    20_000,
    `${taskId} to be running`,
  );

describe("a worker killed with SIGKILL mid-task", () => {
  let engine: Engine;
  let child: ChildProcess | null = null;

  afterEach(async () => {
    if (child) await killGroup(child);
    await engine.close();
  });

  it("fails the try as a zombie, retries it on another worker, and never runs it twice at once", async () => {
    engine = await startEngine({
      client,
      executor: "bullmq",
      withWorker: false,
      scheduler: {
        zombieTimeoutSeconds: 2,
        zombieCheckIntervalMs: 250,
        // On-call hears of the lost try although no worker is left to report it.
        alerts: {
          route: ({ event }) =>
            event === "retry"
              ? [{ channel: "email", connId: "smtp_default", to: ["oncall@example.com"] }]
              : [],
        },
      },
    });
    child = await spawnWorkerProcess(db.url, testRedisUrl(), engine.prefix);
    const { dagRun } = await engine.scheduler.trigger({ dagId: "e2e_killed_worker" });
    const first = await running("e2e_killed_worker", dagRun.runId, "sleepy");
    expect(first.pid).toBe(child.pid);
    await killGroup(child);
    child = null;
    const rescue = await startBullMqWorker(client, engine.prefix);
    try {
      const { run, tis } = await engine.waitForRun("e2e_killed_worker", dagRun.runId, 30_000);
      expect(run.state).toBe("success");
      expect(tis.get("sleepy")!.tryNumber).toBe(2);
      const [killed, retried] = await tries("e2e_killed_worker", dagRun.runId);
      expect(killed).toMatchObject({ try_number: 1, state: "up_for_retry", pid: first.pid });
      expect(retried).toMatchObject({ try_number: 2, state: "success", pid: process.pid });
      expect(retried!.start_date.getTime()).toBeGreaterThanOrEqual(killed!.end_date.getTime());
      const [alert] = await eventually(async () => {
        const { notifications } = await listNotifications(client, { dagId: "e2e_killed_worker" });
        return notifications.length > 0 && notifications;
      });
      expect(alert).toMatchObject({ event: "retry", channel: "email", runId: dagRun.runId });
      expect(alert!.facts).toMatchObject({ taskId: "sleepy", tryNumber: 1, maxTries: 2 });
      expect(String(alert!.facts.error)).toMatch(
        new RegExp(
          `stopped heartbeating for 2 s \\(host .+, pid ${first.pid}\\); marked up_for_retry`,
        ),
      );
    } finally {
      await rescue.close({ graceMs: 500 });
    }
  }, 60_000);
});

describe("Redis losing every key mid-run", () => {
  let redis: { url: string; process: ChildProcess };
  let engine: Engine;

  beforeAll(async () => {
    redis = await spawnRedis();
  });
  afterAll(async () => {
    await engine.close();
    await killGroup(redis.process);
  });

  it("re-enqueues queued tries from the database and the run completes, each link once", async () => {
    engine = await startEngine({ client, executor: "bullmq", redisUrl: redis.url });
    const { dagRun } = await engine.scheduler.trigger({ dagId: "e2e_chain" });
    await eventually(
      async () => {
        const { states } = await readRun(client, "e2e_chain", dagRun.runId);
        return states.link_3 === "success";
      },
      20_000,
      "link_3 to succeed",
    );
    const admin = new Redis(redis.url);
    await admin.flushall();
    await admin.quit();
    const { run, tis } = await engine.waitForRun("e2e_chain", dagRun.runId, 30_000);
    expect(run.state).toBe("success");
    expect([...tis.values()].every((ti) => ti.state === "success" && ti.tryNumber === 1)).toBe(
      true,
    );
    expect((await tries("e2e_chain", dagRun.runId)).map((t) => t.try_number)).toEqual(
      new Array(12).fill(1),
    );
  }, 60_000);
});

describe("timed wake-ups", () => {
  it("a retry comes on time with no sweep to fall back on: the try's finish moved the timer", async () => {
    // The sweep is a minute away and the folder's one DAG has no schedule, so after the
    // trigger's pass only finishing tries wake the scheduler: the retries run on time only if
    // each up_for_retry finish sets the scheduler's due timer.
    const engine = await startEngine({
      client,
      executor: "bullmq",
      scheduler: {
        sweepIntervalMs: 60_000,
        dagsFolder: path.join(__dirname, "timerDags"),
        dagProcessIntervalMs: 60_000,
      },
    });
    try {
      const started = Date.now();
      const { run } = await engine.runDag("e2e_retry_timer", { timeoutMs: 20_000 });
      expect(run.state).toBe("success");
      const flaky = await tries("e2e_retry_timer", run.runId);
      expect(flaky.map((t) => [t.try_number, t.state])).toEqual([
        [1, "up_for_retry"],
        [2, "up_for_retry"],
        [3, "success"],
      ]);
      // Backoff of 1 s then about 2 s (Airflow's formula, with jitter): well under the sweep.
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await engine.close();
    }
  }, 30_000);
});

// Writes the pass sends without waiting for their answer: a run's schedule write (the queueing
// pipelined behind it) and the queueing write (the COMMIT pipelined behind it).
// The write that moves `second` out of no status is the schedule write, or, when nothing else
// waits to be queued, the pass's fast path straight to queued (sendScheduleAndQueue); the write
// that queues it is the queueing write or that same fast path.
describe.each([
  { write: "schedule", refused: "old.state is null and new.state is not null" },
  { write: "queueing", refused: "new.state = 'queued'" },
])("a $write write that fails", ({ refused }) => {
  it("fails its pass with the write's own error and leaves nothing of the pass behind", async () => {
    // Refuses that write for e2e_linear's `second`, once `first` is done.
    await client.exec(`
      create function refuse_second() returns trigger language plpgsql as $$
      begin
        if new.dag_id = 'e2e_linear' and new.task_id = 'second' and ${refused} then
          raise exception 'second refused';
        end if;
        return new;
      end $$;
      create trigger refuse_second before update on task_instance
        for each row execute function refuse_second();`);
    const engine = await startEngine({ client, executor: "bullmq" });
    const errors: string[] = [];
    engine.scheduler.on("error", (e) => errors.push(e.message));
    try {
      const { dagRun } = await engine.scheduler.trigger({
        dagId: "e2e_linear",
        conf: {},
        logicalDate: null,
      });
      await eventually(async () => errors.length > 0 || null, 20_000, "a failed pass");
      expect(errors[0]).toContain("second refused");
      const { tis } = await readRun(client, "e2e_linear", dagRun.runId);
      expect(tis.get("first")?.state).toBe("success");
      expect(tis.get("second")?.state).toBeNull();
      expect(tis.get("second")?.tryNumber).toBe(0);
      expect(tis.get("third")?.state).toBeNull();
      // Once the write goes through, the next pass carries on from there.
      await client.exec("drop trigger refuse_second on task_instance");
      engine.scheduler.wake();
      const run = await engine.waitForRun("e2e_linear", dagRun.runId, 20_000);
      expect(run.run.state).toBe("success");
    } finally {
      await engine.close();
      await client.exec(`drop trigger if exists refuse_second on task_instance;
        drop function if exists refuse_second()`);
    }
  }, 60_000);
});

describe("two schedulers at once", () => {
  it("schedule every task instance once, and one carries on when the other dies", async () => {
    const engine = await startEngine({ client, executor: "bullmq", concurrency: 8 });
    const otherClient = createPgClient({ connectionString: db.url });
    const otherExecutor = new BullMqExecutor({ redisUrl: testRedisUrl(), prefix: engine.prefix });
    const other = new Scheduler({
      client: otherClient,
      executor: otherExecutor,
      dagsFolder: E2E_DAGS,
      pausedByDefault: false,
      sweepIntervalMs: 200,
    });
    await other.start();
    const passes = { a: 0, b: 0 };
    engine.scheduler.on("pass", () => (passes.a += 1));
    other.on("pass", () => (passes.b += 1));
    try {
      const runIds: string[] = [];
      for (let i = 0; i < 3; i++)
        runIds.push(
          (await engine.scheduler.trigger({ dagId: "e2e_wide", runId: `manual__ha_${i}` })).dagRun
            .runId,
        );
      for (const runId of runIds) {
        const { run, tis } = await engine.waitForRun("e2e_wide", runId, 30_000);
        expect(run.state).toBe("success");
        expect(tis.size).toBe(42);
        expect([...tis.values()].every((ti) => ti.tryNumber === 1)).toBe(true);
        expect(await tries("e2e_wide", runId)).toHaveLength(42);
      }
      expect(passes.a).toBeGreaterThan(0);
      expect(passes.b).toBeGreaterThan(0);
      // Scheduler A dies (its database connections go away); B alone finishes the next run.
      await engine.scheduler.stop();
      const { dagRun } = await other.trigger({ dagId: "e2e_wide", runId: "manual__ha_after" });
      const { run } = await engine.waitForRun("e2e_wide", dagRun.runId, 30_000);
      expect(run.state).toBe("success");
    } finally {
      await other.stop();
      await otherExecutor.close();
      await otherClient.close();
      await engine.close();
    }
  }, 90_000);
});

describe("a task cleared while it runs", () => {
  it("stops the running try and runs the task again", async () => {
    const engine = await startEngine({ client, executor: "bullmq" });
    try {
      const { dagRun } = await engine.scheduler.trigger({
        dagId: "e2e_killed_worker",
        runId: "manual__clear",
      });
      await running("e2e_killed_worker", dagRun.runId, "sleepy");
      const cleared = await clearTasks(client, engine.scheduler.cache, {
        dagId: "e2e_killed_worker",
        runIds: [dagRun.runId],
        taskIds: ["sleepy"],
      });
      expect(cleared.map((ti) => ti.state)).toEqual(["running"]);
      const { run, tis } = await engine.waitForRun("e2e_killed_worker", dagRun.runId, 20_000);
      expect(run.state).toBe("success");
      expect(tis.get("sleepy")!.tryNumber).toBe(2);
    } finally {
      await engine.close();
    }
  }, 40_000);
});
