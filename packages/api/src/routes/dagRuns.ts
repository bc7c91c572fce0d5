// Airflow's DagRun endpoints under /api/v2/dags/{dag_id}/dagRuns: list (of one DAG, or of all
// with dag_id `~`), get, wait (an NDJSON stream until the run finishes), trigger, patch (state
// and note), delete, clear, and the batch list POST /dags/~/dagRuns/list. Reading needs Viewer;
// triggering, marking, clearing and deleting need User. Ids from the path are bound parameters
// everywhere.
import { clearTasks, DagCache } from "@updraft/scheduler";
import {
  deleteDagRun,
  type DagRunResponseRow,
  getDag,
  getDagRunResponseRow,
  listDagRunsPage,
  type ListDagRunsPageInput,
  listTaskInstancesPage,
  setDagRunNote,
  type SqlClient,
} from "@updraft/store";
import { type Request, Router } from "express";
import { z } from "zod";
import { auditAction } from "../audit/auditAction";
import { requireRole } from "../auth/authenticate";
import type { ApiContext } from "../context";
import { dagRunListQuery } from "../dagRuns/dagRunListQuery";
import { dagRunResponse } from "../dagRuns/dagRunResponse";
import { dagRunsBatchBody } from "../dagRuns/dagRunsBatchBody";
import { streamDagRunWait } from "../dagRuns/dagRunWaiter";
import { DAG_RUN_PATCH_STATES, markDagRunState } from "../dagRuns/markDagRunState";
import { triggerDagRunBody, triggerDagRunFromApi } from "../dagRuns/triggerDagRunRequest";
import { notFound } from "../http/apiError";
import { pathSegment } from "../http/pathSegment";
import { queryNumber, queryStrings } from "../http/queryParams";
import { fieldsToUpdate, updateMaskOf } from "../http/updateMask";
import { parseInput } from "../http/validation";
import { BY_RUN_TASK_AND_MAP_INDEX } from "../taskInstances/taskInstanceOrder";
import { taskInstanceCollection } from "../taskInstances/taskInstanceResponse";

const ALL_DAGS = "~";

const PATCH_BODY = z
  .object({
    state: z.enum(DAG_RUN_PATCH_STATES).nullable().optional(),
    note: z.string().max(1000).nullable().optional(),
  })
  .strict();
const PATCH_FIELDS = ["state", "note"] as const;

const CLEAR_BODY = z
  .object({
    dry_run: z.boolean().default(true),
    only_failed: z.boolean().default(false),
    // Accepted for Airflow's clients; a DAG has one version here, which is always the latest.
    run_on_latest_version: z.boolean().default(false),
  })
  .strict();

const BATCH_PATH = z.object({ dag_id: z.literal(ALL_DAGS) });

const WAIT_QUERY = z.object({
  interval: z
    .custom((value) => value !== undefined, { error: "Field required" })
    .pipe(queryNumber)
    .refine((seconds) => seconds > 0, { error: "Input should be greater than 0" }),
  result: queryStrings,
});

/** A path parameter of the route (always present: the route's pattern names it). */
function pathParam(req: Request, name: "dag_id" | "dag_run_id"): string {
  return pathSegment((req.params as Record<string, unknown>)[name]);
}

/** The DAG and run ids of a `/dags/:dag_id/dagRuns/:dag_run_id…` route. */
const runPath = (req: Request) => ({
  dagId: pathParam(req, "dag_id"),
  runId: pathParam(req, "dag_run_id"),
});

const runNotFound = (dagId: string, runId: string) =>
  notFound(`The DagRun with dag_id: \`${dagId}\` and run_id: \`${runId}\` was not found`);

async function requireRun(
  client: SqlClient,
  dagId: string,
  runId: string,
): Promise<DagRunResponseRow> {
  const run = await getDagRunResponseRow(client, { dagId, runId });
  if (run === null) throw runNotFound(dagId, runId);
  return run;
}

async function listPage(client: SqlClient, input: ListDagRunsPageInput | null) {
  if (input === null) return { dag_runs: [], total_entries: 0 };
  const page = await listDagRunsPage(client, input);
  return { dag_runs: page.dagRuns.map(dagRunResponse), total_entries: page.totalEntries };
}

