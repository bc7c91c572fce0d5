// Airflow 3's next_retry_datetime / is_eligible_to_retry / ready_for_retry (AIRFLOW-SEMANTICS.md 3.3).
import type { TaskInstanceStateOrNone } from "@updraft/sdk";
import { isEligibleToRetry, isReadyForRetry, nextRetryDatetime, retryDelayMs } from "../src";
import type { RetryDelayInput } from "../src";

const LOGICAL_DATE = new Date("2024-01-01T00:00:00Z");

function input(overrides: Partial<RetryDelayInput>): RetryDelayInput {
  return {
    retryDelayMs: 300_000,
    retryExponentialBackoff: 0,
    maxRetryDelayMs: null,
    tryNumber: 1,
    dagId: "example_dag",
    taskId: "flaky",
    logicalDate: LOGICAL_DATE,
    ...overrides,
  };
}

describe("retryDelayMs without backoff", () => {
  test.each<[string, Partial<RetryDelayInput>, number]>([
    ["try 1 waits retry_delay", { tryNumber: 1 }, 300_000],
    ["try 2 waits retry_delay", { tryNumber: 2 }, 300_000],
    ["try 3 waits retry_delay", { tryNumber: 3 }, 300_000],
    ["try 4 waits retry_delay", { tryNumber: 4 }, 300_000],
    ["multiplier 1 is no backoff", { retryExponentialBackoff: 1, tryNumber: 4 }, 300_000],
    ["a negative multiplier is no backoff", { retryExponentialBackoff: -2, tryNumber: 4 }, 300_000],
    ["false (old DAGs) is no backoff", { retryExponentialBackoff: false, tryNumber: 4 }, 300_000],
    [
      "max_retry_delay is not applied without backoff",
      { maxRetryDelayMs: 60_000, tryNumber: 4 },
      300_000,
    ],
    ["a sub-second retry_delay is kept as is", { retryDelayMs: 1_500 }, 1_500],
  ])("%s", (_name, overrides, expected) => {
    expect(retryDelayMs(input(overrides))).toBe(expected);
  });
});

// Expected seconds computed once with python3 on this machine by the spec formula:
//   mb = max(math.ceil(delay_s * m ** (try - 1)), 1)   (OverflowError -> 86400)
//   h = int(hashlib.sha1(f"{dag_id}#{task_id}#{logical_date}#{try}".encode()).hexdigest(), 16)
//   d = min(mb + h % mb, 86400); d = min(max_retry_delay, d) if max_retry_delay else d
// with logical_date = str(datetime) e.g. "2024-01-01 00:00:00+00:00", or "None".
describe("retryDelayMs with exponential backoff and sha1 jitter", () => {
  const MS_250 = new Date("2026-03-15T06:30:00.250Z");
  test.each<[string, Partial<RetryDelayInput>, number]>([
    ["try 1 at 2.0 waits 465 s", { retryExponentialBackoff: 2, tryNumber: 1 }, 465],
    ["try 2 at 2.0 waits 734 s", { retryExponentialBackoff: 2, tryNumber: 2 }, 734],
    ["try 3 at 2.0 waits 2282 s", { retryExponentialBackoff: 2, tryNumber: 3 }, 2282],
    ["try 4 at 2.0 waits 3472 s", { retryExponentialBackoff: 2, tryNumber: 4 }, 3472],
    ["true (old DAGs) means 2.0", { retryExponentialBackoff: true, tryNumber: 4 }, 3472],
    [
      "logical_date None hashes the string None (try 1)",
      { retryExponentialBackoff: 2, tryNumber: 1, logicalDate: null },
      360,
    ],
    [
      "logical_date None hashes the string None (try 2)",
      { retryExponentialBackoff: 2, tryNumber: 2, logicalDate: null },
      622,
    ],
    [
      "logical_date None hashes the string None (try 3)",
      { retryExponentialBackoff: 2, tryNumber: 3, logicalDate: null },
      1409,
    ],
    [
      "max_retry_delay caps the jittered delay (try 3)",
      { retryExponentialBackoff: 2, tryNumber: 3, maxRetryDelayMs: 600_000 },
      600,
    ],
    [
      "max_retry_delay caps the jittered delay (try 4)",
      { retryExponentialBackoff: 2, tryNumber: 4, maxRetryDelayMs: 600_000 },
      600,
    ],
    [
      "a zero max_retry_delay is falsy and does not cap",
      { retryExponentialBackoff: 2, tryNumber: 4, maxRetryDelayMs: 0 },
      3472,
    ],
    [
      "the global MAX_RETRY_DELAY (86400 s) caps the delay",
      { retryExponentialBackoff: 2, tryNumber: 2, retryDelayMs: 86_400_000 },
      86_400,
    ],
    [
      "a backoff far past the cap gives the cap",
      { retryExponentialBackoff: 2, tryNumber: 20 },
      86_400,
    ],
    [
      "an overflowing backoff gives MAX_RETRY_DELAY",
      { retryExponentialBackoff: 2, tryNumber: 2000 },
      86_400,
    ],
    [
      "a float multiplier 1.5 works like Airflow 3.2",
      { retryExponentialBackoff: 1.5, tryNumber: 3, retryDelayMs: 60_000 },
      137,
    ],
    [
      "a zero retry_delay backs off at least 1 s",
      { retryExponentialBackoff: 2, tryNumber: 1, retryDelayMs: 0 },
      1,
    ],
    [
      "a half-second retry_delay rounds min_backoff up to 1 s",
      { retryExponentialBackoff: 2, tryNumber: 1, retryDelayMs: 500 },
      1,
    ],
    [
      "milliseconds print as Python microseconds in the hash (try 1)",
      {
        retryExponentialBackoff: 2,
        tryNumber: 1,
        retryDelayMs: 10_000,
        dagId: "etl",
        taskId: "load",
        logicalDate: MS_250,
      },
      14,
    ],
    [
      "milliseconds print as Python microseconds in the hash (multiplier 3, try 2)",
      {
        retryExponentialBackoff: 3,
        tryNumber: 2,
        retryDelayMs: 10_000,
        dagId: "etl",
        taskId: "load",
        logicalDate: MS_250,
      },
      53,
    ],
    [
      "non-ASCII ids hash as UTF-8",
      { retryExponentialBackoff: 2, tryNumber: 5, retryDelayMs: 7_000, dagId: "déjà", taskId: "t" },
      142,
    ],
  ])("%s", (_name, overrides, expectedSeconds) => {
    expect(retryDelayMs(input(overrides))).toBe(expectedSeconds * 1000);
  });

  test("a smaller max_task_retry_delay setting caps the delay", () => {
    const delay = retryDelayMs(
      input({ retryExponentialBackoff: 2, tryNumber: 4, maxTaskRetryDelayMs: 1_000_000 }),
    );
    expect(delay).toBe(1_000_000);
  });
});

