// GET …/taskInstances/{task_id}/xcomEntries (a page of entries without values; `~` for dag_id,
// dag_run_id and task_id lists across) and GET …/xcomEntries/{xcom_key} (one entry with its
// value, natively or as a string). As in Airflow, the list names no missing DAG or run: it is
// just empty.
import {
  getDagRun,
  listDagDisplayNames,
  listXcomEntries,
  pullXcoms,
  type SqlClient,
} from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import type { ApiContext } from "../context";
import { notFound } from "../http/apiError";
import { DEFAULT_PAGE_LIMIT, MAXIMUM_PAGE_LIMIT } from "../http/pagination";
import { queryBoolean, queryIntAtLeast, queryString } from "../http/queryParams";
import { parseInput } from "../http/validation";
import { stringifiedValue, xcomResponse } from "./xcomResponse";

const listQuery = z.object({
  xcom_key: queryString.optional(),
  map_index: queryIntAtLeast(-1).optional(),
  limit: queryIntAtLeast(0).default(DEFAULT_PAGE_LIMIT),
  offset: queryIntAtLeast(0).default(0),
});

const entryQuery = z.object({
  map_index: queryIntAtLeast(-1).default(-1),
  deserialize: queryBoolean.default(false),
  stringify: queryBoolean.default(false),
});

const all = (segment: string | undefined): string | undefined =>
  segment === "~" ? undefined : segment;

async function displayNames(client: SqlClient, dagIds: readonly string[]) {
  return listDagDisplayNames(client, { dagIds: [...new Set(dagIds)] });
}

/** The XCom endpoints. */
export function xcomRoutes(ctx: ApiContext): Router {
  const router = Router();
  const base = "/dags/:dag_id/dagRuns/:dag_run_id/taskInstances/:task_id/xcomEntries";

  router.get(base, async (req, res) => {
    const query = parseInput(listQuery, req.query, "query");
    const dagId = all(req.params.dag_id);
    const runId = all(req.params.dag_run_id);
    const taskId = all(req.params.task_id);
    const page = await listXcomEntries(ctx.client, {
      ...(dagId === undefined ? {} : { dagId }),
      ...(runId === undefined ? {} : { runId }),
      ...(taskId === undefined ? {} : { taskId }),
      ...(query.map_index === undefined ? {} : { mapIndex: query.map_index }),
      ...(query.xcom_key === undefined ? {} : { key: query.xcom_key }),
      limit: Math.min(query.limit, MAXIMUM_PAGE_LIMIT),
      offset: query.offset,
    });
    const names = await displayNames(
      ctx.client,
      page.xcomEntries.map((x) => x.dagId),
    );
    res.json({
      xcom_entries: page.xcomEntries.map((x) =>
        xcomResponse(x, { ...x, dagDisplayName: names.get(x.dagId) ?? x.dagId }),
      ),
      total_entries: page.totalEntries,
    });
  });

  router.get(`${base}/:xcom_key`, async (req, res) => {
    const query = parseInput(entryQuery, req.query, "query");
    const { dag_id: dagId, dag_run_id: runId, task_id: taskId, xcom_key: key } = req.params;
    const [xcom] = await pullXcoms(ctx.client, {
      dagId,
      runId,
      taskIds: [taskId],
      key,
      mapIndexes: [query.map_index],
    });
    const run = xcom === undefined ? null : await getDagRun(ctx.client, { dagId, runId });
    if (xcom === undefined || run === null)
      throw notFound(`XCom entry with key: \`${key}\` not found`);
    const names = await displayNames(ctx.client, [dagId]);
    const entry = xcomResponse(xcom, { ...run, dagDisplayName: names.get(dagId) ?? dagId });
    // The store keeps values as JSON, so deserializing yields the same value.
    res.json({ ...entry, value: query.stringify ? stringifiedValue(xcom.value) : xcom.value });
  });

  return router;
}
