import {
  AirflowRescheduleException,
  BaseSensorOperator,
  dag,
  executeTask,
  hasErrorCode,
  nextPokeIntervalMs,
  task,
} from "../src";
import type { PokeResult, TaskContext } from "../src";
import { fakeTaskRun } from "../src/testing";

class CountdownSensor extends BaseSensorOperator {
  pokes = 0;
  constructor(
    options: ConstructorParameters<typeof BaseSensorOperator>[0],
    private readonly doneAfter: number,
  ) {
    super(options);
  }
  poke(_context: TaskContext): PokeResult {
    this.pokes += 1;
    return this.pokes >= this.doneAfter ? { isDone: true, xcomValue: this.pokes } : false;
  }
}

async function errorOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected an error");
}

describe("sensors", () => {
  test("poke mode sleeps pokeInterval between pokes and returns the xcom value", async () => {
    let sensor!: CountdownSensor;
    dag({ dagId: "poke" }, () => {
      sensor = new CountdownSensor({ taskId: "wait", pokeInterval: "30s" }, 3);
    });
    const run = fakeTaskRun();
    const { returnValue } = await executeTask(sensor, run.context("wait"));
    expect(returnValue).toBe(3);
    expect(run.sleeps).toEqual([30_000, 30_000]);
  });

  test("timeout fails with AirflowSensorTimeout (no retry)", async () => {
    let sensor!: CountdownSensor;
    dag({ dagId: "timeout" }, () => {
      sensor = new CountdownSensor({ taskId: "wait", pokeInterval: 60, timeout: "2m" }, 100);
    });
    const error = await errorOf(executeTask(sensor, fakeTaskRun().context("wait")));
    expect(error.code).toBe("SENSOR_TIMEOUT");
    expect(error.message).toContain("exceeds the specified timeout of 120");
  });

  test("softFail turns a timeout into a skip", async () => {
    let sensor!: CountdownSensor;
    dag({ dagId: "soft" }, () => {
      sensor = new CountdownSensor(
        { taskId: "wait", pokeInterval: 60, timeout: 60, softFail: true },
        100,
      );
    });
    const error = await errorOf(executeTask(sensor, fakeTaskRun().context("wait")));
    expect(hasErrorCode(error, "TASK_SKIPPED")).toBe(true);
  });

  test("reschedule mode gives the slot back with the next poke time", async () => {
    let sensor!: CountdownSensor;
    dag({ dagId: "reschedule" }, () => {
      sensor = new CountdownSensor({ taskId: "wait", pokeInterval: "5m", mode: "reschedule" }, 100);
    });
    const run = fakeTaskRun();
    const error = await errorOf(executeTask(sensor, run.context("wait")));
    expect(error).toBeInstanceOf(AirflowRescheduleException);
    expect((error as AirflowRescheduleException).rescheduleDate.toISOString()).toBe(
      "2026-01-01T00:05:00.000Z",
    );
  });

  test("in reschedule mode the timeout counts from the first poke, across reschedules", async () => {
    let sensor!: CountdownSensor;
    dag({ dagId: "reschedule_timeout" }, () => {
      sensor = new CountdownSensor(
        { taskId: "wait", pokeInterval: 60, timeout: 600, mode: "reschedule" },
        100,
      );
    });
    const run = fakeTaskRun({
      dagId: "reschedule_timeout",
      logicalDate: new Date("2026-01-01T00:11:00Z"),
    });
    const error = await errorOf(
      executeTask(
        sensor,
        run.context("wait", { firstRescheduleDate: new Date("2026-01-01T00:00:00Z") }),
      ),
    );
    expect(error.code).toBe("SENSOR_TIMEOUT");
  });

  test("exponential backoff grows the interval with deterministic jitter, capped by maxWait", () => {
    const options = {
      pokeIntervalMs: 10_000,
      timeoutMs: 3_600_000,
      mode: "poke" as const,
      softFail: false,
      neverFail: false,
      exponentialBackoff: true,
      maxWaitMs: 100_000,
    };
    const sensor = { dagId: "d", taskId: "t", options };
    const started = new Date("2026-01-01T00:00:00Z");
    const intervals = [1, 2, 3, 4, 5, 6].map((n) => nextPokeIntervalMs(sensor, started, n, 0));
    // min_backoff = max(int(10 * 2**(n-2)), 1) s → 5, 10, 20, 40, 80, 160; jitter adds [0, min).
    [5, 10, 20, 40, 80].forEach((min, i) => {
      expect(intervals[i]).toBeGreaterThanOrEqual(Math.min(min * 1000, 100_000));
      expect(intervals[i]).toBeLessThan(2 * min * 1000);
    });
    expect(intervals[5]).toBe(100_000);
    expect(nextPokeIntervalMs(sensor, started, 3, 0)).toBe(intervals[2]);
  });

  test("task.sensor pokes a TaskFlow function", async () => {
    let calls = 0;
    const d = dag({ dagId: "tf_sensor" }, () => {
      task.sensor("file_ready", () => ++calls >= 2, { pokeInterval: 1 })();
    });
    const run = fakeTaskRun();
    await executeTask(d.task("file_ready"), run.context("file_ready"));
    expect(calls).toBe(2);
    expect(d.task("file_ready").operatorName).toBe("@task.sensor");
  });

  test("bad sensor options are rejected with the field named", () => {
    expect(() =>
      dag(
        { dagId: "bad_sensor" },
        () => new CountdownSensor({ taskId: "s", mode: "sometimes" as "poke" }, 1),
      ),
    ).toThrow('task "s".mode: expected "poke" or "reschedule", got "sometimes"');
  });
});
