// The DAGs list of the web UI (Airflow 3.0's private GET /ui/dags/recent_dag_runs): a page of
// DAGs, filtered as GET /dags filters them, each with its newest runs (`dag_runs_limit`,
// default 10, newest first) for the list's state dots. Unlike Airflow 3.0, which pages over
// (DAG, run) rows, the page and total_entries count DAGs, and `order_by` takes GET /dags's
// attributes (the UI sorts by name).
import { listDags, recentDagRuns } from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import type { ApiContext } from "../context";
import { dagRunResponse } from "../dagRuns/dagRunResponse";
import { dagListFilters } from "../dags/dagListQuery";
import { DAG_ORDER_ATTRIBUTES, dagOrder } from "../dags/dagOrder";
import { dagResponse } from "../dags/dagResponse";
import { pageRequest } from "../http/pagination";
import { queryNonNegativeInt } from "../http/queryParams";
import { parseInput } from "../http/validation";

const DEFAULT_DAG_RUNS_LIMIT = 10;

const recentRunsQuery = z.object({ dag_runs_limit: queryNonNegativeInt.optional() });

export function uiDagsRoutes(ctx: ApiContext): Router {
  const router = Router();
  const secret = ctx.options.auth.secret;

  router.get("/ui/dags/recent_dag_runs", async (req, res) => {
    const filters = dagListFilters(req.query);
    const { dag_runs_limit: runsLimit } = parseInput(recentRunsQuery, req.query, "query");
    const page = pageRequest(req.query, DAG_ORDER_ATTRIBUTES, "dag_id", ["dag_id"]);
    const result = await listDags(ctx.client, {
      ...filters,
      orderBy: dagOrder(page),
      limit: page.limit,
      offset: page.offset,
    });
    const runs = await recentDagRuns(ctx.client, {
      dagIds: result.dags.map((dag) => dag.dagId),
      limit: runsLimit ?? DEFAULT_DAG_RUNS_LIMIT,
    });
    res.json({
      total_entries: result.totalEntries,
      dags: result.dags.map((dag) => ({
        ...dagResponse(dag, secret),
        latest_dag_runs: (runs.get(dag.dagId) ?? []).map(dagRunResponse),
      })),
    });
  });

  return router;
}
