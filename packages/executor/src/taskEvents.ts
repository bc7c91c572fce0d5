// Typed notifications from a worker (started, finished, rejected, transport errors) for tests,
// metrics and logs. Listeners run synchronously; one that throws is reported on `error` and never
// affects the job.
import type { TaskOutcome } from "./executor";
import type { TaskJob } from "./jobCatalog";

/** A runner was invoked for a job. */
export interface JobStartedEvent {
  readonly job: TaskJob;
  readonly jobId: string;
}

/** A runner returned or threw. */
export interface JobFinishedEvent {
  readonly job: TaskJob;
  readonly jobId: string;
  readonly durationMs: number;
  /** True when the worker aborted the runner's signal (shutdown past the grace period). */
  readonly aborted: boolean;
  readonly result:
    | { readonly status: "returned"; readonly outcome: TaskOutcome }
    | { readonly status: "threw"; readonly error: unknown };
}

/** A dequeued payload failed catalog validation; the job is failed without running. */
export interface JobRejectedEvent {
  readonly jobId: string;
  readonly error: Error;
}

/** (BullMQ only) A job whose worker stopped renewing its lock went back to its queue. */
export interface JobStalledEvent {
  readonly jobId: string;
  readonly queue: string;
}

/** The events a worker emits, by name. */
export interface TaskEventMap {
  jobStarted: JobStartedEvent;
  jobFinished: JobFinishedEvent;
  jobRejected: JobRejectedEvent;
  jobStalled: JobStalledEvent;
  /** Transport or listener errors; the worker keeps running. */
  error: Error;
}

type Listener<K extends keyof TaskEventMap> = (event: TaskEventMap[K]) => void;

/** A small typed event emitter; `on` returns the function that removes the listener. */
export class TaskEvents {
  readonly #listeners = new Map<keyof TaskEventMap, Set<(event: never) => void>>();

  /** Adds a listener; call the returned function to remove it. */
  on<K extends keyof TaskEventMap>(name: K, listener: Listener<K>): () => void {
    const set = this.#listeners.get(name) ?? new Set();
    set.add(listener);
    this.#listeners.set(name, set);
    return () => void set.delete(listener);
  }

  /** Calls every listener of `name` with `event`; listener errors are re-emitted on `error`. */
  emit<K extends keyof TaskEventMap>(name: K, event: TaskEventMap[K]): void {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) {
      try {
        (listener as Listener<K>)(event);
      } catch (error) {
        if (name !== "error") this.emit("error", toError(error));
      }
    }
  }
}

/** Wraps a thrown non-Error so it can travel on the `error` event. */
export function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
