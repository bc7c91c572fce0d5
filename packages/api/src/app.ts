// The API app: Airflow's REST API v2 under /api/v2 and the login at /auth/token, with Airflow's
// conventions (see routes/), hardened by default — helmet's headers, no CORS unless origins are
// given, a body size limit, no stack traces to clients, a token on every call but health and
// version.
import express, { type Express } from "express";
import helmet from "helmet";
import { authenticate } from "./auth/authenticate";
import type { ApiContext, ApiOptions } from "./context";
import { ApiError } from "./http/apiError";
import { errorHandler } from "./http/errorHandler";
import { serveWebApp } from "./http/webApp";
import { assetsRoutes } from "./routes/assets";
import { authRoutes } from "./routes/auth";
import { configRoutes } from "./routes/config";
import { connectionsRoutes } from "./routes/connections";
import { dagRunsRoutes } from "./routes/dagRuns";
import { dagsRoutes } from "./routes/dags";
import { dagStatsRoutes } from "./routes/dagStats";
import { eventLogsRoutes } from "./routes/eventLogs";
import { eventsRoutes } from "./routes/events";
import { fabUsersRoutes } from "./routes/fabUsers";
import { importErrorsRoutes } from "./routes/importErrors";
import { monitorRoutes } from "./routes/monitor";
import { poolsRoutes } from "./routes/pools";
import { taskInstancesRoutes } from "./routes/taskInstances";
import { uiRoutes } from "./routes/ui";
import { uiDagsRoutes } from "./routes/uiDags";
import { variablesRoutes } from "./routes/variables";
import { xcomWritesRoutes } from "./routes/xcomWrites";

const MIN_SECRET_LENGTH = 32;

/** The Express app of the API. */
export function createApiApp(options: ApiOptions): Express {
  if (options.auth.secret.length < MIN_SECRET_LENGTH)
    throw new ApiError(
      "BAD_REQUEST",
      `auth.secret: expected at least ${MIN_SECRET_LENGTH} characters (UPDRAFT_API_SECRET_KEY)`,
    );
  const ctx: ApiContext = { client: options.client, options };
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "extended");
  app.use(helmet());
  const origins = options.corsOrigins ?? [];
  if (origins.length > 0)
    app.use((req, res, next) => {
      const origin = req.headers.origin;
      if (typeof origin === "string" && origins.includes(origin)) {
        res.setHeader("Access-Control-Allow-Origin", origin);
        res.setHeader("Vary", "Origin");
        res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE");
      }
      if (req.method === "OPTIONS") return void res.status(204).end();
      next();
    });
  app.use(express.json({ limit: options.bodyLimit ?? "1mb" }));
  app.use(express.urlencoded({ extended: false, limit: options.bodyLimit ?? "1mb" }));
  app.use(authRoutes(ctx));
  app.use("/auth/fab/v1", fabUsersRoutes(ctx));
  const api = express.Router();
  api.use(monitorRoutes(ctx));
  api.use(
    authenticate({
      secret: options.auth.secret,
      enabled: options.auth.enabled ?? true,
      ...(options.auth.expirationSeconds === undefined
        ? {}
        : { expirationSeconds: options.auth.expirationSeconds }),
    }),
  );
  for (const routes of [
    dagsRoutes,
    dagRunsRoutes,
    dagStatsRoutes,
    xcomWritesRoutes,
    taskInstancesRoutes,
    connectionsRoutes,
    variablesRoutes,
    poolsRoutes,
    assetsRoutes,
    importErrorsRoutes,
    eventsRoutes,
    eventLogsRoutes,
    configRoutes,
    uiRoutes,
    uiDagsRoutes,
  ])
    api.use(routes(ctx));
  api.use((req, _res, next) =>
    next(new ApiError("NOT_FOUND", `Not Found: ${req.method} ${req.path}`)),
  );
  app.use("/api/v2", api);
  if (options.uiDir !== undefined) app.use(serveWebApp(options.uiDir));
  app.use(errorHandler(options.log ?? ((error) => console.error(error))));
  return app;
}
