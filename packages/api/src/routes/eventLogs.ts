// Airflow's event log endpoints: GET /eventLogs (the audit log, filtered, paged, ordered) and GET
// /eventLogs/{event_log_id}; readable by every role, as Airflow's audit log is (Viewer reads it
// under both the simple and the FAB auth manager).
import { getEventLog, isEventLogOrderKey, listEventLogsPage } from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import type { ApiContext } from "../context";
import { eventLogFilters } from "../eventLogs/eventLogListQuery";
import { eventLogResponse } from "../eventLogs/eventLogResponse";
import { notFound } from "../http/apiError";
import { pageRequest } from "../http/pagination";
import { intText } from "../http/queryParams";
import { storeOrderBy, UNORDERED } from "../http/storeOrderBy";
import { parseInput } from "../http/validation";

/** order_by attribute → the store's order key (`when` and `event_log_id` are Airflow's aliases). */
const ORDER_ATTRIBUTES: Readonly<Record<string, string>> = {
  id: "id",
  event_log_id: "id",
  dttm: "dttm",
  when: "dttm",
  dag_id: "dag_id",
  task_id: "task_id",
  run_id: "run_id",
  event: "event",
  owner: "owner",
  extra: "extra",
  logical_date: UNORDERED,
};

const pathParams = z.object({ event_log_id: intText });

export function eventLogsRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get("/eventLogs", async (req, res) => {
    const filters = eventLogFilters(req.query);
    const page = pageRequest(req.query, ORDER_ATTRIBUTES, "id", ["id"]);
    if (filters === null) return void res.json({ event_logs: [], total_entries: 0 });
    const result = await listEventLogsPage(ctx.client, {
      ...filters,
      orderBy: storeOrderBy(page, isEventLogOrderKey),
      limit: page.limit,
      offset: page.offset,
    });
    res.json({
      event_logs: result.eventLogs.map(eventLogResponse),
      total_entries: result.totalEntries,
    });
  });

  router.get("/eventLogs/:event_log_id", async (req, res) => {
    const { event_log_id: id } = parseInput(pathParams, req.params, "path");
    // log.id is a bigint; an id JavaScript cannot hold exactly names no entry it could read.
    const entry = Number.isSafeInteger(id) ? await getEventLog(ctx.client, { id }) : null;
    // Python prints the integer itself, however large; a JS number would print 1e+21.
    const shown = Number.isSafeInteger(id) ? String(id) : String(req.params.event_log_id);
    if (entry === null) throw notFound(`The Event Log with id: \`${shown}\` not found`);
    res.json(eventLogResponse(entry));
  });

  return router;
}
