// How a try's end becomes a task-instance state, by Airflow's rules: skip and reschedule
// exceptions by their code, AirflowFailException and AirflowSensorTimeout fail without retry,
// anything else (timeouts and worker shutdown included) is retried while tries are left.
import { isEligibleToRetry, nextRetryDatetime } from "@updraft/engine";
import { hasErrorCode, TaskInstanceState } from "@updraft/sdk";
import type { TaskInstanceOutcome } from "@updraft/store";

/** The retry settings of the task (Airflow's defaults when the task could not be loaded). */
export interface RetryPolicy {
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly retryExponentialBackoff: number;
  readonly maxRetryDelayMs: number | null;
}

/** What the decision reads besides the error. */
export interface OutcomeInput {
  readonly dagId: string;
  readonly taskId: string;
  readonly tryNumber: number;
  readonly maxTries: number;
  readonly logicalDate: Date | null;
  readonly policy: RetryPolicy;
  /** When the try ended (the task instance's end_date). */
  readonly endDate: Date;
}

/** The outcome plus why, for the log's last line. */
export type Decision = TaskInstanceOutcome & { readonly reason: string };

function rescheduleDateOf(error: unknown): Date | null {
  const value = (error as { rescheduleDate?: unknown }).rescheduleDate;
  // A Date made in a DAG file's realm fails `instanceof Date`; read it by its tag.
  if (Object.prototype.toString.call(value) === "[object Date]")
    return new Date((value as Date).getTime());
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value);
  return null;
}

/** Decides the state of a try that threw `error`. */
export function decideFailureOutcome(error: unknown, input: OutcomeInput): Decision {
  if (hasErrorCode(error, "TASK_SKIPPED"))
    return { state: TaskInstanceState.SKIPPED, reason: "AirflowSkipException" };
  if (hasErrorCode(error, "RESCHEDULE")) {
    const rescheduleDate = rescheduleDateOf(error);
    if (rescheduleDate !== null)
      return { state: TaskInstanceState.UP_FOR_RESCHEDULE, rescheduleDate, reason: "reschedule" };
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "AirflowFailException" || hasErrorCode(error, "SENSOR_TIMEOUT"))
    return { state: TaskInstanceState.FAILED, reason: `${String(name)}: no retry` };
  const eligible = isEligibleToRetry({
    state: TaskInstanceState.RUNNING,
    retries: input.policy.retries,
    tryNumber: input.tryNumber,
    maxTries: input.maxTries,
  });
  if (!eligible) return { state: TaskInstanceState.FAILED, reason: "no retries left" };
  const nextRetryAt = nextRetryDatetime(input.endDate, {
    ...input.policy,
    tryNumber: input.tryNumber,
    dagId: input.dagId,
    taskId: input.taskId,
    logicalDate: input.logicalDate,
  });
  return { state: TaskInstanceState.UP_FOR_RETRY, nextRetryAt, reason: "retries left" };
}

/** The policy of a task that could not be loaded: its stored max_tries, Airflow's 300 s delay. */
export function fallbackRetryPolicy(maxTries: number): RetryPolicy {
  return {
    retries: maxTries,
    retryDelayMs: 300_000,
    retryExponentialBackoff: 0,
    maxRetryDelayMs: null,
  };
}