export function dagRunsRoutes(ctx: ApiContext): Router {
  const router = Router();
  const { client } = ctx;
  const dags = new DagCache(client);

  router.get("/dags/:dag_id/dagRuns", async (req, res) => {
    const dagId = pathParam(req, "dag_id");
    const input = dagRunListQuery(req.query, dagId === ALL_DAGS ? null : dagId);
    if (dagId !== ALL_DAGS && (await getDag(client, { dagId })) === null)
      throw notFound(`The DAG with dag_id: \`${dagId}\` was not found`);
    res.json(await listPage(client, input));
  });

  router.post("/dags/:dag_id/dagRuns/list", async (req, res) => {
    parseInput(BATCH_PATH, req.params, "path");
    res.json(await listPage(client, dagRunsBatchBody(req.body)));
  });

  router.post("/dags/:dag_id/dagRuns", auditAction(ctx, "trigger_dag_run"));
  router.post("/dags/:dag_id/dagRuns", requireRole("User"), async (req, res) => {
    const dagId = pathParam(req, "dag_id");
    const body = triggerDagRunBody(req.body);
    const run = await triggerDagRunFromApi(client, dags, dagId, body);
    res.json(dagRunResponse(await requireRun(client, run.dagId, run.runId)));
  });

  router.get("/dags/:dag_id/dagRuns/:dag_run_id", async (req, res) => {
    const { dagId, runId } = runPath(req);
    res.json(dagRunResponse(await requireRun(client, dagId, runId)));
  });

  router.get("/dags/:dag_id/dagRuns/:dag_run_id/wait", async (req, res) => {
    const { dagId, runId } = runPath(req);
    const query = parseInput(WAIT_QUERY, req.query, "query");
    await requireRun(client, dagId, runId);
    await streamDagRunWait(client, res, {
      dagId,
      runId,
      intervalMs: query.interval * 1000,
      resultTaskIds: query.result,
    });
  });

  router.patch("/dags/:dag_id/dagRuns/:dag_run_id", auditAction(ctx, "patch_dag_run"));
  router.patch("/dags/:dag_id/dagRuns/:dag_run_id", requireRole("User"), async (req, res) => {
    const { dagId, runId } = runPath(req);
    const body = parseInput(PATCH_BODY, req.body, "body");
    const run = await requireRun(client, dagId, runId);
    const fields = fieldsToUpdate(PATCH_FIELDS, req.body, updateMaskOf(req.query, PATCH_FIELDS));
    if (fields.has("state") && body.state != null) {
      if ((await getDag(client, { dagId })) === null)
        throw notFound(`Dag with id ${dagId} was not found`);
      await markDagRunState(client, run, body.state);
    }
    if (fields.has("note")) await setDagRunNote(client, { dagId, runId, note: body.note ?? null });
    res.json(dagRunResponse(await requireRun(client, dagId, runId)));
  });

  router.delete("/dags/:dag_id/dagRuns/:dag_run_id", auditAction(ctx, "delete_dag_run"));
  router.delete("/dags/:dag_id/dagRuns/:dag_run_id", requireRole("User"), async (req, res) => {
    const { dagId, runId } = runPath(req);
    if (!(await deleteDagRun(client, { dagId, runId }))) throw runNotFound(dagId, runId);
    res.status(204).end();
  });

  router.post("/dags/:dag_id/dagRuns/:dag_run_id/clear", auditAction(ctx, "clear_dag_run"));
  router.post("/dags/:dag_id/dagRuns/:dag_run_id/clear", requireRole("User"), async (req, res) => {
    const { dagId, runId } = runPath(req);
    const body = parseInput(CLEAR_BODY, req.body, "body");
    await requireRun(client, dagId, runId);
    const dag = await dags.get(dagId);
    if (dag === null) throw notFound(`Dag with id ${dagId} was not found`);
    const tis = await clearTasks(client, dags, {
      dagId,
      runIds: [runId],
      taskIds: [...dag.taskById.keys()],
      onlyFailed: body.only_failed,
      dryRun: body.dry_run,
    });
    if (body.dry_run) {
      // The instances as the task instance endpoints show them, in clearTasks's order.
      const page =
        tis.length === 0
          ? { taskInstances: [] }
          : await listTaskInstancesPage(client, {
              ids: tis.map((ti) => ti.id),
              orderBy: BY_RUN_TASK_AND_MAP_INDEX,
              limit: tis.length,
            });
      return void res.json(taskInstanceCollection(page.taskInstances));
    }
    res.json(dagRunResponse(await requireRun(client, dagId, runId)));
  });

  return router;
}
