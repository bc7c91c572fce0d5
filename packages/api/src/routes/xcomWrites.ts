// Airflow's XCom writes: POST …/taskInstances/{task_id}/xcomEntries creates an entry (404 for an
// unknown DAG, task or run, 409 when the entry exists) and PATCH …/xcomEntries/{xcom_key}
// replaces an entry's value (404 when there is none); both answer XComResponseNative. They need
// the User role: Airflow checks them as DAG access to XComs, which its simple auth manager grants
// to User and above for writes. Mounted before the task instance routes, whose
// `/{task_id}/{map_index}/dry_run` pattern would otherwise take a PATCH of the key `dry_run`.
import { DagCache } from "@updraft/scheduler";
import {
  createXcomEntry,
  listDagDisplayNames,
  type SqlClient,
  updateXcomEntry,
  type XcomWriteRow,
} from "@updraft/store";
import { type Request, Router } from "express";
import { auditAction } from "../audit/auditAction";
import { requireRole } from "../auth/authenticate";
import { parseBody } from "../config/parseBody";
import { storeErrorCode } from "../config/storeErrorCode";
import type { ApiContext } from "../context";
import { conflict, notFound } from "../http/apiError";
import { pathSegment } from "../http/pathSegment";
import { dagOrNotFound } from "../taskInstances/dagOrNotFound";
import { xcomCreateBody, xcomUpdateBody } from "../taskInstances/xcomBodies";
import { xcomResponse } from "../taskInstances/xcomResponse";

const ENTRIES = "/dags/:dag_id/dagRuns/:dag_run_id/taskInstances/:task_id/xcomEntries";

const instanceOf = (req: Request) => ({
  dagId: pathSegment(req.params.dag_id),
  runId: pathSegment(req.params.dag_run_id),
  taskId: pathSegment(req.params.task_id),
});

/** XComResponseNative of a written entry. */
async function nativeResponse(client: SqlClient, xcom: XcomWriteRow) {
  const names = await listDagDisplayNames(client, { dagIds: [xcom.dagId] });
  const dagDisplayName = names.get(xcom.dagId) ?? xcom.dagId;
  return { ...xcomResponse(xcom, { ...xcom, dagDisplayName }), value: xcom.value };
}

/** Creates the entry of `req`: 404s in Airflow's order (DAG, task, run), then 409 or 201. */
async function createEntry(ctx: ApiContext, dags: DagCache, req: Request) {
  const body = parseBody(xcomCreateBody, req.body);
  const { dagId, runId, taskId } = instanceOf(req);
  const dag = await dagOrNotFound(dags, dagId);
  if (!dag.taskById.has(taskId))
    throw notFound(`Task with ID: \`${taskId}\` not found in dag: \`${dagId}\``);
  let created: XcomWriteRow | null;
  try {
    created = await createXcomEntry(ctx.client, {
      dagId,
      runId,
      taskId,
      mapIndex: body.map_index,
      key: body.key,
      valueJson: JSON.stringify(body.value),
    });
  } catch (error) {
    if (storeErrorCode(error) === "NOT_FOUND")
      throw notFound(`Dag Run with ID: \`${runId}\` not found for dag: \`${dagId}\``);
    throw error;
  }
  if (created === null)
    throw conflict(
      `The XCom with key: \`${body.key}\` with mentioned task instance already exists.`,
    );
  return nativeResponse(ctx.client, created);
}

/** The XCom write endpoints. */
export function xcomWritesRoutes(ctx: ApiContext): Router {
  const router = Router();
  const dags = new DagCache(ctx.client);
  const asUser = requireRole("User");

  router.post(ENTRIES, auditAction(ctx, "create_xcom_entry"), asUser, async (req, res) => {
    res.status(201).json(await createEntry(ctx, dags, req));
  });

  router.patch(
    `${ENTRIES}/:xcom_key`,
    auditAction(ctx, "update_xcom_entry"),
    asUser,
    async (req, res) => {
      const body = parseBody(xcomUpdateBody, req.body);
      const key = pathSegment(req.params.xcom_key);
      const updated = await updateXcomEntry(ctx.client, {
        ...instanceOf(req),
        mapIndex: body.map_index,
        key,
        valueJson: JSON.stringify(body.value),
      });
      if (updated === null)
        throw notFound(`The XCom with key: \`${key}\` with mentioned task instance doesn't exist.`);
      res.json(await nativeResponse(ctx.client, updated));
    },
  );

  return router;
}
