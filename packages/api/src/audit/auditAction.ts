// The middleware that records a mutating request in the audit log (Airflow's `log` table, read
// back through /eventLogs): one entry per authenticated request, by the caller, written before
// the role check and the handler and committed on its own — so an attempt that is refused (403)
// or then fails (404, 409, 422) is on record too. Airflow's action_logging runs before the
// permission check on its variable, XCom and task-instance routers and after it on others;
// Updraft records every attempt. Mount it as the route's first handler (or on a line of its own
// just before the route).
import { recordAuditEvent } from "@updraft/store";
import type { Request, RequestHandler } from "express";
import { principalOf } from "../auth/authenticate";
import type { ApiContext } from "../context";
import { pathRest } from "../config/pathRest";
import type { AuditEvent } from "./auditEvents";
import { auditEntry } from "./auditEntry";

/** The query parameters as sent (a repeated one, each time), as Starlette lists them. */
function queryOf(req: Request): [string, string][] {
  const search = new URL(req.originalUrl, "http://localhost").searchParams;
  return [...search.entries()];
}

/** The path parameters, a wildcard's segments joined as the path gave them. */
const pathOf = (req: Request): Record<string, string> =>
  Object.fromEntries(
    Object.entries(req.params as Record<string, unknown>).map(([k, v]) => [k, pathRest(v)]),
  );

const hasJsonBody = (req: Request): boolean =>
  (req.headers["content-type"] ?? "").includes("application/json") && req.body !== undefined;

/** Records the request as `event` (by the caller), then hands it on. */
export function auditAction(ctx: ApiContext, event: AuditEvent): RequestHandler {
  return async (req, _res, next) => {
    const entry = auditEntry(event, {
      method: req.method,
      query: queryOf(req),
      path: pathOf(req),
      body: hasJsonBody(req) ? (req.body as unknown) : undefined,
    });
    if (entry !== null)
      await recordAuditEvent(ctx.client, { ...entry, owner: principalOf(req).username });
    next();
  };
}
