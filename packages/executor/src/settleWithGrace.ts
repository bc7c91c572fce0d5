// Graceful shutdown shared by the workers: wait for running tries up to a grace period, then
// abort them through their signals and wait for the runners to return.
import { DEFAULT_GRACE_MS, type WorkerCloseOptions } from "./executor";
import { ExecutorError } from "./executorError";

/** The grace period of a close call: `graceMs`, else the default; a bad value throws. */
export function resolveGraceMs(options: WorkerCloseOptions = {}): number {
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  if (!Number.isFinite(graceMs) || graceMs < 0) {
    throw new ExecutorError(
      "INVALID_OPTIONS",
      `close options: graceMs: expected a finite number of milliseconds >= 0, got ${graceMs}`,
    );
  }
  return graceMs;
}

/** The abort reason runners see when a worker shuts down past its grace period. */
export function shutdownReason(graceMs: number): ExecutorError {
  return new ExecutorError(
    "WORKER_SHUTDOWN",
    `worker shutting down: the try was still running after the ${graceMs} ms grace period`,
    { details: { graceMs } },
  );
}

/**
 * Resolves once `settled` does. If it has not settled within `graceMs`, calls `abort` first and
 * keeps waiting (runners must honour their signal).
 */
export async function settleWithGrace(
  settled: Promise<unknown>,
  graceMs: number,
  abort: () => void,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), graceMs);
  });
  try {
    const first = await Promise.race([settled.then(() => "settled" as const), timeout]);
    if (first === "timeout") {
      abort();
      await settled;
    }
  } finally {
    clearTimeout(timer);
  }
}
