// Waiting on outcomes without sleeps: promises that settle on events, with a timeout that fails
// the test naming what it waited for.
import type { TaskEventMap, TaskEvents } from "../../src";

/** A promise with its resolve function exposed. */
export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

/** Creates a Deferred. */
export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Rejects with `what` if `promise` has not settled within `ms`. */
export async function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves with the first `count` events named `name` that match `accept`, emitted from now on.
 * Subscribe before causing the events.
 */
export function collectEvents<K extends keyof TaskEventMap>(
  events: TaskEvents,
  name: K,
  count: number,
  accept: (event: TaskEventMap[K]) => boolean = () => true,
  ms = 10_000,
): Promise<TaskEventMap[K][]> {
  const seen: TaskEventMap[K][] = [];
  const done = deferred<TaskEventMap[K][]>();
  const off = events.on(name, (event) => {
    if (!accept(event)) return;
    seen.push(event);
    if (seen.length === count) done.resolve(seen);
  });
  return within(done.promise, `${count} ${String(name)} event(s)`, ms).finally(off);
}

/** Resolves after pending I/O callbacks have run a few times: proof that nothing is ready yet. */
export async function flushIo(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Resolves when `signal` aborts, so a waiting runner never outlives a failed test's cleanup. */
export function whenAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
}
