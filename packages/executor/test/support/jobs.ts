// Test jobs: realistic keys (run ids contain ':' and '+', as Airflow's do).
import { randomBytes } from "node:crypto";
import type { TaskJob } from "../../src";

/** A short random id for names that must not collide across tests. */
export function uid(): string {
  return randomBytes(4).toString("hex");
}

/** A valid `run_task` job; override any field. */
export function makeJob(overrides: Partial<TaskJob> = {}): TaskJob {
  return {
    dagId: "example_dag",
    runId: "manual__2024-01-01T00:00:00+00:00",
    taskId: "extract",
    mapIndex: -1,
    tryNumber: 1,
    queue: "default",
    enqueuedAt: new Date().toISOString(),
    ...overrides,
  };
}
