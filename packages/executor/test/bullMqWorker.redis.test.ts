// What only the BullMQ adapter has: jobs waiting in Redis for a worker, re-delivery of a dead
// worker's job after the stalled interval, several queues sharing one concurrency budget, and
// validation of payloads other producers wrote.
import { testRedisPrefix, testRedisUrl } from "@updraft/testing";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import {
  BullMqExecutor,
  BullMqWorker,
  type BullMqWorkerOptions,
  type TaskOutcome,
  type TaskRunner,
  taskJobId,
} from "../src";
import { makeJob, uid } from "./support/jobs";
import { deleteKeys, openClients } from "./support/redisKeys";
import { collectEvents, deferred, flushIo, whenAborted, within } from "./support/waiting";

const prefix = testRedisPrefix();
const redisUrl = testRedisUrl();
const success: TaskOutcome = { kind: "ran", state: "success" };

/** A runner whose tries all wait for `release`, counting how many ran at once. */
function heldRunner() {
  const release = deferred();
  let inFlight = 0;
  let most = 0;
  const runner: TaskRunner = async (_job, signal) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await Promise.race([release.promise, whenAborted(signal)]);
    inFlight -= 1;
    return success;
  };
  return { release, runner, maxInFlight: () => most };
}

describe("BullMqWorker", () => {
  const closers: (() => Promise<void>)[] = [];

  function worker(options: BullMqWorkerOptions): BullMqWorker {
    const created = new BullMqWorker({ redisUrl, prefix, ...options });
    closers.push(() => created.close({ graceMs: 0 }));
    return created;
  }

  function executor(): BullMqExecutor {
    const created = new BullMqExecutor({ redisUrl, prefix });
    closers.push(() => created.close());
    return created;
  }

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    expect(await openClients(prefix)).toEqual([]);
  });

  afterAll(async () => {
    await deleteKeys(prefix);
  });

  test("picks up jobs enqueued while no worker ran", async () => {
    const queue = `q_${uid()}`;
    const producer = executor();
    const jobs = [makeJob({ queue, taskId: "a" }), makeJob({ queue, taskId: "b" })];
    await producer.enqueue(jobs);
    await producer.close();

    const consumer = worker({ queues: [queue] });
    const done = collectEvents(consumer.events, "jobFinished", 2);
    await consumer.start(async () => success);
    const events = await done;
    expect(events.map((e) => e.jobId).sort()).toEqual(jobs.map(taskJobId).sort());
  });

  test("re-delivers the job of a worker that died to another worker after the stalled interval", async () => {
    const queue = `q_${uid()}`;
    const fast = { queues: [queue], lockDurationMs: 1000, stalledIntervalMs: 1000 };
    const sent = makeJob({ queue, taskId: "long", tryNumber: 2 });
    const first = worker(fast);
    const firstStarted = collectEvents(first.events, "jobStarted", 1);
    await first.start((_job, signal) => {
      return new Promise<TaskOutcome>((_, reject) => {
        signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true });
      });
    });
    await executor().enqueue([sent]);
    await firstStarted;
    await first.abandon(); // like SIGKILL: the lock is no longer renewed, nothing reported

    const received: unknown[] = [];
    const second = worker(fast);
    const stalled = collectEvents(second.events, "jobStalled", 1, undefined, 15_000);
    const finished = collectEvents(second.events, "jobFinished", 1, undefined, 15_000);
    await second.start(async (job) => {
      received.push(job);
      return success;
    });
    const [stall] = await stalled;
    const [event] = await finished;
    expect(stall).toEqual({ jobId: taskJobId(sent), queue });
    expect(event?.jobId).toBe(taskJobId(sent));
    expect(received).toEqual([sent]); // the same try, untouched: the store guard decides
  });

  test("shares one concurrency budget across its queues and claims no more than it runs", async () => {
    const [qa, qb, other] = [`qa_${uid()}`, `qb_${uid()}`, `qc_${uid()}`];
    const { release, runner, maxInFlight } = heldRunner();
    const consumer = worker({ queues: [qa, qb], concurrency: 2 });
    const twoStarted = collectEvents(consumer.events, "jobStarted", 2);
    const sixFinished = collectEvents(consumer.events, "jobFinished", 6);
    await consumer.start(runner);
    const jobs = [qa, qb, other].flatMap((queue) =>
      [0, 1, 2].map((mapIndex) => makeJob({ queue, mapIndex })),
    );
    await executor().enqueue(jobs);
    await twoStarted;
    await flushIo();
    const counts = await activeCounts([qa, qb, other]);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(2);
    release.resolve();
    const finished = await sixFinished;
    expect(maxInFlight()).toBe(2);
    expect(finished.every((e) => e.job.queue !== other)).toBe(true);
    expect(await waitingCount(other)).toBe(3);
  });

  test("bounds a single-queue worker by its concurrency, completing and fetching in turn", async () => {
    const queue = `q_${uid()}`;
    const { release, runner, maxInFlight } = heldRunner();
    const consumer = worker({ queues: [queue], concurrency: 2 });
    const twoStarted = collectEvents(consumer.events, "jobStarted", 2);
    const allFinished = collectEvents(consumer.events, "jobFinished", 7);
    await consumer.start(runner);
    await executor().enqueue([0, 1, 2, 3, 4, 5, 6].map((mapIndex) => makeJob({ queue, mapIndex })));
    await twoStarted;
    await flushIo();
    expect(await activeCounts([queue])).toEqual([2]);
    release.resolve();
    const finished = await allFinished;
    expect(maxInFlight()).toBe(2);
    expect(new Set(finished.map((e) => e.jobId)).size).toBe(7);
    expect(await waitingCount(queue)).toBe(0);
  });

  test("keeps a queue flowing while a long job of another queue holds a slot", async () => {
    const [slow, busy] = [`slow_${uid()}`, `busy_${uid()}`];
    const release = deferred();
    const consumer = worker({ queues: [slow, busy], concurrency: 2 });
    const slowStarted = collectEvents(
      consumer.events,
      "jobStarted",
      1,
      (e) => e.job.queue === slow,
    );
    const busyDone = collectEvents(consumer.events, "jobFinished", 20, (e) => e.job.queue === busy);
    await consumer.start(async (job, signal) => {
      if (job.queue === slow) await Promise.race([release.promise, whenAborted(signal)]);
      return success;
    });
    const producer = executor();
    await producer.enqueue([makeJob({ queue: slow, taskId: "long" })]);
    await slowStarted;
    await producer.enqueue(
      Array.from({ length: 20 }, (_, mapIndex) => makeJob({ queue: busy, mapIndex })),
    );
    expect(await busyDone).toHaveLength(20);
    release.resolve();
  });

  test("rejects a malformed payload on dequeue, naming the path, and keeps consuming", async () => {
    const queue = `q_${uid()}`;
    await withQueues([queue], ([raw]) =>
      raw!.add(
        "run_task",
        { dagId: "d", runId: "r", taskId: "t", mapIndex: "0" },
        {
          jobId: "bad",
          removeOnFail: true,
        },
      ),
    );
    await executor().enqueue([makeJob({ queue, taskId: "good" })]);
    const consumer = worker({ queues: [queue], concurrency: 1 });
    const rejected = collectEvents(consumer.events, "jobRejected", 1);
    const finished = collectEvents(consumer.events, "jobFinished", 1);
    await consumer.start(async () => success);
    const [rejection] = await rejected;
    expect(rejection?.jobId).toBe("bad");
    expect(rejection?.error.message).toContain("mapIndex: expected an integer >= -1");
    expect(rejection?.error.message).toContain("tryNumber");
    const [event] = await finished;
    expect(event?.job.taskId).toBe("good");
  });

  test("close leaves no timer behind, even right after start", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    for (let i = 0; i < 10; i++) {
      const consumer = worker({ queues: [`q_${uid()}`, `q_${uid()}`] });
      await consumer.start(async () => success);
      await consumer.close();
    }
    // Connections closed by earlier tests may still hold a timer of a few ms; a timer a worker
    // leaves behind (a heartbeat, a stalled-jobs check) outlives this wait, ten times over.
    const deadline = Date.now() + 1000;
    while (timers() > before && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(timers()).toBeLessThanOrEqual(before);
  });

  test("rejects bad options, naming the option", () => {
    expect(() => new BullMqWorker({ queues: ["a", "a"] })).toThrow(
      'BullMqWorker options: queues: expected each queue once, got ["a","a"]',
    );
    expect(() => new BullMqWorker({ queues: ["etl:1"] })).toThrow(/queues\[0\]: expected/);
  });
});

/** Opens raw BullMQ queues (as another producer would), runs `use`, closes them. */
async function withQueues<T>(names: readonly string[], use: (queues: Queue[]) => Promise<T>) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = names.map((name) => new Queue(name, { connection, prefix }));
  try {
    return await within(use(queues), "raw queue access");
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    await connection.quit();
  }
}

function activeCounts(names: readonly string[]): Promise<number[]> {
  return withQueues(names, (queues) => Promise.all(queues.map((q) => q.getActiveCount())));
}

function waitingCount(name: string): Promise<number> {
  return withQueues([name], ([queue]) => queue!.getJobCountByTypes("waiting", "prioritized"));
}
