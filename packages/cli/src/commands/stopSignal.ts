// How long-running verbs wait to be stopped: main.ts turns SIGINT/SIGTERM into an AbortSignal,
// tests abort their own. Without a signal the verb runs until the process ends.

/** Resolves when `signal` aborts (never without one). */
export function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
}

/** Runs `start`, but gives up (returning false) if `signal` aborts first. */
export async function startUnlessStopped(
  start: Promise<void>,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const stopped = waitForStop(signal).then(() => false);
  return Promise.race([start.then(() => true), stopped]);
}
