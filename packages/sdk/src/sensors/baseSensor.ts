// Sensors: tasks that wait for a condition by poking it every `pokeInterval` until it holds or
// `timeout` passes. In poke mode the try sleeps between pokes; in reschedule mode it gives its
// slot back and the task instance goes up_for_reschedule (try number unchanged), as in Airflow.
import { createHash } from "node:crypto";
import type { TaskContext } from "../context";
import { type Duration, toMilliseconds } from "../duration";
import {
  AirflowFailException,
  AirflowRescheduleException,
  AirflowSensorTimeout,
  AirflowSkipException,
  DagDefinitionError,
  hasErrorCode,
} from "../errors";
import { BaseOperator, type OperatorOptions } from "../operator";

/** What poke() may return: done or not, optionally with a value to push to XCom. */
export type PokeResult = boolean | { readonly isDone: boolean; readonly xcomValue?: unknown };

/** Sensor settings, with Airflow's defaults. */
export interface SensorOptions {
  /** @default "60s" */
  pokeInterval?: Duration;
  /** Measured from the first poke, across reschedules. @default 7 days */
  timeout?: Duration;
  /** "poke" holds the worker slot and sleeps; "reschedule" frees it between pokes. @default "poke" */
  mode?: "poke" | "reschedule";
  /** On timeout or failure, mark the task skipped instead of failed. @default false */
  softFail?: boolean;
  /** Any error while poking skips the task instead of failing it. @default false */
  neverFail?: boolean;
  /** Grow the interval between pokes exponentially (with deterministic jitter). @default false */
  exponentialBackoff?: boolean;
  /** Cap on the interval when backing off. @default null */
  maxWait?: Duration | null;
}

/** Options of a class-based sensor. */
export interface BaseSensorOptions extends OperatorOptions, SensorOptions {}

/** Sensor settings after defaults and unit conversion. */
export interface ResolvedSensorOptions {
  readonly pokeIntervalMs: number;
  readonly timeoutMs: number;
  readonly mode: "poke" | "reschedule";
  readonly softFail: boolean;
  readonly neverFail: boolean;
  readonly exponentialBackoff: boolean;
  readonly maxWaitMs: number | null;
}

/** Applies defaults and checks sensor options; errors name `<field>`. */
export function compileSensorOptions(options: SensorOptions, field: string): ResolvedSensorOptions {
  const mode = options.mode ?? "poke";
  if (mode !== "poke" && mode !== "reschedule")
    throw new DagDefinitionError(
      "INVALID_ARGUMENT",
      `${field}.mode: expected "poke" or "reschedule", got ${JSON.stringify(mode)}`,
    );
  if (options.softFail && options.neverFail)
    throw new DagDefinitionError(
      "INVALID_ARGUMENT",
      `${field}: softFail and neverFail cannot both be set`,
    );
  return Object.freeze({
    pokeIntervalMs: toMilliseconds(options.pokeInterval ?? 60, `${field}.pokeInterval`),
    timeoutMs: toMilliseconds(options.timeout ?? 604_800, `${field}.timeout`),
    mode,
    softFail: options.softFail ?? false,
    neverFail: options.neverFail ?? false,
    exponentialBackoff: options.exponentialBackoff ?? false,
    maxWaitMs: options.maxWait == null ? null : toMilliseconds(options.maxWait, `${field}.maxWait`),
  });
}

/**
 * The wait before poke number `pokeNumber + 1` (Airflow's `_get_next_poke_interval`): the
 * poke interval, or with backoff `min_backoff + sha1(...) % min_backoff` seconds, capped by the
 * time left before the timeout and by maxWait.
 */
