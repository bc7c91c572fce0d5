// The executor port: how the scheduler hands task-instance tries to workers (the producer side,
// `Executor`) and how a worker runs them (the consumer side, `TaskWorker` + `TaskRunner`).
//
// Delivery is at least once. A try can reach a runner twice: a worker that stalls (blocked event
// loop, lost lock) or dies after claiming has its job re-delivered, and the scheduler re-enqueues
// from the database after Redis loses data. That is safe because the runner's first step (in the
// store) is a compare-and-set `queued -> running` on (task instance, try_number): the second
// delivery finds the row no longer `queued` for that try and is dropped. Executors therefore pass
// each job through untouched (same key, same tryNumber) so that guard can do its work, and they
// never retry a job themselves: retries are new tries, decided by the scheduler.
import type { TaskInstanceState } from "@updraft/sdk";
import type { TaskJob } from "./jobCatalog";
import type { TaskEvents } from "./taskEvents";

/** What a runner reports back for one delivery of a try. */
export type TaskOutcome =
  /** The try ran and reached this state (`success`, `failed`, `up_for_retry`, `skipped` …). */
  | { readonly kind: "ran"; readonly state: TaskInstanceState }
  /** The store guard refused the delivery (a duplicate, or a try that is no longer queued). */
  | { readonly kind: "dropped"; readonly reason: string };

/**
 * Runs one try. The worker passes an AbortSignal that fires when it shuts down past its grace
 * period; the runner must stop promptly and record the try's end itself. A thrown error is
 * reported as a `jobFinished` event with `status: "threw"` and never stops the worker.
 */
export type TaskRunner = (job: TaskJob, signal: AbortSignal) => Promise<TaskOutcome>;

/** The producer side, used by the scheduler after it marked tries `queued`. */
export interface Executor {
  /**
   * Validates every job against the catalog (all or nothing: a malformed job rejects the whole
   * batch with `INVALID_TASK_JOB` before anything is sent), then hands the jobs on. A job whose
   * id (`taskJobId`) is already pending or running is not added again.
   */
  enqueue(jobs: readonly TaskJob[]): Promise<void>;
  /** Releases the executor's resources; `enqueue` afterwards rejects with `EXECUTOR_CLOSED`. */
  close(): Promise<void>;
}

/** How a worker stops. */
export interface WorkerCloseOptions {
  /**
   * How long running tries may take to finish after `close` is called; past it their signals
   * are aborted (reason: an `ExecutorError` with code `WORKER_SHUTDOWN`) and `close` waits for
   * the runners to return. No new job starts once `close` is called.
   * @default 30000
   */
  readonly graceMs?: number;
}

/** The default grace period of `TaskWorker.close`. */
export const DEFAULT_GRACE_MS = 30_000;

/** The consumer side: takes jobs, runs them with a `TaskRunner`, at most `concurrency` at once. */
export interface TaskWorker {
  /** Started/finished/rejected notifications, for tests, metrics and logs. */
  readonly events: TaskEvents;
  /** Begins consuming with `runner`; rejects with `WORKER_STATE` if started twice or closed. */
  start(runner: TaskRunner): Promise<void>;
  /** Stops taking jobs, waits for running ones up to `graceMs`, then aborts them. */
  close(options?: WorkerCloseOptions): Promise<void>;
}
