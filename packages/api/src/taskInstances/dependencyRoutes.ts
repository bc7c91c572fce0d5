// GET …/taskInstances/{task_id}/dependencies (map_index in the query, -1 by default) and
// …/{task_id}/{map_index}/dependencies: the dependencies keeping a task instance from being
// scheduled and queued (failedDependencies). As in Airflow only an instance that is still to be
// queued has any — no status or scheduled, and here also up_for_retry, where the retry period
// is what holds it — and an instance whose DAG or task is no longer known has none. Mounted
// before …/{task_id}/{map_index} so `dependencies` is not read as a map index.
import { DagCache, type SchedulableDag } from "@updraft/scheduler";
import { TaskInstanceState, type TaskInstanceStateOrNone } from "@updraft/sdk";
import {
  getTaskInstanceSchedulingFacts,
  previousRunInstances,
  type SqlClient,
  type TaskInstanceKey,
  type TaskInstanceSchedulingFacts,
  taskInstanceStates,
} from "@updraft/store";
import { type Request, Router } from "express";
import { z } from "zod";
import type { ApiContext } from "../context";
import { notFound } from "../http/apiError";
import { pathSegment } from "../http/pathSegment";
import { intText, queryInt } from "../http/queryParams";
import { parseInput } from "../http/validation";
import {
  type DependencyInput,
  failedDependencies,
  type TaskDependency,
} from "./failedDependencies";

const TI = "/dags/:dag_id/dagRuns/:dag_run_id/taskInstances/:task_id";

const mapIndexPath = z.object({ map_index: intText });
const mapIndexQuery = z.object({ map_index: queryInt.default(-1) });

const EXPLAINED: ReadonlySet<TaskInstanceStateOrNone> = new Set([
  null,
  TaskInstanceState.SCHEDULED,
  TaskInstanceState.UP_FOR_RETRY,
]);

/** The task instance key of the request, its map index from the path or the query. */
function keyOf(req: Request, mapIndexIn: "path" | "query"): TaskInstanceKey {
  return {
    dagId: pathSegment(req.params.dag_id),
    runId: pathSegment(req.params.dag_run_id),
    taskId: pathSegment(req.params.task_id),
    mapIndex:
      mapIndexIn === "path"
        ? parseInput(mapIndexPath, req.params, "path").map_index
        : parseInput(mapIndexQuery, req.query, "query").map_index,
  };
}

/** The states of every instance of `upstreamTaskIds` in the run; a task without any counts once, as no status. */
async function upstreamStatesOf(
  client: SqlClient,
  key: TaskInstanceKey,
  upstreamTaskIds: readonly string[],
): Promise<TaskInstanceStateOrNone[]> {
  if (upstreamTaskIds.length === 0) return [];
  const instances = await taskInstanceStates(client, key);
  return upstreamTaskIds.flatMap((upstreamId) => {
    const states = instances.filter((i) => i.taskId === upstreamId).map((i) => i.state);
    return states.length === 0 ? [null] : states;
  });
}

/** The previous run's instances of the task and its direct downstream tasks, as the scheduler reads them. */
async function previousOf(
  client: SqlClient,
  dag: SchedulableDag,
  key: TaskInstanceKey,
  facts: TaskInstanceSchedulingFacts,
): Promise<DependencyInput["previous"]> {
  const task = dag.taskById.get(key.taskId);
  if (task === undefined || (!task.depends_on_past && !task.wait_for_downstream)) return null;
  const previous = await previousRunInstances(client, {
    dagId: key.dagId,
    logicalDate: facts.logicalDate,
    taskIds: [key.taskId, ...task.downstream_task_ids],
    scheduledOnly: dag.serialized.dag.catchup,
  });
  if (previous === null) return null;
  return {
    task: previous.get(key.taskId) ?? [],
    downstream: task.downstream_task_ids.flatMap((id) => previous.get(id) ?? []),
  };
}

/** The dependency endpoints. */
export function dependencyRoutes(ctx: ApiContext): Router {
  const router = Router();
  const dags = new DagCache(ctx.client);

  async function dependencies(key: TaskInstanceKey): Promise<TaskDependency[]> {
    const facts = await getTaskInstanceSchedulingFacts(ctx.client, key);
    if (facts === null)
      throw notFound(
        `The Task Instance with dag_id: \`${key.dagId}\`, run_id: \`${key.runId}\`, task_id: \`${key.taskId}\` and map_index: \`${key.mapIndex}\` was not found`,
      );
    if (!EXPLAINED.has(facts.state)) return [];
    const dag = await dags.get(key.dagId);
    const task = dag?.taskById.get(key.taskId);
    if (dag === null || task === undefined) return [];
    return failedDependencies({
      dagId: key.dagId,
      task,
      facts,
      upstreamStates: await upstreamStatesOf(ctx.client, key, task.upstream_task_ids),
      previous: await previousOf(ctx.client, dag, key, facts),
      now: new Date(),
    });
  }

  router.get(`${TI}/dependencies`, async (req, res) => {
    res.json({ dependencies: await dependencies(keyOf(req, "query")) });
  });
  router.get(`${TI}/:map_index/dependencies`, async (req, res) => {
    res.json({ dependencies: await dependencies(keyOf(req, "path")) });
  });

  return router;
}
