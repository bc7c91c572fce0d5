// Options of the BullMQ worker (`updraft worker --concurrency N --queues default,etl`).
import { z } from "zod";
import { compileOptions } from "../compileOptions";
import { redisOptionFields } from "./redisConnection";

/** Options of `BullMqWorker`. */
export interface BullMqWorkerOptions {
  /**
   * The Redis server.
   * @default "redis://127.0.0.1:6379"
   */
  readonly redisUrl?: string;
  /**
   * Key namespace; must match the producer's.
   * @default "updraft"
   */
  readonly prefix?: string;
  /**
   * The Airflow queues this worker consumes (Celery's `--queues`).
   * @default ["default"]
   */
  readonly queues?: readonly string[];
  /**
   * How many tries run at once in this worker, over all its queues together (Celery's
   * `--concurrency`, Airflow's `celery.worker_concurrency`).
   * @default 16
   */
  readonly concurrency?: number;
  /**
   * How long a claimed job's lock lives; the worker renews it every half of this while the try
   * runs. A worker that cannot renew in time (dead, or its event loop blocked) loses the job.
   * @default 30000
   */
  readonly lockDurationMs?: number;
  /**
   * How often this worker looks for stalled jobs: jobs active without a live lock, whose worker
   * died or was blocked. A stalled job goes back to its queue and is delivered again.
   * @default 30000
   */
  readonly stalledIntervalMs?: number;
  /**
   * How many times a job may stall and be re-delivered before BullMQ fails it (and, with
   * remove-on-fail, deletes it; the scheduler then re-enqueues the try from the database).
   * @default 1
   */
  readonly maxStalledCount?: number;
}

/** `BullMqWorkerOptions` with every default applied. */
export type CompiledBullMqWorkerOptions = Readonly<Required<BullMqWorkerOptions>>;

const positiveMs = (fallback: number) =>
  z
    .int({ error: "expected an integer number of milliseconds >= 1" })
    .min(1, { error: "expected an integer number of milliseconds >= 1" })
    .default(fallback);

const schema = z.strictObject({
  ...redisOptionFields,
  queues: z
    .array(
      z
        .string({ error: "expected a queue name" })
        .regex(/^[^:\s]+$/, { error: "expected a non-empty queue name without ':' or spaces" }),
      { error: "expected an array of queue names" },
    )
    .min(1, { error: "expected at least one queue" })
    .refine((queues) => new Set(queues).size === queues.length, {
      error: "expected each queue once",
    })
    .default(["default"]),
  concurrency: z
    .int({ error: "expected an integer >= 1" })
    .min(1, { error: "expected an integer >= 1" })
    .default(16),
  lockDurationMs: positiveMs(30_000),
  stalledIntervalMs: positiveMs(30_000),
  maxStalledCount: z
    .int({ error: "expected an integer >= 0" })
    .min(0, { error: "expected an integer >= 0" })
    .default(1),
});

/** Applies the defaults, checks every option and freezes the result (queues included). */
export function compileBullMqWorkerOptions(
  options: BullMqWorkerOptions = {},
): CompiledBullMqWorkerOptions {
  const compiled = compileOptions("BullMqWorker", schema, options);
  return Object.freeze({ ...compiled, queues: Object.freeze([...compiled.queues]) });
}
