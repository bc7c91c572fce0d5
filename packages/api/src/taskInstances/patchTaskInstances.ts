// PATCH …/taskInstances/{task_id}[/{map_index}] and its dry run, as Airflow's
// set_task_instance_state: the task's instances in the run — plus, when asked, those of its
// upstream/downstream tasks and of the runs before/after it — that are not yet in the new state
// are set to it (start/end dates and duration as TaskInstance.set_state); then the failed and
// upstream_failed instances downstream of the task are cleared so that they run again. The
// note is written on the task's own instances. A dry run returns what would change.
import { type DagCache, type SchedulableDag, tasksToClear } from "@updraft/scheduler";
import {
  getDagRun,
  listTaskInstancesPage,
  notifyScheduler,
  setTaskInstanceNote,
  setTaskInstanceStates,
  type SqlClient,
  type TaskInstanceResponseRow,
  type TaskSelector,
} from "@updraft/store";
import { badRequest, conflict, notFound } from "../http/apiError";
import {
  clearSelectedTaskInstances,
  selectTaskInstancesToClear,
} from "./clearTaskInstanceSelection";
import { dagOrNotFound } from "./dagOrNotFound";
import type { MarkableState, TaskInstancePatch } from "./patchTaskInstanceBody";
import { runIdsAround } from "./runSelection";
import { BY_RUN_TASK_AND_MAP_INDEX } from "./taskInstanceOrder";

/** Which task instances a PATCH names, and what it does to them. */
export interface PatchRequest {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  /** Every map index of the task when null. */
  readonly mapIndex: number | null;
  readonly patch: TaskInstancePatch;
  readonly dryRun: boolean;
}

// A PATCH takes whatever matches; the bound only keeps one request from reading without end.
const ALL = 100_000;

async function targetsOf(client: SqlClient, req: PatchRequest) {
  const page = await listTaskInstancesPage(client, {
    dagId: req.dagId,
    runId: req.runId,
    taskId: req.taskId,
    ...(req.mapIndex === null ? {} : { mapIndexes: [req.mapIndex] }),
    limit: ALL,
  });
  return page.taskInstances;
}

/** The task instances the state change covers that are not in `state` yet. */
async function toMark(
  client: SqlClient,
  dag: SchedulableDag,
  req: PatchRequest,
  state: MarkableState,
): Promise<TaskInstanceResponseRow[]> {
  const { patch } = req;
  const run = await getDagRun(client, { dagId: req.dagId, runId: req.runId });
  if (run === null) return [];
  if ((patch.past || patch.future) && run.logicalDate === null)
    throw badRequest(
      "Cannot use include_past or include_future with no logical_date(e.g. manually or asset-triggered).",
    );
  const relatives = [
    ...tasksToClear(dag, {
      dagId: req.dagId,
      taskIds: [req.taskId],
      upstream: patch.upstream,
      downstream: patch.downstream,
    }),
  ].filter((id) => id !== req.taskId);
  const selectors: TaskSelector[] = [
    req.mapIndex === null ? { taskId: req.taskId } : { taskId: req.taskId, mapIndex: req.mapIndex },
    ...relatives.map((taskId) => ({ taskId })),
  ];
  const page = await listTaskInstancesPage(client, {
    dagId: req.dagId,
    runIds: await runIdsAround(client, run, patch.past, patch.future),
    selectors,
    notInState: state,
    orderBy: BY_RUN_TASK_AND_MAP_INDEX,
    limit: ALL,
  });
  return page.taskInstances;
}

/** Sets the state, resumes the failed downstream and writes the note, in one transaction. */
async function applyPatch(
  client: SqlClient,
  dag: SchedulableDag,
  req: PatchRequest,
  targets: readonly TaskInstanceResponseRow[],
): Promise<void> {
  const { newState, note } = req.patch;
  const marked = newState === undefined ? [] : await toMark(client, dag, req, newState);
  await client.transaction(async (tx) => {
    if (newState !== undefined) {
      const changed = await setTaskInstanceStates(tx, {
        changes: marked.map((ti) => ({ ...ti, expectedState: ti.state, state: newState })),
      });
      if (changed.length === 0)
        throw conflict(`Task id ${req.taskId} is already in ${newState} state`);
      const downstream = [
        ...tasksToClear(dag, { dagId: req.dagId, taskIds: [req.taskId], downstream: true }),
      ].filter((id) => id !== req.taskId);
      const failedDownstream = await selectTaskInstancesToClear(tx, {
        dagId: req.dagId,
        runIds: [...new Set(marked.map((ti) => ti.runId))],
        selectors: downstream.map((taskId) => ({ taskId })),
        onlyFailed: true,
        onlyRunning: false,
      });
      await clearSelectedTaskInstances(tx, failedDownstream, {
        resetDagRuns: true,
        preventRunningTask: false,
      });
      await notifyScheduler(tx, "task_finished");
    }
    if (note !== undefined) await setTaskInstanceNote(tx, { ids: targets.map((t) => t.id), note });
  });
}

/**
 * Applies (or, for a dry run, previews) a PATCH. Returns the task's own instances after the
 * change, or for a dry run with a new state the instances that would change.
 */
export async function patchTaskInstances(
  client: SqlClient,
  cache: DagCache,
  req: PatchRequest,
): Promise<TaskInstanceResponseRow[]> {
  const dag = await dagOrNotFound(cache, req.dagId);
  if (!dag.taskById.has(req.taskId))
    throw notFound(`Task '${req.taskId}' not found in DAG '${req.dagId}'`);
  const targets = await targetsOf(client, req);
  if (targets.length === 0)
    throw notFound(
      `The Task Instance with dag_id: \`${req.dagId}\`, run_id: \`${req.runId}\`, task_id: \`${req.taskId}\` and map_index: \`${req.mapIndex ?? "None"}\` was not found`,
    );
  if (req.dryRun) {
    const { newState } = req.patch;
    return newState === undefined ? targets : toMark(client, dag, req, newState);
  }
  await applyPatch(client, dag, req, targets);
  return targetsOf(client, req);
}