describe("nextRetryDatetime", () => {
  test("adds the delay to the end date of the failed try", () => {
    const end = new Date("2024-01-01T01:00:00Z");
    expect(nextRetryDatetime(end, input({ retryExponentialBackoff: 2, tryNumber: 1 }))).toEqual(
      new Date("2024-01-01T01:07:45Z"),
    );
    expect(nextRetryDatetime(end, input({}))).toEqual(new Date("2024-01-01T01:05:00Z"));
  });
});

describe("isEligibleToRetry", () => {
  test.each<[string, TaskInstanceStateOrNone, number, number, number | undefined, boolean]>([
    ["no retries configured means no retry", "running", 0, 1, undefined, false],
    ["try 1 of retries=1 may retry", "running", 1, 1, undefined, true],
    ["try 2 of retries=1 may not", "running", 1, 2, undefined, false],
    ["try 3 of retries=3 may retry", "running", 3, 3, undefined, true],
    ["try 4 of retries=3 may not", "running", 3, 4, undefined, false],
    ["restarting (cleared while running) always may", "restarting", 0, 9, undefined, true],
    ["a cleared TI uses its raised max_tries", "running", 1, 3, 4, true],
  ])("%s", (_name, state, retries, tryNumber, maxTries, expected) => {
    expect(isEligibleToRetry({ state, retries, tryNumber, maxTries })).toBe(expected);
  });
});

describe("isReadyForRetry", () => {
  const next = new Date("2024-01-01T00:05:00Z");
  test.each<[string, TaskInstanceStateOrNone, string, boolean]>([
    ["up_for_retry after the retry time is ready", "up_for_retry", "2024-01-01T00:05:01Z", true],
    [
      "up_for_retry exactly at the retry time is not",
      "up_for_retry",
      "2024-01-01T00:05:00Z",
      false,
    ],
    ["up_for_retry before the retry time is not", "up_for_retry", "2024-01-01T00:04:00Z", false],
    ["another state is never ready for retry", "failed", "2024-01-02T00:00:00Z", false],
  ])("%s", (_name, state, now, expected) => {
    expect(isReadyForRetry(state, next, new Date(now))).toBe(expected);
  });
});
