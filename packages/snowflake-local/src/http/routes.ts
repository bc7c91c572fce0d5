// The HTTP endpoints snowflake-sdk calls, each answering with Snowflake's envelope.

import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { SqlError } from "../errors";
import type { Resources } from "../exec/resources";
import type { QueryRequest } from "../exec/executeRequest";
import { executeRequest } from "../exec/executeRequest";
import type { Session } from "../session/session";
import type { SessionStore } from "../session/sessionStore";
import { normalizeNameText } from "../sql/names";
import { failure, ok } from "./envelope";
import { sessionParameters } from "./parameters";
import { queryResponseData } from "./queryResponse";
import type { ResultCache } from "./resultCache";

/** What every route may use. */
export interface HttpContext {
  readonly sessions: SessionStore;
  readonly resources: Resources;
  readonly results: ResultCache;
}

/** A route's answer: HTTP status and JSON body. */
export interface RouteAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** One request, parsed. */
export interface RouteRequest {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly body: unknown;
}

const VALIDITY_SECONDS = 24 * 60 * 60;
const answer = (body: unknown, status = 200): RouteAnswer => ({ status, body });

/** POST /session/v1/login-request: any user and password; database/schema from the query. */
export async function login(ctx: HttpContext, { url, body }: RouteRequest): Promise<RouteAnswer> {
  const data = (body as { data?: Record<string, unknown> }).data ?? {};
  const param = (key: string): string | null => {
    const v = url.searchParams.get(key);
    return v === null || v === "" ? null : normalizeNameText(v);
  };
  const user = typeof data["LOGIN_NAME"] === "string" ? data["LOGIN_NAME"] : "LOCAL";
  const wantedDb = param("databaseName");
  const database =
    wantedDb !== null && (await ctx.resources.catalog.exists(wantedDb)) ? wantedDb : null;
  const wantedSchema = param("schemaName") ?? "PUBLIC";
  const schema =
    database !== null && (await ctx.resources.catalog.schemaExists(database, wantedSchema))
      ? wantedSchema
      : null;
  const session = await ctx.sessions.open({
    user: user.toUpperCase(),
    database,
    schema,
    warehouse: param("warehouse"),
    role: param("roleName"),
  });
  return answer(
    ok({
      token: session.token,
      masterToken: session.masterToken,
      validityInSeconds: VALIDITY_SECONDS,
      masterValidityInSeconds: VALIDITY_SECONDS,
      sessionId: Number(session.id),
      parameters: sessionParameters(session),
      sessionInfo: {
        databaseName: session.database,
        schemaName: session.schema,
        warehouseName: session.warehouse,
        roleName: session.role,
      },
      serverVersion: "snowflake-local",
      displayUserName: session.user,
      firstLogin: false,
    }),
  );
}

/** POST /queries/v1/query-request. */
export async function queryRequest(ctx: HttpContext, request: RouteRequest): Promise<RouteAnswer> {
  const session = sessionOf(ctx, request.req);
  if (session === undefined) return invalidToken();
  const queryId = randomUUID();
  try {
    const body = request.body as QueryRequest;
    const result = await executeRequest(ctx.resources, session, {
      ...body,
      sqlText: String(body.sqlText ?? ""),
    });
    const data = queryResponseData(result, session, queryId);
    ctx.results.remember(queryId, {
      data,
      rows: result.kind === "rows" ? result.rowset.length : 0,
    });
    return answer(ok(data));
  } catch (error) {
    if (!(error instanceof SqlError)) throw error;
    ctx.results.remember(queryId, { error });
    return answer(failure(error, queryId));
  }
}

/** GET /queries/{id}/result: the outcome of a recent query, for asyncExec and getResultsFromQueryId. */
export function queryResult(
  ctx: HttpContext,
  request: RouteRequest,
  queryId: string,
): Promise<RouteAnswer> {
  if (sessionOf(ctx, request.req) === undefined) return Promise.resolve(invalidToken());
  const outcome = ctx.results.get(queryId) ?? {
    error: new SqlError("002003", `Query ${queryId} result not found.`),
  };
  return Promise.resolve(
    answer("data" in outcome ? ok(outcome.data) : failure(outcome.error, queryId)),
  );
}

/** GET /monitoring/queries/{id}: queries run synchronously, so every known one has finished. */
export function queryStatus(
  ctx: HttpContext,
  _request: RouteRequest,
  queryId: string,
): Promise<RouteAnswer> {
  const outcome = ctx.results.get(queryId);
  if (outcome === undefined) return Promise.resolve(answer(ok({ queries: [] })));
  const status =
    "data" in outcome
      ? { id: queryId, status: "SUCCESS" }
      : {
          id: queryId,
          status: "FAILED_WITH_ERROR",
          errorCode: outcome.error.code,
          errorMessage: outcome.error.message,
        };
  return Promise.resolve(answer(ok({ queries: [status] })));
}

/** POST /session/token-request: renews by handing back the same tokens. */
export function renewToken(ctx: HttpContext, { req }: RouteRequest): Promise<RouteAnswer> {
  const token = tokenOf(req);
  const session =
    token === undefined
      ? undefined
      : (ctx.sessions.byMasterToken(token) ?? ctx.sessions.get(token));
  if (session === undefined) return Promise.resolve(invalidToken());
  return Promise.resolve(
    answer(
      ok({
        sessionToken: session.token,
        validityInSecondsST: VALIDITY_SECONDS,
        masterToken: session.masterToken,
        validityInSecondsMT: VALIDITY_SECONDS,
        sessionId: Number(session.id),
      }),
    ),
  );
}

/** POST /session?delete=true: ends the session. */
export async function deleteSession(ctx: HttpContext, { req }: RouteRequest): Promise<RouteAnswer> {
  const token = tokenOf(req);
  if (token !== undefined) await ctx.sessions.close(token);
  return answer(ok(null));
}

/** Telemetry, heartbeat, abort: nothing to do. */
export function acknowledge(): Promise<RouteAnswer> {
  return Promise.resolve(answer(ok(null)));
}

function invalidToken(): RouteAnswer {
  return answer({
    success: false,
    code: "390104",
    message: "Authentication token is invalid or the session has ended.",
    data: null,
  });
}

function sessionOf(ctx: HttpContext, req: IncomingMessage): Session | undefined {
  const token = tokenOf(req);
  return token === undefined ? undefined : ctx.sessions.get(token);
}

/** The token in `Authorization: Snowflake Token="..."`. */
function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? "";
  return /Token="([^"]*)"/.exec(header)?.[1];
}
