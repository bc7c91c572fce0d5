// The executor contract against the in-process LocalExecutor (standalone mode), plus what is
// specific to it.
import { LocalExecutor } from "../src";
import { describeExecutorContract } from "./contract/executor.contract";
import { makeJob } from "./support/jobs";
import { collectEvents } from "./support/waiting";

describe("LocalExecutor", () => {
  describeExecutorContract({
    create: async ({ concurrency }) => {
      const local = new LocalExecutor({ concurrency });
      return Promise.resolve({ executor: local, worker: local });
    },
  });

  test("discards jobs still pending at close; the scheduler re-enqueues them", async () => {
    const local = new LocalExecutor({ concurrency: 1 });
    await local.enqueue([makeJob({ taskId: "never" })]);
    await local.close();
    const fresh = new LocalExecutor({ concurrency: 1 });
    const done = collectEvents(fresh.events, "jobFinished", 1);
    await fresh.enqueue([makeJob({ taskId: "never" })]);
    await fresh.start(async () => ({ kind: "dropped", reason: "not queued" }));
    const [event] = await done;
    expect(event?.result).toEqual({
      status: "returned",
      outcome: { kind: "dropped", reason: "not queued" },
    });
    await fresh.close();
  });

  test("rejects bad options, naming the option", async () => {
    expect(() => new LocalExecutor({ concurrency: 0 })).toThrow(
      "LocalExecutor options: concurrency: expected an integer >= 1, got 0",
    );
    const local = new LocalExecutor();
    await expect(local.close({ graceMs: -1 })).rejects.toThrow(
      "close options: graceMs: expected a finite number of milliseconds >= 0, got -1",
    );
    await local.close();
  });
});
