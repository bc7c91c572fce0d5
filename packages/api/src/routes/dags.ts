// Airflow's DAG endpoints: GET /dags (filtered, paged, ordered), PATCH /dags (bulk pause),
// GET and PATCH /dags/{dag_id}, GET /dags/{dag_id}/details, GET /dags/{dag_id}/tasks and
// /tasks/{task_id}, DELETE /dags/{dag_id}, GET /dagSources/{dag_id} and GET /dagTags. Everything
// is read from the `dag` table and the serialized DAG (no DAG code runs here); pausing and
// deleting need the User role.
import {
  countActiveDagRuns,
  deleteDag,
  getDagResponseRow,
  getSerializedDag,
  listDags,
  listDagTags,
  notifyScheduler,
  type SerializedDagRow,
  setDagPaused,
  setDagsPaused,
  StoreError,
} from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import { auditAction } from "../audit/auditAction";
import { requireRole } from "../auth/authenticate";
import type { ApiContext } from "../context";
import { acceptJsonOrText, sendNotAcceptable } from "../dags/acceptJsonOrText";
import { dagDetailsResponse } from "../dags/dagDetailsResponse";
import { dagBulkPatchQuery, dagListFilters } from "../dags/dagListQuery";
import { DAG_ORDER_ATTRIBUTES, dagOrder } from "../dags/dagOrder";
import { DAG_PATCH_FIELDS, dagPatchBody } from "../dags/dagPatchBody";
import { dagResponse } from "../dags/dagResponse";
import { readDagSource } from "../dags/dagSource";
import { sortTasks } from "../dags/sortTasks";
import { taskResponse } from "../dags/taskResponse";
import { conflict, notFound } from "../http/apiError";
import { likePatterns } from "../http/likePatterns";
import { DEFAULT_PAGE_LIMIT, MAXIMUM_PAGE_LIMIT, pageRequest } from "../http/pagination";
import { pathSegment } from "../http/pathSegment";
import { queryInt, queryNonNegativeInt, queryString } from "../http/queryParams";
import { updateMaskOf } from "../http/updateMask";
import { parseInput } from "../http/validation";
import { dagNotFound } from "../taskInstances/dagOrNotFound";

const tasksQuery = z.object({ order_by: queryString.optional() });
const tagsQuery = z.object({
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
  tag_name_pattern: queryString.optional(),
});
const sourceQuery = z.object({ version_number: queryInt.optional() });

