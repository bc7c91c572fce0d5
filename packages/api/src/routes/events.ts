// GET /api/v2/events: a server-sent-events stream of state changes for the UI (not part of
// Airflow's spec; Airflow's UI polls). Without parameters: runs starting, changing and finishing,
// of every DAG or of `dag_id`; with `dag_id` and `dag_run_id`: that run and its task instances;
// adding `task_id`, `try_number` (and `map_index`): that try's log lines as they are written.
// Event names `dag_run`, `task_instance`, `log`; the data is JSON in the API's field names.
// Browsers' EventSource cannot set headers, so the `_token` cookie authenticates it.
import { Router } from "express";
import { z } from "zod";
import type { ApiContext } from "../context";
import { LiveFeed } from "../events/liveFeed";
import { parseInput } from "../http/validation";

const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;

const QUERY = z
  .object({
    dag_id: z.string().min(1).optional(),
    dag_run_id: z.string().min(1).optional(),
    task_id: z.string().min(1).optional(),
    map_index: z.coerce.number().int().min(-1).default(-1),
    try_number: z.coerce.number().int().min(0).optional(),
  })
  .strict()
  .refine((q) => q.dag_run_id === undefined || q.dag_id !== undefined, {
    message: "dag_run_id needs dag_id",
    path: ["dag_run_id"],
  })
  .refine(
    (q) => q.task_id === undefined || (q.dag_run_id !== undefined && q.try_number !== undefined),
    { message: "task_id needs dag_id, dag_run_id and try_number", path: ["task_id"] },
  );

export function eventsRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.get("/events", async (req, res) => {
    const query = parseInput(QUERY, req.query, "query");
    const feed = new LiveFeed(ctx.client, {
      dagId: query.dag_id ?? null,
      runId: query.dag_run_id ?? null,
      log:
        query.task_id === undefined || query.try_number === undefined
          ? null
          : { taskId: query.task_id, mapIndex: query.map_index, tryNumber: query.try_number },
    });
    // The first poll may fail (e.g. the database is down) before anything was written: an error.
    const first = await feed.poll();
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.write("retry: 2000\n\n");
    const send = (events: Awaited<ReturnType<LiveFeed["poll"]>>) => {
      for (const event of events)
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
    };
    send(first);
    let closed = false;
    let lastWrite = Date.now();
    const tick = async (): Promise<void> => {
      if (closed) return;
      try {
        const events = await feed.poll();
        send(events);
        if (events.length > 0) lastWrite = Date.now();
        else if (Date.now() - lastWrite >= HEARTBEAT_MS) {
          res.write(": keep-alive\n\n");
          lastWrite = Date.now();
        }
      } catch {
        // A failed poll is retried at the next tick; the client keeps its connection.
      }
      if (!closed) timer = setTimeout(() => void tick(), POLL_MS);
    };
    let timer = setTimeout(() => void tick(), POLL_MS);
    req.on("close", () => {
      closed = true;
      clearTimeout(timer);
    });
  });
  return router;
}
