// The executor's error: UpdraftError with a stable code, so the scheduler, the CLI and tests match
// on `code` (errors cross processes and Redis, so `instanceof` alone is never enough).
import { UpdraftError } from "@updraft/sdk";

/** Stable codes of errors raised by the executor package. */
export type ExecutorErrorCode =
  /** A queue payload does not match the job catalog (the message names the path). */
  | "INVALID_TASK_JOB"
  /** Executor or worker options are invalid (the message names the option). */
  | "INVALID_OPTIONS"
  /** `enqueue` was called after `close`. */
  | "EXECUTOR_CLOSED"
  /** `start` was called twice, or after `close`. */
  | "WORKER_STATE"
  /** The reason a runner's AbortSignal fires: the worker is shutting down past its grace period. */
  | "WORKER_SHUTDOWN";

/** An error raised by the executor; match it by `code`. */
export class ExecutorError extends UpdraftError<ExecutorErrorCode> {}
