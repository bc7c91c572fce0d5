// Airflow's task instance endpoints: list (with `~` for dag_id and/or dag_run_id), one, the
// mapped ones, the tries, PATCH (mark state / note; User role) and its dry run, POST
// clearTaskInstances (User role); and, mounted first so their paths win over
// /{task_id}/{map_index}, the dependencies, the try logs and the XCom entries.
import { DagCache } from "@updraft/scheduler";
import { dagRunExists, listTaskInstancesPage, listTaskInstanceTries } from "@updraft/store";
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import { auditAction } from "../audit/auditAction";
import { requireRole } from "../auth/authenticate";
import type { ApiContext } from "../context";
import { notFound } from "../http/apiError";
import { pageRequest } from "../http/pagination";
import { pathSegment } from "../http/pathSegment";
import { intText, queryInt } from "../http/queryParams";
import { updateMaskOf } from "../http/updateMask";
import { parseInput } from "../http/validation";
import { clearDagTaskInstances } from "../taskInstances/clearDagTaskInstances";
import { parseClearTaskInstancesBody } from "../taskInstances/clearTaskInstancesBody";
import { dagOrNotFound } from "../taskInstances/dagOrNotFound";
import { dependencyRoutes } from "../taskInstances/dependencyRoutes";
import { logRoutes } from "../taskInstances/logRoutes";
import {
  patchTaskInstanceBody,
  TASK_INSTANCE_MASK_FIELDS,
  taskInstancePatch,
} from "../taskInstances/patchTaskInstanceBody";
import { patchTaskInstances } from "../taskInstances/patchTaskInstances";
import { taskInstanceHistoryResponse } from "../taskInstances/taskInstanceHistoryResponse";
import { taskInstanceListFilters } from "../taskInstances/taskInstanceListQuery";
import {
  TASK_INSTANCE_ORDER_ATTRIBUTES,
  taskInstanceOrder,
} from "../taskInstances/taskInstanceOrder";
import {
  taskInstanceCollection,
  taskInstanceResponse,
} from "../taskInstances/taskInstanceResponse";
import { xcomRoutes } from "../taskInstances/xcomRoutes";

const TIS = "/dags/:dag_id/dagRuns/:dag_run_id/taskInstances";

const mapIndexPath = z.object({ map_index: intText });
const tryNumberPath = z.object({ task_try_number: intText });
const mapIndexQuery = z.object({ map_index: queryInt.default(-1) });
const patchQuery = z.object({ map_index: queryInt.optional() });

/** The task instance key of the path, with the map index of the path or the query. */
function keyOf(req: Request, mapIndexIn: "path" | "query") {
  const mapIndex =
    mapIndexIn === "path"
      ? parseInput(mapIndexPath, req.params, "path").map_index
      : parseInput(mapIndexQuery, req.query, "query").map_index;
  return {
    dagId: pathSegment(req.params.dag_id),
    runId: pathSegment(req.params.dag_run_id),
    taskId: pathSegment(req.params.task_id),
    mapIndex,
  };
}

const tiNotFound = (key: ReturnType<typeof keyOf>) =>
  `The Task Instance with dag_id: \`${key.dagId}\`, run_id: \`${key.runId}\`, task_id: \`${key.taskId}\` and map_index: \`${key.mapIndex}\` was not found`;

