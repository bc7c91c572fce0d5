// What stops a running try: the worker's shutdown signal, the task's execution timeout
// (AirflowTaskTimeout) and a refused heartbeat (the try was cleared or failed as a zombie). One
// AbortSignal carries whichever fires first; `raceAbort` ends the try on it even when the task
// ignores the signal.
import { AirflowTaskTimeout } from "@updraft/sdk";

/** The abort reason when a heartbeat was refused: the try is no longer this worker's. */
export class TryLostError extends Error {
  override readonly name = "TryLostError";
}

/** Options of guardTry. */
export interface TryGuardOptions {
  readonly workerSignal: AbortSignal;
  readonly heartbeat: () => Promise<boolean>;
  readonly heartbeatIntervalMs: number;
  /** A heartbeat that threw (the database is unreachable); the try goes on. */
  readonly onHeartbeatError: (error: unknown) => void;
}

/** The running try's abort signal and its timers. */
export interface TryGuard {
  readonly signal: AbortSignal;
  /** True once a heartbeat was refused. */
  readonly lost: boolean;
  /** Arms the execution timeout (from now). */
  startTimeout(timeoutMs: number | null): void;
  /** Stops the timers and waits for a heartbeat in flight. */
  dispose(): Promise<void>;
}

/** Starts heartbeating and watching the worker's signal. */
export function guardTry(options: TryGuardOptions): TryGuard {
  const controller = new AbortController();
  let lost = false;
  let disposed = false;
  let inFlight: Promise<void> | null = null;
  let timeout: NodeJS.Timeout | null = null;
  const onWorkerAbort = (): void => controller.abort(options.workerSignal.reason);
  if (options.workerSignal.aborted) onWorkerAbort();
  else options.workerSignal.addEventListener("abort", onWorkerAbort, { once: true });
  const beat = async (): Promise<void> => {
    try {
      const alive = await options.heartbeat();
      if (!alive && !disposed) {
        lost = true;
        controller.abort(new TryLostError("the try is no longer running (cleared or zombie)"));
      }
    } catch (error) {
      options.onHeartbeatError(error);
    } finally {
      inFlight = null;
    }
  };
  const interval = setInterval(() => {
    if (inFlight === null && !disposed) inFlight = beat();
  }, options.heartbeatIntervalMs);
  interval.unref();
  return {
    signal: controller.signal,
    get lost() {
      return lost;
    },
    startTimeout(timeoutMs) {
      if (timeoutMs === null) return;
      timeout = setTimeout(
        () =>
          controller.abort(
            new AirflowTaskTimeout(`Timeout after ${timeoutMs} ms, PID: ${process.pid}`),
          ),
        timeoutMs,
      );
      timeout.unref();
    },
    async dispose() {
      disposed = true;
      clearInterval(interval);
      if (timeout !== null) clearTimeout(timeout);
      options.workerSignal.removeEventListener("abort", onWorkerAbort);
      await inFlight;
    },
  };
}

/** Settles like `work`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  // The loser of the race must not surface as an unhandled rejection.
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        // User code may throw anything; it is passed on unchanged.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error);
      },
    );
  });
}
