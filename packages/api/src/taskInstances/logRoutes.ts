// GET /dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/logs/{try_number}: one try's
// log from the store. `Accept: application/x-ndjson` answers one JSON message per line with the
// continuation token in the `Airflow-Continuation-Token` header (absent once the log has
// ended); anything else answers TaskInstancesLogResponse {content, continuation_token}.
import { Router } from "express";
import { z } from "zod";
import type { ApiContext } from "../context";
import { intText, queryBoolean, queryInt, queryString } from "../http/queryParams";
import { parseInput } from "../http/validation";
import { decodeLogToken, encodeLogToken } from "./logContinuationToken";
import { readTryLog } from "./tryLog";

const pathParams = z.object({
  try_number: intText.refine((n) => n >= 0, {
    error: "Input should be greater than or equal to 0",
  }),
});

const logQuery = z.object({
  full_content: queryBoolean.default(false),
  map_index: queryInt.default(-1),
  token: queryString.optional(),
});

/** Whether `accept` asks for NDJSON before (or instead of) JSON. */
function wantsNdjson(accept: string | undefined): boolean {
  for (const part of (accept ?? "").split(",")) {
    const type = part.split(";")[0]?.trim().toLowerCase();
    if (type === "application/x-ndjson") return true;
    if (type === "application/json") return false;
  }
  return false;
}

/** The log endpoint. */
export function logRoutes(ctx: ApiContext): Router {
  const router = Router();
  const secret = ctx.options.auth.secret;

  router.get(
    "/dags/:dag_id/dagRuns/:dag_run_id/taskInstances/:task_id/logs/:try_number",
    async (req, res) => {
      const { try_number: tryNumber } = parseInput(pathParams, req.params, "path");
      const query = parseInput(logQuery, req.query, "query");
      const afterId =
        query.token === undefined || query.token === "" ? 0 : decodeLogToken(secret, query.token);
      const log = await readTryLog(ctx.client, {
        dagId: req.params.dag_id,
        runId: req.params.dag_run_id,
        taskId: req.params.task_id,
        mapIndex: query.map_index,
        tryNumber,
        afterId,
        fullContent: query.full_content,
      });
      const token = log.endOfLog ? null : encodeLogToken(secret, log.logPos);
      if (wantsNdjson(req.headers.accept)) {
        if (token !== null) res.setHeader("Airflow-Continuation-Token", token);
        res.type("application/x-ndjson");
        res.send(log.content.map((message) => `${JSON.stringify(message)}\n`).join(""));
        return;
      }
      res.json({ content: log.content, continuation_token: token });
    },
  );

  return router;
}
