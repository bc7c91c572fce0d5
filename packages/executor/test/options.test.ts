// Options: defaults applied and frozen; a bad value names the option, the value and the form.
import {
  compileBullMqExecutorOptions,
  compileBullMqWorkerOptions,
  compileLocalExecutorOptions,
} from "../src";

describe("compile*Options", () => {
  test("apply the documented defaults and freeze the result", () => {
    const worker = compileBullMqWorkerOptions();
    expect(worker).toEqual({
      redisUrl: "redis://127.0.0.1:6379",
      prefix: "updraft",
      queues: ["default"],
      concurrency: 16,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      maxStalledCount: 1,
    });
    expect(Object.isFrozen(worker)).toBe(true);
    expect(Object.isFrozen(worker.queues)).toBe(true);
    expect(compileBullMqExecutorOptions()).toEqual({
      redisUrl: "redis://127.0.0.1:6379",
      prefix: "updraft",
    });
    expect(compileLocalExecutorOptions()).toEqual({ concurrency: 32 });
  });

  test.each<[string, () => unknown, string]>([
    [
      "a non-Redis URL",
      () => compileBullMqExecutorOptions({ redisUrl: "http://localhost" }),
      'BullMqExecutor options: redisUrl: expected a redis:// or rediss:// URL, got "http://localhost"',
    ],
    [
      "an empty prefix",
      () => compileBullMqWorkerOptions({ prefix: "" }),
      'BullMqWorker options: prefix: expected a non-empty key prefix, got ""',
    ],
    [
      "no queues",
      () => compileBullMqWorkerOptions({ queues: [] }),
      "BullMqWorker options: queues: expected at least one queue, got []",
    ],
    [
      "a fractional concurrency",
      () => compileBullMqWorkerOptions({ concurrency: 2.5 }),
      "concurrency: expected an integer >= 1, got 2.5",
    ],
    [
      "a negative maxStalledCount",
      () => compileBullMqWorkerOptions({ maxStalledCount: -1 }),
      "maxStalledCount: expected an integer >= 0, got -1",
    ],
    [
      "an unknown option",
      () => compileLocalExecutorOptions({ parallelism: 4 } as never),
      "LocalExecutor options: (root): Unrecognized key",
    ],
  ])("reject %s", (_case, compile, message) => {
    expect(compile).toThrow(message);
  });
});
