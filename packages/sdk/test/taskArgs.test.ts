import { compileTaskArgs, dag, EmptyOperator } from "../src";

describe("task args", () => {
  test("defaults are Airflow's", () => {
    const a = compileTaskArgs({});
    expect(a).toMatchObject({
      owner: "airflow",
      retries: 0,
      retryDelayMs: 300_000,
      retryExponentialBackoff: 0,
      maxRetryDelayMs: null,
      executionTimeoutMs: null,
      triggerRule: "all_success",
      dependsOnPast: false,
      waitForDownstream: false,
      pool: "default_pool",
      poolSlots: 1,
      priorityWeight: 1,
      weightRule: "downstream",
      queue: "default",
      email: [],
      emailOnFailure: true,
      emailOnRetry: true,
      doXcomPush: true,
    });
  });

  test("task args override the DAG's defaultArgs", () => {
    const d = dag(
      { dagId: "defaults", defaultArgs: { retries: 3, retryDelay: "1m", queue: "etl" } },
      () => {
        new EmptyOperator({ taskId: "a" });
        new EmptyOperator({ taskId: "b", retries: 0 });
      },
    );
    expect(d.task("a").args).toMatchObject({ retries: 3, retryDelayMs: 60_000, queue: "etl" });
    expect(d.task("b").args.retries).toBe(0);
  });

  test.each([
    [{ retryExponentialBackoff: true }, { retryExponentialBackoff: 2 }],
    [{ retryExponentialBackoff: false }, { retryExponentialBackoff: 0 }],
    [{ waitForDownstream: true }, { dependsOnPast: true, waitForDownstream: true }],
    [{ email: "a@x.io, b@x.io" }, { email: ["a@x.io", "b@x.io"] }],
    [{ executionTimeout: { minutes: 90 } }, { executionTimeoutMs: 5_400_000 }],
    [{ maxRetryDelay: "1h" }, { maxRetryDelayMs: 3_600_000 }],
  ])("%j compiles to %j", (args, expected) => {
    expect(compileTaskArgs(args)).toMatchObject(expected);
  });

  test.each([
    [{ retries: 1.5 }, "task.retries: expected an integer >= 0, got 1.5"],
    [
      { triggerRule: "all_sucess" },
      'task.triggerRule: expected one of Airflow\'s trigger rules (e.g. all_success), got "all_sucess"',
    ],
    [
      { weightRule: "heaviest" },
      'task.weightRule: expected downstream, upstream or absolute, got "heaviest"',
    ],
    [{ poolSlots: 0 }, "task.poolSlots: expected an integer >= 1, got 0"],
    [{ pool: "" }, 'task.pool: expected a non-empty string, got ""'],
    [{ retryDelay: "5 minutes" }, 'task.retryDelay: expected a duration such as "30s"'],
    [
      { email: ["not-an-address"] },
      'task.email: expected email addresses like ops@example.com, got "not-an-address"',
    ],
    [
      { onFailure: "page me" },
      'task.onFailure: expected a function or an object with notify(context), got "page me"',
    ],
  ])("%j is rejected: %s", (args, message) => {
    expect(() => compileTaskArgs(args as never)).toThrow(message);
  });

  test("errors name the task", () => {
    expect(() =>
      dag({ dagId: "named" }, () => new EmptyOperator({ taskId: "load", retries: -2 })),
    ).toThrow('task "load".retries: expected an integer >= 0, got -2');
  });
});
