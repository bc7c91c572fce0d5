// Airflow's state vocabularies, with Airflow's exact strings (an `as const` object plus a union).

/** Task instance states; `null` (no status) is the state of a task instance not yet scheduled. */
export const TaskInstanceState = {
  REMOVED: "removed",
  SCHEDULED: "scheduled",
  QUEUED: "queued",
  RUNNING: "running",
  SUCCESS: "success",
  RESTARTING: "restarting",
  FAILED: "failed",
  UP_FOR_RETRY: "up_for_retry",
  UP_FOR_RESCHEDULE: "up_for_reschedule",
  UPSTREAM_FAILED: "upstream_failed",
  SKIPPED: "skipped",
  DEFERRED: "deferred",
} as const;
export type TaskInstanceState = (typeof TaskInstanceState)[keyof typeof TaskInstanceState];

/** A task instance's state as stored: `null` means "no status". */
export type TaskInstanceStateOrNone = TaskInstanceState | null;

/** States after which a task instance never runs again in this try series. */
export const FINISHED_STATES: ReadonlySet<TaskInstanceState> = new Set([
  TaskInstanceState.SUCCESS,
  TaskInstanceState.FAILED,
  TaskInstanceState.SKIPPED,
  TaskInstanceState.UPSTREAM_FAILED,
  TaskInstanceState.REMOVED,
]);

/** Outcomes that count as success for downstream (Airflow's `State.success_states`). */
export const SUCCESS_STATES: ReadonlySet<TaskInstanceState> = new Set([
  TaskInstanceState.SUCCESS,
  TaskInstanceState.SKIPPED,
]);

/** Outcomes that count as failure (Airflow's `State.failed_states`). */
export const FAILED_STATES: ReadonlySet<TaskInstanceState> = new Set([
  TaskInstanceState.FAILED,
  TaskInstanceState.UPSTREAM_FAILED,
]);

/** True when the state is terminal (success, failed, skipped, upstream_failed, removed). */
export function isFinishedState(state: TaskInstanceStateOrNone): boolean {
  return state !== null && FINISHED_STATES.has(state);
}

/** DAG run states. */
export const DagRunState = {
  QUEUED: "queued",
  RUNNING: "running",
  SUCCESS: "success",
  FAILED: "failed",
} as const;
export type DagRunState = (typeof DagRunState)[keyof typeof DagRunState];

/** How a DAG run came to be; also the prefix of its run id. */
export const DagRunType = {
  BACKFILL: "backfill",
  SCHEDULED: "scheduled",
  MANUAL: "manual",
  ASSET_TRIGGERED: "asset_triggered",
} as const;
export type DagRunType = (typeof DagRunType)[keyof typeof DagRunType];

/** Who or what triggered a DAG run. */
export const DagRunTriggeredByType = {
  CLI: "cli",
  OPERATOR: "operator",
  REST_API: "rest_api",
  UI: "ui",
  TEST: "test",
  TIMETABLE: "timetable",
  ASSET: "asset",
  BACKFILL: "backfill",
} as const;
export type DagRunTriggeredByType =
  (typeof DagRunTriggeredByType)[keyof typeof DagRunTriggeredByType];
