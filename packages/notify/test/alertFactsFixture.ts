// A typical alert's facts, for tests to override field by field.
import type { AlertFacts } from "../src/alertFacts";

/** Try 2 of 3 of sales_daily.load_orders failed, with an error and two log lines. */
export function taskFailure(overrides: Partial<AlertFacts> = {}): AlertFacts {
  return {
    event: "failure",
    scope: "task",
    dagId: "sales_daily",
    taskId: "load_orders",
    runId: "scheduled__2026-12-01T00:00:00+00:00",
    mapIndex: -1,
    logicalDate: "2026-12-01T00:00:00+00:00",
    tryNumber: 2,
    maxTries: 3,
    error: "ValueError: bad row",
    logTail: ["loading 10 rows", "row 7 rejected"],
    durationSeconds: 1.234,
    url: "https://updraft.example.com/dags/sales_daily/runs/r1/tasks/load_orders?try=2",
    ...overrides,
  };
}

/** The DAG run sales_daily failed (scope "dag"). */
export function dagFailure(overrides: Partial<AlertFacts> = {}): AlertFacts {
  return taskFailure({
    scope: "dag",
    taskId: null,
    tryNumber: null,
    maxTries: null,
    error: "task_failure",
    logTail: [],
    durationSeconds: 184,
    url: "https://updraft.example.com/dags/sales_daily/runs/r1",
    ...overrides,
  });
}
