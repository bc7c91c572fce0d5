// GET /api/v2/dagStats: how many runs each DAG has in each state, every state listed (0 when it
// has none), as Airflow answers it; `dag_ids` (repeatable) narrows it to those DAGs. A DAG with
// no run at all is not listed. Every role may read it.
import { DagRunState } from "@updraft/sdk";
import { type DagRunStateCount, listDagRunStateCounts } from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import type { ApiContext } from "../context";
import { queryStrings } from "../http/queryParams";
import { parseInput } from "../http/validation";

const statsQuery = z.object({ dag_ids: queryStrings });

/** Airflow's DagStatsResponse list: one entry per DAG, its states in DagRunState's order. */
function dagStatsResponse(counts: readonly DagRunStateCount[]) {
  const byDag = new Map<string, { name: string; counts: Map<string, number> }>();
  for (const c of counts) {
    const entry = byDag.get(c.dagId) ?? { name: c.dagDisplayName, counts: new Map() };
    entry.counts.set(c.state, c.count);
    byDag.set(c.dagId, entry);
  }
  return [...byDag].map(([dagId, entry]) => ({
    dag_id: dagId,
    dag_display_name: entry.name,
    stats: Object.values(DagRunState).map((state) => ({
      state,
      count: entry.counts.get(state) ?? 0,
    })),
  }));
}

/** The DAG stats endpoint. */
export function dagStatsRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get("/dagStats", async (req, res) => {
    const { dag_ids: dagIds } = parseInput(statsQuery, req.query, "query");
    const dags = dagStatsResponse(await listDagRunStateCounts(ctx.client, { dagIds }));
    res.json({ dags, total_entries: dags.length });
  });
  return router;
}
