// POST /dags/{dag_id}/clearTaskInstances, as Airflow's post_clear_task_instances: the runs (one
// dag_run_id, or a logical date range, widened by include_past/include_future), the tasks
// (task_ids — ids or [id, map_index] pairs — with their upstream/downstream tasks, all the
// DAG's when none are given), optionally only failed or only running instances; a dry run (the
// default) lists them as they are, a real one clears them and lists them as they are after.
import { type DagCache, type SchedulableDag, tasksToClear } from "@updraft/scheduler";
import {
  getDagRun,
  listTaskInstancesPage,
  type SqlClient,
  type TaskInstanceResponseRow,
  type TaskSelector,
} from "@updraft/store";
import { ApiError, notFound } from "../http/apiError";
import {
  clearSelectedTaskInstances,
  type ClearSelection,
  selectTaskInstancesToClear,
} from "./clearTaskInstanceSelection";
import type { ClearTaskInstancesBody } from "./clearTaskInstancesBody";
import { dagOrNotFound } from "./dagOrNotFound";
import { runIdsBetween } from "./runSelection";
import { BY_RUN_TASK_AND_MAP_INDEX } from "./taskInstanceOrder";

/** The task selectors of `task_ids`, widened to their relatives (which take every map index). */
function selectorsOf(
  dag: SchedulableDag,
  body: ClearTaskInstancesBody,
): TaskSelector[] | undefined {
  if (body.task_ids === null) return undefined;
  const plain = body.task_ids.filter((t): t is string => typeof t === "string");
  const pairs = body.task_ids.filter((t): t is [string, number] => typeof t !== "string");
  const given = new Set([...plain, ...pairs.map(([taskId]) => taskId)]);
  const whole = new Set(plain);
  if (body.include_upstream || body.include_downstream) {
    const known = [...given].filter((taskId) => dag.taskById.has(taskId));
    const related = tasksToClear(dag, {
      dagId: dag.dagId,
      taskIds: known,
      upstream: body.include_upstream,
      downstream: body.include_downstream,
    });
    for (const taskId of related) if (!given.has(taskId)) whole.add(taskId);
  }
  return [
    ...[...whole].map((taskId) => ({ taskId })),
    ...pairs
      .filter(([taskId]) => !whole.has(taskId))
      .map(([taskId, mapIndex]) => ({ taskId, mapIndex })),
  ];
}

/** The runs the clear covers (every run when undefined). */
async function runIdsOf(
  client: SqlClient,
  dagId: string,
  body: ClearTaskInstancesBody,
): Promise<string[] | undefined> {
  const past = body.include_past;
  const future = body.include_future;
  let start = body.start_date;
  let end = body.end_date;
  if (body.dag_run_id !== null) {
    const run = await getDagRun(client, { dagId, runId: body.dag_run_id });
    if (run === null) throw notFound(`Dag Run id ${body.dag_run_id} not found in dag ${dagId}`);
    if (!past && !future) return [run.runId];
    // Airflow answers 400, which its spec does not declare for this endpoint; 422 is declared.
    if (run.logicalDate === null)
      throw new ApiError("VALIDATION_ERROR", [
        {
          loc: ["body", past ? "include_past" : "include_future"],
          msg: "Cannot use include_past or include_future with no logical_date(e.g. manually or asset-triggered).",
          type: "value_error",
        },
      ]);
    start = run.logicalDate;
    end = run.logicalDate;
  }
  return runIdsBetween(client, dagId, past ? null : start, future ? null : end);
}

async function selectionOf(
  client: SqlClient,
  dag: SchedulableDag,
  body: ClearTaskInstancesBody,
): Promise<ClearSelection> {
  const runIds = await runIdsOf(client, dag.dagId, body);
  const selectors = selectorsOf(dag, body);
  return {
    dagId: dag.dagId,
    ...(runIds === undefined ? {} : { runIds }),
    ...(selectors === undefined ? {} : { selectors }),
    onlyFailed: body.only_failed,
    onlyRunning: body.only_running,
  };
}

/** Clears (or lists, for a dry run) what the body selects. */
export async function clearDagTaskInstances(
  client: SqlClient,
  cache: DagCache,
  dagId: string,
  body: ClearTaskInstancesBody,
): Promise<TaskInstanceResponseRow[]> {
  const dag = await dagOrNotFound(cache, dagId);
  if (body.dry_run) return selectTaskInstancesToClear(client, await selectionOf(client, dag, body));
  const ids = await client.transaction(async (tx) => {
    const selected = await selectTaskInstancesToClear(tx, await selectionOf(tx, dag, body));
    return clearSelectedTaskInstances(tx, selected, {
      resetDagRuns: body.reset_dag_runs,
      preventRunningTask: body.prevent_running_task,
    });
  });
  if (ids.length === 0) return [];
  const page = await listTaskInstancesPage(client, {
    ids,
    orderBy: BY_RUN_TASK_AND_MAP_INDEX,
    limit: ids.length,
  });
  return page.taskInstances;
}
