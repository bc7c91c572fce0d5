// The delivery half of the executor contract: each enqueued try runs once and reaches the runner
// untouched, duplicates of a try are absorbed, a new try runs, payloads are validated at the
// producer, and a closed executor refuses work.
import { type TaskJob, taskJobId } from "../../src";
import { type ContractContext, ran } from "./contractContext";

/** Registers the delivery tests. */
export function describeDeliveryContract(ctx: ContractContext): void {
  test("runs every enqueued job exactly once", async () => {
    const script = ctx.script();
    const pair = await ctx.startPair(4, script);
    const jobs = Array.from({ length: 25 }, (_, i) =>
      ctx.job(`task_${i % 5}`, { mapIndex: Math.floor(i / 5) - 1 }),
    );
    const done = ctx.finished(pair, 25);
    await pair.executor.enqueue(jobs);
    const events = await done;
    await pair.worker.close();
    expect(new Set(events.map((e) => e.jobId)).size).toBe(25);
    expect(events.map((e) => e.jobId).sort()).toEqual(jobs.map(taskJobId).sort());
    expect(script.started).toHaveLength(25);
    expect(events.every((e) => e.result.status === "returned" && !e.aborted)).toBe(true);
  });

  test("passes each job to the runner as enqueued", async () => {
    const seen: TaskJob[] = [];
    const script = ctx.script();
    script.on("mapped", async (received) => {
      seen.push(received);
      return ran();
    });
    const pair = await ctx.startPair(1, script);
    const sent = ctx.job("mapped", { mapIndex: 7, tryNumber: 3, priorityWeight: 42 });
    const done = ctx.finished(pair, 1);
    await pair.executor.enqueue([sent]);
    await done;
    expect(seen).toEqual([sent]);
  });

  test("runs a try once when it is enqueued again while pending or running", async () => {
    const script = ctx.script();
    const blocker = script.gate("blocker");
    const dupGate = script.gate("dup");
    const pair = await ctx.startPair(1, script);
    const blockerStarted = ctx.startedTask(pair, "blocker");
    await pair.executor.enqueue([ctx.job("blocker")]);
    await blockerStarted;
    await pair.executor.enqueue([ctx.job("dup"), ctx.job("dup")]); // twice in one batch, while pending
    await pair.executor.enqueue([ctx.job("dup")]); // again, while pending
    const dupStarted = ctx.startedTask(pair, "dup");
    blocker.resolve();
    await dupStarted;
    await pair.executor.enqueue([ctx.job("dup")]); // again, while running
    const sentinel = ctx.finished(pair, 1, (e) => e.job.taskId === "sentinel");
    await pair.executor.enqueue([ctx.job("sentinel")]);
    dupGate.resolve();
    await sentinel;
    expect(script.started).toEqual(["blocker", "dup", "sentinel"]);
  });

  test("runs a new try of the same task instance", async () => {
    const script = ctx.script();
    const pair = await ctx.startPair(2, script);
    const first = ctx.finished(pair, 1);
    await pair.executor.enqueue([ctx.job("retried", { tryNumber: 1 })]);
    await first;
    const second = ctx.finished(pair, 1);
    await pair.executor.enqueue([ctx.job("retried", { tryNumber: 2 })]);
    const [event] = await second;
    expect(event?.job.tryNumber).toBe(2);
    expect(script.started).toEqual(["retried", "retried"]);
  });

  test("runs jobs enqueued before the worker starts", async () => {
    const script = ctx.script();
    const pair = await ctx.createPair(2);
    await pair.executor.enqueue([ctx.job("early_a"), ctx.job("early_b")]);
    const done = ctx.finished(pair, 2);
    await pair.worker.start(script.runner);
    await done;
    expect([...script.started].sort()).toEqual(["early_a", "early_b"]);
  });

  test("rejects a malformed job on enqueue, naming the field, and enqueues none of the batch", async () => {
    const script = ctx.script();
    const pair = await ctx.startPair(1, script);
    const bad = { ...ctx.job("bad"), mapIndex: -2 };
    await expect(pair.executor.enqueue([ctx.job("good"), bad])).rejects.toMatchObject({
      code: "INVALID_TASK_JOB",
      message: expect.stringContaining("jobs[1].mapIndex") as unknown,
    });
    const { tryNumber: _, ...missing } = ctx.job("missing");
    await expect(pair.executor.enqueue([missing as TaskJob])).rejects.toThrow(
      /jobs\[0\]\.tryNumber: expected an integer >= 1, got nothing/,
    );
    const sentinel = ctx.finished(pair, 1);
    await pair.executor.enqueue([ctx.job("sentinel")]);
    await sentinel;
    expect(script.started).toEqual(["sentinel"]);
  });

  test("rejects enqueue after close and a second start", async () => {
    const script = ctx.script();
    const pair = await ctx.startPair(1, script);
    await expect(pair.worker.start(script.runner)).rejects.toMatchObject({ code: "WORKER_STATE" });
    await pair.worker.close();
    await pair.executor.close();
    await expect(pair.executor.enqueue([ctx.job("late")])).rejects.toMatchObject({
      code: "EXECUTOR_CLOSED",
    });
  });
}
