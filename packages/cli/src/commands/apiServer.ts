// `updraft api-server`: the REST API and the web UI's built files on
// UPDRAFT_API_HOST:UPDRAFT_API_PORT until SIGINT/SIGTERM; also started inside
// `updraft standalone`. The JWT secret comes from UPDRAFT_API_SECRET_KEY; without it a server on
// the embedded database keeps one of its own in <home>/api_secret_key (0600), so tokens survive a
// restart, while a server on Postgres refuses to start (replicas must share one secret).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createApiApp } from "@updraft/api";
import type { SqlClient } from "@updraft/store";
import type { Config } from "../config";
import { ConfigError } from "../config";
import { METRICS_PATH, withMetricsEndpoint } from "../observability/metricsEndpoint";
import { processMetrics } from "../observability/processMetrics";
import { cliLogger } from "./cliLogger";
import type { Io } from "./dags";
import { waitForStop } from "./stopSignal";
import { withMigratedDatabase } from "./withDatabase";

const SECRET_FILE = "api_secret_key";

/** The signing secret: configured, or this home's own (created on first use). */
export function apiSecret(config: Config): string {
  if (config.api.secretKey !== null) return config.api.secretKey;
  if (config.database.kind === "postgres")
    throw new ConfigError([
      "UPDRAFT_API_SECRET_KEY: required with a Postgres metadata database (every API server must sign tokens with the same secret); expected at least 32 characters",
    ]);
  const file = path.join(config.home, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(config.home, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

// From packages/cli/src/commands (or dist/commands), four levels up is the repository.
const BUILT_UI = path.resolve(__dirname, "..", "..", "..", "..", "apps", "web", "dist");

/** The UI to serve: the configured folder (which must hold a build), else the repository's if built. */
export function webUiDir(config: Config): string | null {
  if (config.api.uiDir !== null) {
    if (!existsSync(path.join(config.api.uiDir, "index.html")))
      throw new ConfigError([
        `UPDRAFT_UI_DIR: ${config.api.uiDir} holds no index.html; expected the folder \`pnpm --filter @updraft/web build\` writes (apps/web/dist)`,
      ]);
    return config.api.uiDir;
  }
  return existsSync(path.join(BUILT_UI, "index.html")) ? BUILT_UI : null;
}

/** A listening API server. */
export interface RunningApiServer {
  readonly url: string;
  /** Whether the web UI is served at `url`. */
  readonly servesUi: boolean;
  /** Where Prometheus scrapes (UPDRAFT_METRICS_ENABLED), unauthenticated; else null. */
  readonly metricsUrl: string | null;
  close(): Promise<void>;
}

/** Starts the API on the configured host and port. */
export async function startApiServer(
  config: Config,
  client: SqlClient,
  io: Io,
): Promise<RunningApiServer> {
  const uiDir = webUiDir(config);
  const logger = cliLogger(io, config.logFormat);
  const app = createApiApp({
    client,
    auth: { secret: apiSecret(config), enabled: config.api.authEnabled },
    dagsFolder: config.dagsFolder,
    corsOrigins: config.api.corsOrigins,
    ...(uiDir === null ? {} : { uiDir }),
    log: (error) => logger.error("api request failed", { error: String(error) }),
  });
  // Ahead of the app and its auth: Prometheus scrapers carry no token.
  const metrics = processMetrics(config);
  const server = http.createServer(
    metrics === null ? app : withMetricsEndpoint(app, metrics.registry),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.api.port, config.api.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = config.api.host === "0.0.0.0" ? "localhost" : config.api.host;
  if (uiDir === null)
    logger.warn("the web UI is not built: the API serves /api/v2 only", {
      build: "pnpm --filter @updraft/web build",
    });
  if (!config.api.authEnabled)
    logger.warn("API authentication is OFF (UPDRAFT_API_AUTH_ENABLED=false): everyone is Admin");
  const url = `http://${host}:${address.port}`;
  return {
    url,
    servesUi: uiDir !== null,
    metricsUrl: metrics === null ? null : `${url}${METRICS_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Live event streams never end on their own.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `updraft api-server`. */
export async function runApiServer(
  config: Config,
  io: Io,
  signal: AbortSignal | undefined,
): Promise<number> {
  return withMigratedDatabase(config, io, async (client) => {
    const logger = cliLogger(io, config.logFormat);
    const server = await startApiServer(config, client, io);
    logger.info("api server listening", {
      url: `${server.url}/api/v2`,
      metrics: server.metricsUrl ?? undefined,
    });
    try {
      await waitForStop(signal);
      logger.info("stopping");
    } finally {
      await server.close();
    }
    return 0;
  });
}