/** The task instance, log and XCom endpoints. */
export function taskInstancesRoutes(ctx: ApiContext): Router {
  const router = Router();
  const cache = new DagCache(ctx.client);

  router.use(dependencyRoutes(ctx));
  router.use(logRoutes(ctx));
  router.use(xcomRoutes(ctx));

  router.get(TIS, async (req, res) => {
    const filters = taskInstanceListFilters(req.query);
    const page = pageRequest(req.query, TASK_INSTANCE_ORDER_ATTRIBUTES, "id", ["map_index"]);
    const { dag_id: dagId, dag_run_id: runId } = req.params;
    if (
      runId !== "~" &&
      !(await dagRunExists(ctx.client, { runId, ...(dagId === "~" ? {} : { dagId }) }))
    )
      throw notFound(`DagRun with run_id: \`${runId}\` was not found`);
    if (dagId !== "~") await dagOrNotFound(cache, dagId);
    const result = await listTaskInstancesPage(ctx.client, {
      ...filters,
      ...(dagId === "~" ? {} : { dagId }),
      ...(runId === "~" ? {} : { runId }),
      orderBy: taskInstanceOrder(page),
      limit: page.limit,
      offset: page.offset,
    });
    res.json(taskInstanceCollection(result.taskInstances, result.totalEntries));
  });

  router.get(`${TIS}/:task_id/listMapped`, async (req, res) => {
    const filters = taskInstanceListFilters(req.query);
    const page = pageRequest(req.query, TASK_INSTANCE_ORDER_ATTRIBUTES, "id", ["map_index"]);
    const { dag_id: dagId, dag_run_id: runId, task_id: taskId } = req.params;
    const mapped = { dagId, runId, taskId, minMapIndex: 0 };
    const result = await listTaskInstancesPage(ctx.client, {
      ...filters,
      ...mapped,
      orderBy: taskInstanceOrder(page),
      limit: page.limit,
      offset: page.offset,
    });
    // No mapped instance at all: a task that is not mapped (or unknown) is a 404, while a mapped
    // task that expanded to nothing is an empty list.
    if (
      result.totalEntries === 0 &&
      (await listTaskInstancesPage(ctx.client, { ...mapped, limit: 0 })).totalEntries === 0
    ) {
      const task = (await dagOrNotFound(cache, dagId)).taskById.get(taskId);
      if (task === undefined) throw notFound(`Task id ${taskId} not found`);
      if (!task.is_mapped) throw notFound(`Task id ${taskId} is not mapped`);
    }
    res.json(taskInstanceCollection(result.taskInstances, result.totalEntries));
  });

  async function tries(req: Request, mapIndexIn: "path" | "query") {
    const key = keyOf(req, mapIndexIn);
    const found = await listTaskInstanceTries(ctx.client, key);
    if (found.length === 0) throw notFound(tiNotFound(key));
    return found;
  }

  async function oneTry(req: Request, mapIndexIn: "path" | "query") {
    const { task_try_number: tryNumber } = parseInput(tryNumberPath, req.params, "path");
    const key = keyOf(req, mapIndexIn);
    const found = (await listTaskInstanceTries(ctx.client, key)).find(
      (t) => t.tryNumber === tryNumber,
    );
    if (found === undefined)
      throw notFound(
        `The Task Instance with dag_id: \`${key.dagId}\`, run_id: \`${key.runId}\`, task_id: \`${key.taskId}\`, try_number: \`${tryNumber}\` and map_index: \`${key.mapIndex}\` was not found`,
      );
    return taskInstanceHistoryResponse(found);
  }

  const triesCollection = (found: Awaited<ReturnType<typeof tries>>) => ({
    task_instances: found.map(taskInstanceHistoryResponse),
    total_entries: found.length,
  });

  router.get(`${TIS}/:task_id/tries`, async (req, res) => {
    res.json(triesCollection(await tries(req, "query")));
  });
  router.get(`${TIS}/:task_id/tries/:task_try_number`, async (req, res) => {
    res.json(await oneTry(req, "query"));
  });
  router.get(`${TIS}/:task_id/:map_index/tries`, async (req, res) => {
    res.json(triesCollection(await tries(req, "path")));
  });
  router.get(`${TIS}/:task_id/:map_index/tries/:task_try_number`, async (req, res) => {
    res.json(await oneTry(req, "path"));
  });

  router.get(`${TIS}/:task_id`, async (req, res) => {
    const { dag_id: dagId, dag_run_id: runId, task_id: taskId } = req.params;
    // map_index -1 sorts first, so the first row tells an unmapped instance from a mapped task.
    const [ti] = (
      await listTaskInstancesPage(ctx.client, {
        dagId,
        runId,
        taskId,
        orderBy: [{ key: "map_index", descending: false }],
        limit: 1,
      })
    ).taskInstances;
    if (ti === undefined)
      throw notFound(
        `The Task Instance with dag_id: \`${dagId}\`, run_id: \`${runId}\` and task_id: \`${taskId}\` was not found`,
      );
    if (ti.mapIndex !== -1)
      throw notFound("Task instance is mapped, add the map_index value to the URL");
    res.json(taskInstanceResponse(ti));
  });

  router.get(`${TIS}/:task_id/:map_index`, async (req, res) => {
    const key = keyOf(req, "path");
    const [ti] = (
      await listTaskInstancesPage(ctx.client, {
        dagId: key.dagId,
        runId: key.runId,
        taskId: key.taskId,
        mapIndexes: [key.mapIndex],
        limit: 1,
      })
    ).taskInstances;
    if (ti === undefined)
      throw notFound(
        `The Mapped Task Instance with dag_id: \`${key.dagId}\`, run_id: \`${key.runId}\`, task_id: \`${key.taskId}\`, and map_index: \`${key.mapIndex}\` was not found`,
      );
    res.json(taskInstanceResponse(ti));
  });

  const patch = (dryRun: boolean, mapIndexIn: "path" | "query") =>
    async function handle(req: Request, res: Response) {
      const raw: unknown = req.body;
      const body = parseInput(patchTaskInstanceBody, raw, "body");
      const query = parseInput(patchQuery, req.query, "query");
      const mask = updateMaskOf(req.query, TASK_INSTANCE_MASK_FIELDS);
      const mapIndex =
        mapIndexIn === "path"
          ? parseInput(mapIndexPath, req.params, "path").map_index
          : (query.map_index ?? null);
      const tis = await patchTaskInstances(ctx.client, cache, {
        dagId: pathSegment(req.params.dag_id),
        runId: pathSegment(req.params.dag_run_id),
        taskId: pathSegment(req.params.task_id),
        mapIndex,
        patch: taskInstancePatch(raw, body, mask),
        dryRun,
      });
      res.json(taskInstanceCollection(tis));
    };

  const asUser = requireRole("User");
  router.patch(`${TIS}/:task_id/dry_run`, asUser, patch(true, "query"));
  router.patch(`${TIS}/:task_id/:map_index/dry_run`, asUser, patch(true, "path"));
  router.patch(`${TIS}/:task_id`, auditAction(ctx, "patch_task_instance"));
  router.patch(`${TIS}/:task_id`, asUser, patch(false, "query"));
  router.patch(`${TIS}/:task_id/:map_index`, auditAction(ctx, "patch_task_instance"));
  router.patch(`${TIS}/:task_id/:map_index`, asUser, patch(false, "path"));

  router.post("/dags/:dag_id/clearTaskInstances", auditAction(ctx, "post_clear_task_instances"));
  router.post("/dags/:dag_id/clearTaskInstances", asUser, async (req, res) => {
    const body = parseClearTaskInstancesBody(req.body);
    const tis = await clearDagTaskInstances(
      ctx.client,
      cache,
      pathSegment(req.params.dag_id),
      body,
    );
    res.json(taskInstanceCollection(tis));
  });

  return router;
}