export function dagsRoutes(ctx: ApiContext): Router {
  const router = Router();
  const secret = ctx.options.auth.secret;

  async function serializedDagOf(dagId: string): Promise<SerializedDagRow> {
    const serialized = await getSerializedDag(ctx.client, { dagId });
    if (serialized === null) throw notFound(dagNotFound(dagId));
    return serialized;
  }

  router.get("/dags", async (req, res) => {
    const filters = dagListFilters(req.query);
    const page = pageRequest(req.query, DAG_ORDER_ATTRIBUTES, "dag_id", ["dag_id"]);
    const result = await listDags(ctx.client, {
      ...filters,
      orderBy: dagOrder(page),
      limit: page.limit,
      offset: page.offset,
    });
    res.json({
      dags: result.dags.map((dag) => dagResponse(dag, secret)),
      total_entries: result.totalEntries,
    });
  });

  // Airflow answers with the page of matching DAGs as they are after the update, and matches no
  // DAG at all without a dag_id_pattern (`~` or `%` match every DAG).
  router.patch("/dags", auditAction(ctx, "patch_dags"));
  router.patch("/dags", requireRole("User"), async (req, res) => {
    const body = parseInput(dagPatchBody, req.body, "body");
    const query = dagBulkPatchQuery(req.query);
    if (query.matchesNothing) return void res.json({ dags: [], total_entries: 0 });
    const page = await listDags(ctx.client, {
      ...query.filters,
      limit: Math.min(query.limit ?? DEFAULT_PAGE_LIMIT, MAXIMUM_PAGE_LIMIT),
      offset: query.offset ?? 0,
    });
    await setDagsPaused(ctx.client, { ...query.filters, isPaused: body.is_paused });
    if (!body.is_paused) await notifyScheduler(ctx.client, "dag_changed");
    res.json({
      dags: page.dags.map((dag) => dagResponse({ ...dag, isPaused: body.is_paused }, secret)),
      total_entries: page.totalEntries,
    });
  });

  router.get("/dags/:dag_id", async (req, res) => {
    const dagId = req.params.dag_id;
    const dag = await getDagResponseRow(ctx.client, { dagId });
    if (dag === null || !dag.isSerialized) throw notFound(dagNotFound(dagId));
    res.json(dagResponse(dag, secret));
  });

  router.patch("/dags/:dag_id", auditAction(ctx, "patch_dag"));
  router.patch("/dags/:dag_id", requireRole("User"), async (req, res) => {
    const dagId = pathSegment(req.params.dag_id);
    const body = parseInput(dagPatchBody, req.body, "body");
    const dag = await getDagResponseRow(ctx.client, { dagId });
    if (dag === null) throw notFound(`Dag with id: ${dagId} was not found`);
    updateMaskOf(req.query, DAG_PATCH_FIELDS);
    try {
      const updated = await setDagPaused(ctx.client, { dagId, isPaused: body.is_paused });
      if (dag.isPaused && !updated.isPaused) await notifyScheduler(ctx.client, "dag_changed");
      res.json(dagResponse({ ...dag, ...updated }, secret));
    } catch (error) {
      if (error instanceof StoreError && error.code === "NOT_FOUND")
        throw notFound(`Dag with id: ${dagId} was not found`);
      throw error;
    }
  });

  // As Airflow: 204, or 404 for an unknown DAG, or 409 while its task instances run (queued ones
  // too here: a worker would otherwise start a try whose rows are gone). The DAG processor
  // registers the DAG again if its file still defines it.
  router.delete("/dags/:dag_id", auditAction(ctx, "delete_dag"));
  router.delete("/dags/:dag_id", requireRole("User"), async (req, res) => {
    const dagId = pathSegment(req.params.dag_id);
    try {
      await deleteDag(ctx.client, { dagId });
    } catch (error) {
      if (error instanceof StoreError && error.code === "NOT_FOUND")
        throw notFound(`Dag with id: ${dagId} was not found`);
      if (error instanceof StoreError && error.code === "STATE_CONFLICT")
        throw conflict(`Task instances of dag with id: '${dagId}' are still running`);
      throw error;
    }
    res.status(204).end();
  });

  router.get("/dags/:dag_id/details", async (req, res) => {
    const dagId = req.params.dag_id;
    const serialized = await serializedDagOf(dagId);
    const dag = await getDagResponseRow(ctx.client, { dagId });
    if (dag === null) throw notFound(dagNotFound(dagId));
    const active = (await countActiveDagRuns(ctx.client, { dagIds: [dagId] }))[dagId];
    const activeRunsCount = (active?.queued ?? 0) + (active?.running ?? 0);
    res.json(dagDetailsResponse({ dag, serialized, activeRunsCount }, secret));
  });

  router.get("/dags/:dag_id/tasks", async (req, res) => {
    const { order_by: orderBy } = parseInput(tasksQuery, req.query, "query");
    const { dag } = (await serializedDagOf(req.params.dag_id)).data;
    const tasks = sortTasks(
      dag.tasks.map((task) => taskResponse(dag, task)),
      orderBy,
    );
    res.json({ tasks, total_entries: tasks.length });
  });

  router.get("/dags/:dag_id/tasks/:task_id", async (req, res) => {
    const taskId = req.params.task_id;
    const { dag } = (await serializedDagOf(req.params.dag_id)).data;
    const task = dag.tasks.find((t) => t.task_id === taskId);
    if (task === undefined) throw notFound(`Task with id ${taskId} was not found`);
    res.json(taskResponse(dag, task));
  });

  // Updraft keeps no DAG versions: the source is the DAG file as it is now (version_number
  // null), and asking for a numbered version finds none.
  router.get("/dagSources/:dag_id", async (req, res) => {
    const dagId = req.params.dag_id;
    const form = acceptJsonOrText(req.headers.accept);
    if (form === null) return sendNotAcceptable(res);
    const { version_number: version } = parseInput(sourceQuery, req.query, "query");
    const dag = await getDagResponseRow(ctx.client, { dagId });
    if (dag === null || !dag.isSerialized || version !== undefined)
      throw notFound(
        `The source code of the DAG ${dagId}, version_number ${version ?? "None"} was not found`,
      );
    const content = await readDagSource(dag, ctx.options.dagsFolder);
    if (form === "text") return void res.type("text/plain").send(content ?? "");
    res.json({
      content,
      dag_id: dagId,
      version_number: null,
      dag_display_name: dag.dagDisplayName,
    });
  });

  router.get("/dagTags", async (req, res) => {
    const query = parseInput(tagsQuery, req.query, "query");
    const page = pageRequest(req.query, { name: "name" }, "name", ["name"]);
    const result = await listDagTags(ctx.client, {
      namePatterns: likePatterns(query.tag_name_pattern),
      descending: page.orderBy[0]?.descending ?? false,
      limit: page.limit,
      offset: page.offset,
    });
    res.json({ tags: result.tags, total_entries: result.totalEntries });
  });

  return router;
}
