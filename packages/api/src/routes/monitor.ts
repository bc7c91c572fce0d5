// GET /api/v2/monitor/health and GET /api/v2/version: the two endpoints that need no token.
// A scheduler is healthy when its job heartbeated within the last 30 s (Airflow's
// scheduler_health_check_threshold); the triggerer does not exist here (status null).
import { listLiveJobs } from "@updraft/store";
import { Router } from "express";
import type { ApiContext } from "../context";
import { apiDate } from "../serialize/datetime";

const SCHEDULER_HEALTH_THRESHOLD_MS = 30_000;

export function monitorRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get("/monitor/health", async (_req, res) => {
    let database = "healthy";
    try {
      await ctx.client.query("select 1");
    } catch {
      database = "unhealthy";
    }
    const component = async (jobType: string) => {
      if (database !== "healthy") return { status: null, latest: null };
      const [latest] = await listLiveJobs(ctx.client, { jobType });
      if (latest === undefined) return { status: null, latest: null };
      const fresh = Date.now() - latest.latestHeartbeat.getTime() < SCHEDULER_HEALTH_THRESHOLD_MS;
      return { status: fresh ? "healthy" : "unhealthy", latest: apiDate(latest.latestHeartbeat) };
    };
    const scheduler = await component("SchedulerJob");
    res.json({
      metadatabase: { status: database },
      scheduler: {
        status: scheduler.status ?? "unhealthy",
        latest_scheduler_heartbeat: scheduler.latest,
      },
      triggerer: { status: null, latest_triggerer_heartbeat: null },
      dag_processor: {
        status: scheduler.status,
        latest_dag_processor_heartbeat: scheduler.latest,
      },
    });
  });
  router.get("/version", (_req, res) => {
    res.json({ version: ctx.options.version ?? "0.1.0", git_version: null });
  });
  return router;
}
