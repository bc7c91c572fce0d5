// When a failed try may run again: Airflow 3's `next_retry_datetime` (exponential backoff with a
// deterministic sha1 jitter), `is_eligible_to_retry` and `ready_for_retry`, as pure functions.
import { createHash } from "node:crypto";
import { TaskInstanceState, pythonStr } from "@updraft/sdk";
import type { TaskInstanceStateOrNone } from "@updraft/sdk";

/** Airflow's default `[core] max_task_retry_delay` (MAX_RETRY_DELAY): 24 hours, in milliseconds. */
export const DEFAULT_MAX_TASK_RETRY_DELAY_MS = 86_400_000;

/** What `next_retry_datetime` reads from the task and the task instance. */
export interface RetryDelayInput {
  /** The task's `retry_delay`. */
  readonly retryDelayMs: number;
  /**
   * The backoff multiplier; 0, 1 or negative means a fixed delay. Booleans from older DAGs
   * deserialise as Airflow 3.2 does: `true` is 2, `false` is 0.
   */
  readonly retryExponentialBackoff: number | boolean;
  /** The task's `max_retry_delay`; null (or 0, falsy in Python) means no cap beyond the global one. */
  readonly maxRetryDelayMs: number | null;
  /** The number of the try that just failed. */
  readonly tryNumber: number;
  readonly dagId: string;
  readonly taskId: string;
  /** The run's logical date; null for runs without one (hashed as Python's `None`). */
  readonly logicalDate: Date | null;
  /** `[core] max_task_retry_delay`; defaults to 86 400 s. */
  readonly maxTaskRetryDelayMs?: number;
}

function backoffMultiplier(value: number | boolean): number {
  if (typeof value === "boolean") return value ? 2 : 0;
  return value;
}

/** sha1 of Airflow's jitter key, as the unbounded integer Python's `int(hexdigest, 16)` gives. */
function jitterHash(input: RetryDelayInput): bigint {
  const logicalDate = input.logicalDate === null ? "None" : pythonStr(input.logicalDate);
  const key = `${input.dagId}#${input.taskId}#${logicalDate}#${input.tryNumber}`;
  return BigInt(`0x${createHash("sha1").update(key, "utf8").digest("hex")}`);
}

/**
 * The delay before the next try, in milliseconds, by Airflow 3's formula: a fixed `retryDelayMs`
 * without backoff (the task's max is deliberately not applied there, as in Airflow); otherwise
 * `min_backoff = ceil(delay_s * m ** (try - 1))` (at least 1 s) plus a sha1 jitter in
 * `[0, min_backoff)`, capped by the global max, then by the task's `maxRetryDelayMs`.
 */
export function retryDelayMs(input: RetryDelayInput): number {
  const multiplier = backoffMultiplier(input.retryExponentialBackoff);
  if (multiplier === 0 || multiplier === 1 || multiplier < 0 || Number.isNaN(multiplier)) {
    return input.retryDelayMs;
  }
  const maxSeconds = (input.maxTaskRetryDelayMs ?? DEFAULT_MAX_TASK_RETRY_DELAY_MS) / 1000;
  const raw = (input.retryDelayMs / 1000) * multiplier ** (input.tryNumber - 1);
  let delaySeconds: number;
  if (!Number.isFinite(raw)) {
    // Python raises OverflowError here and Airflow falls back to MAX_RETRY_DELAY.
    delaySeconds = maxSeconds;
  } else {
    const minBackoff = Math.max(Math.ceil(raw), 1);
    // min_backoff + jitter >= min_backoff, so past the cap the hash cannot matter; this also
    // keeps BigInt(minBackoff) to integers a double holds exactly.
    delaySeconds =
      minBackoff >= maxSeconds
        ? maxSeconds
        : Math.min(minBackoff + Number(jitterHash(input) % BigInt(minBackoff)), maxSeconds);
  }
  const delayMs = delaySeconds * 1000;
  // `if self.task.max_retry_delay:` — a zero timedelta is falsy, so 0 means "no cap".
  return input.maxRetryDelayMs ? Math.min(input.maxRetryDelayMs, delayMs) : delayMs;
}

/** `end_date + delay`: when a task instance that failed at `endDate` may be retried. */
export function nextRetryDatetime(endDate: Date, input: RetryDelayInput): Date {
  return new Date(endDate.getTime() + retryDelayMs(input));
}

/** What `is_eligible_to_retry` reads. */
export interface RetryEligibilityInput {
  readonly state: TaskInstanceStateOrNone;
  /** The task's `retries`. */
  readonly retries: number;
  /** The number of the try that just failed. */
  readonly tryNumber: number;
  /** The TI's `max_tries`; equals `retries` unless the TI was cleared. */
  readonly maxTries?: number;
}

/**
 * Airflow's `is_eligible_to_retry`: a TI cleared while running (`restarting`) always is;
 * otherwise it needs `retries > 0` and `tryNumber <= maxTries`.
 */
export function isEligibleToRetry(input: RetryEligibilityInput): boolean {
  if (input.state === TaskInstanceState.RESTARTING) return true;
  return input.retries > 0 && input.tryNumber <= (input.maxTries ?? input.retries);
}

/** Airflow's `ready_for_retry`: `up_for_retry` and the retry time strictly in the past. */
export function isReadyForRetry(
  state: TaskInstanceStateOrNone,
  nextRetry: Date,
  now: Date,
): boolean {
  return state === TaskInstanceState.UP_FOR_RETRY && nextRetry.getTime() < now.getTime();
}
