// The BullMQ consumer behind `updraft worker --concurrency N --queues default,etl`: one BullMQ
// worker per queue, all drawing from one pool of N slots, each job validated on dequeue and run
// by the TaskRunner with an AbortSignal.
//
// Stalls: a claimed job holds a lock renewed every lockDurationMs / 2. If its worker dies or its
// event loop stays blocked past the lock, another worker's stalled check (every
// stalledIntervalMs) puts the job back on its queue and it is delivered again, up to
// maxStalledCount times, after which BullMQ fails and deletes it. A re-delivery whose first
// attempt already reached the store's `queued -> running` compare-and-set is dropped by that
// guard (the scheduler's zombie detection then deals with the dead attempt); one whose first
// worker died before that step runs normally. So a stall never runs a try twice at once.
import type { Processor } from "bullmq";
import type { Redis } from "ioredis";
import type { TaskOutcome, TaskRunner, TaskWorker, WorkerCloseOptions } from "../executor";
import { ExecutorError } from "../executorError";
import { invokeRunner } from "../invokeRunner";
import { parseTaskJob, type TaskJob } from "../jobCatalog";
import { resolveGraceMs, settleWithGrace, shutdownReason } from "../settleWithGrace";
import { TaskEvents, toError } from "../taskEvents";
import {
  type BullMqWorkerOptions,
  type CompiledBullMqWorkerOptions,
  compileBullMqWorkerOptions,
} from "./bullMqWorkerOptions";
import { GatedWorker, type TaskBullJob } from "./gatedWorker";
import { createRedisConnection } from "./redisConnection";
import { SlotPool } from "./slotPool";

type State = "created" | "started" | "closing" | "closed";

/** Consumes `run_task` jobs from BullMQ queues; see the file header for delivery guarantees. */
export class BullMqWorker implements TaskWorker {
  /** Started/finished/rejected/stalled notifications and transport errors. */
  readonly events = new TaskEvents();
  /** The compiled options. */
  readonly options: CompiledBullMqWorkerOptions;
  readonly #slots: SlotPool;
  readonly #controllers = new Set<AbortController>();
  #connection: Redis | undefined;
  #workers: GatedWorker[] = [];
  #runs: Promise<void>[] = [];
  #state: State = "created";
  #closing: Promise<void> | undefined;

  /** Compiles the options; nothing connects before `start`. */
  constructor(options: BullMqWorkerOptions = {}) {
    this.options = compileBullMqWorkerOptions(options);
    this.#slots = new SlotPool(this.options.concurrency);
  }

  /**
   * Connects and begins consuming every queue; resolves once the connections are ready (while
   * Redis is unreachable it keeps retrying, as a worker should, and does not resolve).
   */
  async start(runner: TaskRunner): Promise<void> {
    if (this.#state !== "created") {
      throw new ExecutorError("WORKER_STATE", `BullMqWorker: start when ${this.#state}`);
    }
    this.#state = "started";
    const { redisUrl, prefix } = this.options;
    const connection = createRedisConnection(redisUrl, prefix, "worker");
    connection.on("error", (error: Error) => this.events.emit("error", error));
    this.#connection = connection;
    const processor = this.#processor(runner);
    this.#workers = this.options.queues.map((queue) => this.#createWorker(queue, processor));
    await Promise.all(this.#workers.map((worker) => worker.waitUntilReady()));
    this.#runs = this.#workers.map((worker) =>
      worker.run().catch((error: unknown) => this.events.emit("error", toError(error))),
    );
  }

  /** Stops claiming, waits for running tries up to `graceMs`, aborts them, then disconnects. */
  async close(options: WorkerCloseOptions = {}): Promise<void> {
    const graceMs = resolveGraceMs(options); // a bad value rejects before anything stops
    this.#closing ??= this.#close(graceMs);
    return await this.#closing;
  }

  /**
   * Stops at once, as a crash would: locks are no longer renewed and running jobs are neither
   * completed nor failed in Redis, so after the lock expires another worker's stalled check
   * re-delivers them. Runners' signals are aborted so nothing keeps running in this process.
   * For tests and crash drills; use `close` to shut down.
   */
  abandon(): Promise<void> {
    this.#closing ??= this.#abandon();
    return this.#closing;
  }

  #createWorker(queue: string, processor: Processor<unknown, TaskOutcome>): GatedWorker {
    const { prefix, concurrency, lockDurationMs, stalledIntervalMs, maxStalledCount } =
      this.options;
    const worker = new GatedWorker(
      queue,
      processor,
      {
        connection: this.#connection as Redis,
        prefix,
        concurrency,
        lockDuration: lockDurationMs,
        stalledInterval: stalledIntervalMs,
        maxStalledCount,
      },
      this.options.queues.length === 1 ? null : this.#slots,
    );
    worker.on("error", (error) => this.events.emit("error", error));
    worker.on("stalled", (jobId) => this.events.emit("jobStalled", { jobId, queue }));
    return worker;
  }

  #processor(runner: TaskRunner): Processor<unknown, TaskOutcome> {
    return async (bullJob: TaskBullJob) => {
      const jobId = bullJob.id ?? "";
      let job: TaskJob;
      try {
        job = parseTaskJob(bullJob.data);
      } catch (error) {
        this.events.emit("jobRejected", { jobId, error: toError(error) });
        throw error;
      }
      const controller = new AbortController();
      this.#controllers.add(controller);
      try {
        return await invokeRunner({
          job,
          jobId,
          runner,
          signal: controller.signal,
          events: this.events,
        });
      } finally {
        this.#controllers.delete(controller);
      }
    };
  }

  #abortAll(reason: ExecutorError): void {
    for (const controller of this.#controllers) controller.abort(reason);
  }

  async #close(graceMs: number): Promise<void> {
    const started = this.#state === "started";
    this.#state = "closing";
    if (started) {
      // worker.close() marks each worker closing at once (no new claims), then waits for its jobs.
      const closed = Promise.all(this.#workers.map((worker) => worker.close()));
      this.#slots.close();
      await settleWithGrace(closed, graceMs, () => this.#abortAll(shutdownReason(graceMs)));
      await Promise.all(this.#runs);
      await this.#connection?.quit();
    }
    this.#state = "closed";
  }

  async #abandon(): Promise<void> {
    const started = this.#state === "started";
    this.#state = "closing";
    if (started) {
      // Close first (forced: no waiting), so the aborted runners' failures never reach Redis.
      await Promise.all(this.#workers.map((worker) => worker.close(true)));
      this.#slots.close();
      this.#abortAll(
        new ExecutorError("WORKER_SHUTDOWN", "worker abandoned: its jobs will be re-delivered"),
      );
      await Promise.all(this.#runs);
      this.#connection?.disconnect();
    }
    this.#state = "closed";
  }
}