export function nextPokeIntervalMs(
  sensor: { dagId: string; taskId: string; options: ResolvedSensorOptions },
  startedAt: Date,
  pokeNumber: number,
  elapsedMs: number,
): number {
  const o = sensor.options;
  if (!o.exponentialBackoff) return o.pokeIntervalMs;
  const minBackoff = Math.max(Math.floor((o.pokeIntervalMs / 1000) * 2 ** (pokeNumber - 2)), 1);
  const digest = createHash("sha1")
    .update(`${sensor.dagId}#${sensor.taskId}#${startedAt.toISOString()}#${pokeNumber}`)
    .digest("hex");
  const seconds = minBackoff + Number(BigInt(`0x${digest}`) % BigInt(minBackoff));
  let interval = Math.min(seconds * 1000, Math.max(o.timeoutMs - elapsedMs, 0));
  if (o.maxWaitMs !== null) interval = Math.min(interval, o.maxWaitMs);
  return interval;
}

/** Runs the poke loop of `sensor` for one try. Shared by class-based and TaskFlow sensors. */
export async function runSensor(
  sensor: { dagId: string; taskId: string; options: ResolvedSensorOptions },
  context: TaskContext,
  poke: () => Promise<PokeResult>,
): Promise<unknown> {
  const o = sensor.options;
  const startedAt = context.ti.firstRescheduleDate ?? context.runtime.now();
  try {
    for (let pokeNumber = 1; ; pokeNumber++) {
      const result = await poke();
      const done = typeof result === "boolean" ? result : result.isDone;
      if (done) return typeof result === "boolean" ? null : (result.xcomValue ?? null);
      const elapsed = context.runtime.now().getTime() - startedAt.getTime();
      if (elapsed > o.timeoutMs)
        throw new AirflowSensorTimeout(
          `Sensor has timed out; run duration of ${elapsed / 1000} seconds exceeds the specified timeout of ${o.timeoutMs / 1000}.`,
        );
      const wait = nextPokeIntervalMs(sensor, startedAt, pokeNumber, elapsed);
      if (o.mode === "reschedule")
        throw new AirflowRescheduleException(new Date(context.runtime.now().getTime() + wait));
      context.log.info(`Condition not met; poking again in ${wait / 1000} s`);
      await context.runtime.sleep(wait, context.signal);
    }
  } catch (error) {
    if (hasErrorCode(error, "RESCHEDULE") || hasErrorCode(error, "TASK_SKIPPED")) throw error;
    const timeoutOrFail =
      hasErrorCode(error, "SENSOR_TIMEOUT") ||
      hasErrorCode(error, "TASK_TIMEOUT") ||
      error instanceof AirflowFailException;
    if ((o.softFail && timeoutOrFail) || o.neverFail)
      throw new AirflowSkipException(
        `Skipping due to ${o.softFail ? "softFail" : "neverFail"}: ${(error as Error).message}`,
      );
    throw error;
  }
}

/** Subclass and implement poke (Airflow's BaseSensorOperator). */
export abstract class BaseSensorOperator extends BaseOperator<unknown> {
  static override readonly uiColor = "#e6f1f2";
  readonly sensor: ResolvedSensorOptions;

  constructor(options: BaseSensorOptions) {
    super(options);
    this.sensor = compileSensorOptions(options, `task "${this.taskId}"`);
  }

  /** Checks the condition once. */
  abstract poke(context: TaskContext): PokeResult | Promise<PokeResult>;

  override execute(context: TaskContext): Promise<unknown> {
    return runSensor(
      { dagId: this.dag.dagId, taskId: this.taskId, options: this.sensor },
      context,
      async () => this.poke(context),
    );
  }

  override serializeFields(): Record<string, unknown> {
    return { sensor: sensorJson(this.sensor) };
  }
}

/** The JSON form of sensor settings in a SerializedDag (seconds, as Airflow). */
export function sensorJson(o: ResolvedSensorOptions): Record<string, unknown> {
  return {
    poke_interval: o.pokeIntervalMs / 1000,
    timeout: o.timeoutMs / 1000,
    mode: o.mode,
    soft_fail: o.softFail,
    never_fail: o.neverFail,
    exponential_backoff: o.exponentialBackoff,
    max_wait: o.maxWaitMs === null ? null : o.maxWaitMs / 1000,
  };
}
