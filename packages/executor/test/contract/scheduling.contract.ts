// The scheduling and shutdown half of the executor contract: concurrency and priority are
// honoured, a failing runner is contained, and close waits, then aborts, and starts nothing new.
import { type TaskOutcome, taskJobId } from "../../src";
import { flushIo, deferred, whenAborted, within } from "../support/waiting";
import { type ContractContext, ran } from "./contractContext";

/** Registers the scheduling and shutdown tests. */
export function describeSchedulingContract(ctx: ContractContext): void {
  test("never runs more than `concurrency` jobs at once", async () => {
    const concurrency = 3;
    const script = ctx.script();
    const saturated = deferred();
    script.on("work", async (_job, signal) => {
      if (script.inFlight === concurrency) saturated.resolve();
      await Promise.race([saturated.promise, whenAborted(signal)]); // wait until the pool is full once
      await new Promise((resolve) => setTimeout(resolve, 2)); // then keep it busy briefly
      return ran();
    });
    const pair = await ctx.startPair(concurrency, script);
    const done = ctx.finished(pair, 15);
    await pair.executor.enqueue(
      Array.from({ length: 15 }, (_, i) => ctx.job("work", { mapIndex: i })),
    );
    await done;
    expect(script.maxInFlight).toBe(concurrency);
  });

  test("runs the highest priority weight first when the pool is saturated", async () => {
    const script = ctx.script();
    const blocker = script.gate("blocker");
    const pair = await ctx.startPair(1, script);
    const blockerStarted = ctx.startedTask(pair, "blocker");
    await pair.executor.enqueue([ctx.job("blocker")]);
    await blockerStarted;
    const done = ctx.finished(pair, 6, (e) => e.job.taskId !== "blocker");
    await pair.executor.enqueue([
      ctx.job("low", { priorityWeight: 1 }),
      ctx.job("high", { priorityWeight: 10 }),
      ctx.job("mid", { priorityWeight: 5 }),
      ctx.job("default_weight"),
      ctx.job("low_again", { priorityWeight: 1 }),
    ]);
    await pair.executor.enqueue([ctx.job("top", { priorityWeight: 100 })]);
    blocker.resolve();
    await done;
    expect(script.started).toEqual([
      "blocker",
      "top",
      "high",
      "mid",
      "low",
      "default_weight",
      "low_again",
    ]);
  });

  test("keeps running after a runner throws or rejects", async () => {
    const script = ctx.script();
    script.on("sync_throw", () => {
      throw new Error("boom (sync)");
    });
    script.on("rejects", () => Promise.reject(new Error("boom (async)")));
    const pair = await ctx.startPair(1, script);
    const done = ctx.finished(pair, 3);
    await pair.executor.enqueue([ctx.job("sync_throw"), ctx.job("rejects"), ctx.job("fine")]);
    const events = await done;
    expect(events.map((e) => [e.job.taskId, e.result.status])).toEqual([
      ["sync_throw", "threw"],
      ["rejects", "threw"],
      ["fine", "returned"],
    ]);
  });

  test("close waits for a running try that finishes within graceMs", async () => {
    const script = ctx.script();
    const gate = script.gate("slow");
    const pair = await ctx.startPair(1, script);
    const started = ctx.startedTask(pair, "slow");
    await pair.executor.enqueue([ctx.job("slow")]);
    await started;
    const order: string[] = [];
    pair.worker.events.on("jobFinished", (e) => order.push(`finished ${e.job.taskId}`));
    const closing = pair.worker.close({ graceMs: 10_000 }).then(() => order.push("closed"));
    await flushIo();
    expect(order).toEqual([]);
    gate.resolve();
    await within(closing, "close");
    expect(order).toEqual(["finished slow", "closed"]);
    expect(script.signals.get(taskJobId(ctx.job("slow")))?.aborted).toBe(false);
  });

  test("close aborts a try still running after graceMs, through its signal", async () => {
    const script = ctx.script();
    script.on("stubborn", (_job, signal) => {
      return new Promise<TaskOutcome>((resolve) => {
        signal.addEventListener("abort", () => resolve(ran("failed")), { once: true });
      });
    });
    const pair = await ctx.startPair(1, script);
    const started = ctx.startedTask(pair, "stubborn");
    await pair.executor.enqueue([ctx.job("stubborn")]);
    await started;
    const done = ctx.finished(pair, 1);
    const begin = performance.now();
    await within(pair.worker.close({ graceMs: 100 }), "close");
    expect(performance.now() - begin).toBeGreaterThanOrEqual(90);
    const [event] = await done;
    expect(event?.aborted).toBe(true);
    const signal = script.signals.get(taskJobId(ctx.job("stubborn")));
    expect(signal?.reason).toMatchObject({ code: "WORKER_SHUTDOWN" });
  });

  test("close starts no new job", async () => {
    const script = ctx.script();
    const blocker = script.gate("blocker");
    const pair = await ctx.startPair(1, script);
    const started = ctx.startedTask(pair, "blocker");
    await pair.executor.enqueue([ctx.job("blocker"), ctx.job("waiting")]);
    await started;
    const closing = pair.worker.close({ graceMs: 10_000 });
    blocker.resolve();
    await within(closing, "close");
    expect(script.started).toEqual(["blocker"]);
  });
}
