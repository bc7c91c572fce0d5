// Standalone mode's executor: an in-process priority queue feeding a pool of concurrent runners,
// no Redis. It is the producer and the consumer in one object, with the same TaskRunner, the
// same idempotency and the same graceful stop as the BullMQ adapter.
import type { Executor, TaskRunner, TaskWorker, WorkerCloseOptions } from "../executor";
import { ExecutorError } from "../executorError";
import { invokeRunner } from "../invokeRunner";
import { parseTaskJobs, type TaskJob } from "../jobCatalog";
import { resolveGraceMs, settleWithGrace, shutdownReason } from "../settleWithGrace";
import { TaskEvents } from "../taskEvents";
import { taskJobId } from "../taskJobId";
import {
  type CompiledLocalExecutorOptions,
  compileLocalExecutorOptions,
  type LocalExecutorOptions,
} from "./localExecutorOptions";
import { PriorityHeap } from "./priorityHeap";

interface PendingJob {
  readonly job: TaskJob;
  readonly jobId: string;
}

type State = "created" | "started" | "closing" | "closed";

/**
 * Runs tries in this process, at most `concurrency` at once, highest `priorityWeight` first
 * (FIFO among equals; a missing weight counts as Airflow's default 1). A job whose id is pending
 * or running is not added twice; once it has finished, the same id may be enqueued and run again
 * (dropping that is the store guard's job, as with BullMQ). Jobs still pending at `close` are
 * discarded: the database is the truth, and the scheduler re-enqueues them on its next start.
 */
export class LocalExecutor implements Executor, TaskWorker {
  /** Started/finished notifications. */
  readonly events = new TaskEvents();
  /** The compiled options. */
  readonly options: CompiledLocalExecutorOptions;
  readonly #pending = new PriorityHeap<PendingJob>();
  readonly #known = new Set<string>();
  readonly #running = new Map<AbortController, Promise<void>>();
  #runner: TaskRunner | undefined;
  #state: State = "created";
  #closing: Promise<void> | undefined;

  /** Creates an idle executor; jobs enqueued before `start` wait for it. */
  constructor(options: LocalExecutorOptions = {}) {
    this.options = compileLocalExecutorOptions(options);
  }

  /** Jobs enqueued and not yet running (the executor's queued tasks, for metrics). */
  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Validates the batch (all or nothing), then queues the jobs not already pending or running. */
  enqueue(jobs: readonly TaskJob[]): Promise<void> {
    // The Promise constructor turns a synchronous throw (a malformed job) into a rejection.
    return new Promise((resolve) => {
      if (this.#state === "closing" || this.#state === "closed") {
        throw new ExecutorError("EXECUTOR_CLOSED", "LocalExecutor: enqueue after close");
      }
      for (const job of parseTaskJobs(jobs)) {
        const jobId = taskJobId(job);
        if (this.#known.has(jobId)) continue;
        this.#known.add(jobId);
        this.#pending.push({ job, jobId }, job.priorityWeight ?? 1);
      }
      this.#pump();
      resolve();
    });
  }

  /** Begins running queued jobs with `runner`. */
  start(runner: TaskRunner): Promise<void> {
    return new Promise((resolve) => {
      if (this.#state !== "created") {
        throw new ExecutorError("WORKER_STATE", `LocalExecutor: start when ${this.#state}`);
      }
      this.#runner = runner;
      this.#state = "started";
      this.#pump();
      resolve();
    });
  }

  /** Discards pending jobs, waits for running ones up to `graceMs`, then aborts them. */
  async close(options: WorkerCloseOptions = {}): Promise<void> {
    const graceMs = resolveGraceMs(options); // a bad value rejects before anything stops
    this.#closing ??= this.#close(graceMs);
    return await this.#closing;
  }

  async #close(graceMs: number): Promise<void> {
    this.#state = "closing";
    for (const { jobId } of this.#pending.drain()) this.#known.delete(jobId);
    const settled = Promise.all(this.#running.values());
    await settleWithGrace(settled, graceMs, () => {
      for (const controller of this.#running.keys()) controller.abort(shutdownReason(graceMs));
    });
    this.#state = "closed";
  }

  #pump(): void {
    const runner = this.#runner;
    while (
      runner !== undefined &&
      this.#state === "started" &&
      this.#running.size < this.options.concurrency
    ) {
      const next = this.#pending.pop();
      if (next === undefined) return;
      this.#launch(next, runner);
    }
  }

  #launch({ job, jobId }: PendingJob, runner: TaskRunner): void {
    const controller = new AbortController();
    const invocation = { job, jobId, runner, signal: controller.signal, events: this.events };
    const done = invokeRunner(invocation)
      .then(
        () => undefined,
        () => undefined, // reported on the jobFinished event; a failing runner never stops the pool
      )
      .finally(() => {
        this.#running.delete(controller);
        this.#known.delete(jobId);
        this.#pump();
      });
    this.#running.set(controller, done);
  }
}
