// Dispatches HTTP requests to routes. Unexpected failures answer 200 with an error body rather
// than 5xx, which the driver would retry for a long time.

import type { IncomingMessage, ServerResponse } from "node:http";
import { toSqlError } from "../exec/duckdbError";
import { failure } from "./envelope";
import { readJsonBody } from "./readBody";
import type { HttpContext, RouteAnswer, RouteRequest } from "./routes";
import {
  acknowledge,
  deleteSession,
  login,
  queryRequest,
  queryResult,
  queryStatus,
  renewToken,
} from "./routes";

type Route = (ctx: HttpContext, request: RouteRequest, id: string) => Promise<RouteAnswer>;

const ROUTES: readonly (readonly [string, RegExp, Route])[] = [
  ["POST", /^\/session\/v1\/login-request$/, login],
  ["POST", /^\/queries\/v1\/query-request$/, queryRequest],
  ["GET", /^\/queries\/([^/]+)\/result$/, queryResult],
  ["GET", /^\/monitoring\/queries\/([^/]+)$/, queryStatus],
  ["POST", /^\/session\/token-request$/, renewToken],
  ["POST", /^\/session$/, deleteSession],
  ["POST", /^\/session\/heartbeat$/, acknowledge],
  ["POST", /^\/telemetry\/send$/, acknowledge],
  ["POST", /^\/queries\/v1\/abort-request$/, acknowledge],
  ["POST", /^\/queries\/([^/]+)\/abort-request$/, acknowledge],
];

/** The `request` listener of the server's http.Server. */
export function createRequestListener(
  ctx: HttpContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(ctx, req)
      .then((a) => send(res, a.status, a.body))
      .catch((error: unknown) => send(res, 200, failure(toSqlError(error), null)));
  };
}

async function handle(ctx: HttpContext, req: IncomingMessage): Promise<RouteAnswer> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  try {
    const body = await readJsonBody(req);
    for (const [method, pattern, route] of ROUTES) {
      const match = pattern.exec(url.pathname);
      if (req.method === method && match !== null)
        return await route(ctx, { req, url, body }, match[1] ?? "");
    }
    return {
      status: 404,
      body: {
        success: false,
        code: "404",
        message: `No route for ${req.method ?? ""} ${url.pathname}`,
        data: null,
      },
    };
  } catch (error) {
    return { status: 200, body: failure(toSqlError(error), null) };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}
