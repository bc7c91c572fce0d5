// Clearing task instances from the API (Airflow's DAG.clear + clear_task_instances): select the
// task instances of some runs and tasks (optionally only failed or only running ones), then
// clear them with the store's clearTaskInstances — the statement the scheduler's clearTasks and
// `updraft tasks clear` use: a running try becomes `restarting`, any other gets no status — and
// put the finished runs they belong to back in the queue (unless told not to).
import { TaskInstanceState } from "@updraft/sdk";
import {
  clearTaskInstances,
  getDagRun,
  listTaskInstancesPage,
  notifyScheduler,
  setDagRunState,
  type SqlClient,
  type TaskInstanceResponseRow,
  type TaskSelector,
} from "@updraft/store";
import { conflict } from "../http/apiError";
import { BY_RUN_TASK_AND_MAP_INDEX } from "./taskInstanceOrder";

/** Which task instances a clear takes. */
export interface ClearSelection {
  readonly dagId: string;
  /** Every run of the DAG when omitted. */
  readonly runIds?: readonly string[];
  /** Every task instance of the runs when omitted. */
  readonly selectors?: readonly TaskSelector[];
  /** Only failed and upstream_failed ones. */
  readonly onlyFailed: boolean;
  /** Only running ones (never together with onlyFailed: the body refuses that). */
  readonly onlyRunning: boolean;
}

/** How the selected task instances are cleared. */
export interface ClearOptions {
  /** Put the finished runs of the cleared task instances back to queued. */
  readonly resetDagRuns: boolean;
  /** Refuse (409) when one of them is running, instead of stopping it. */
  readonly preventRunningTask: boolean;
}

// A clear takes whatever matches; a page bound still keeps one request from reading unbounded.
const MAX_CLEARED = 100_000;

const FAILED: readonly TaskInstanceState[] = [
  TaskInstanceState.FAILED,
  TaskInstanceState.UPSTREAM_FAILED,
];

/** The task instances `selection` takes, as they are now (by run, task and map index). */
export async function selectTaskInstancesToClear(
  client: SqlClient,
  selection: ClearSelection,
): Promise<TaskInstanceResponseRow[]> {
  if (selection.selectors?.length === 0 || selection.runIds?.length === 0) return [];
  const states = selection.onlyFailed
    ? FAILED
    : selection.onlyRunning
      ? [TaskInstanceState.RUNNING]
      : undefined;
  const page = await listTaskInstancesPage(client, {
    dagId: selection.dagId,
    ...(selection.runIds === undefined ? {} : { runIds: selection.runIds }),
    ...(selection.selectors === undefined ? {} : { selectors: selection.selectors }),
    ...(states === undefined ? {} : { states }),
    orderBy: BY_RUN_TASK_AND_MAP_INDEX,
    limit: MAX_CLEARED,
  });
  return page.taskInstances;
}

/** Clears `tis` (inside the caller's transaction `tx`); returns the cleared ids. */
export async function clearSelectedTaskInstances(
  tx: SqlClient,
  tis: readonly TaskInstanceResponseRow[],
  options: ClearOptions,
): Promise<string[]> {
  if (tis.length === 0) return [];
  if (options.preventRunningTask && tis.some((ti) => ti.state === TaskInstanceState.RUNNING))
    throw conflict(
      "AirflowClearRunningTaskException: Disable 'prevent_running_task' to proceed, or wait until the task is not running, queued, or scheduled state.",
    );
  const cleared = await clearTaskInstances(tx, { keys: tis });
  if (options.resetDagRuns) {
    const runs = new Map(tis.map((ti) => [`${ti.dagId}\u0000${ti.runId}`, ti]));
    for (const ti of runs.values()) {
      const run = await getDagRun(tx, { dagId: ti.dagId, runId: ti.runId });
      if (run !== null)
        await setDagRunState(tx, { id: run.id, from: ["success", "failed"], to: "queued" });
    }
  }
  await notifyScheduler(tx, "cleared");
  return cleared.map((ti) => ti.id);
}
