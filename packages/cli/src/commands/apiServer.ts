// `updraft api-server`: the REST API (and, with the UI, its static files later) on
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
import { logLine } from "./cliLogger";
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

/** A listening API server. */
export interface RunningApiServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the API on the configured host and port. */
export async function startApiServer(
  config: Config,
  client: SqlClient,
  io: Io,
): Promise<RunningApiServer> {
  const app = createApiApp({
    client,
    auth: { secret: apiSecret(config), enabled: config.api.authEnabled },
    dagsFolder: config.dagsFolder,
    corsOrigins: config.api.corsOrigins,
    log: (error) => io.err(logLine("error", "api request failed", { error: String(error) })),
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.api.port, config.api.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = config.api.host === "0.0.0.0" ? "localhost" : config.api.host;
  if (!config.api.authEnabled)
    io.err(
      logLine(
        "warn",
        "API authentication is OFF (UPDRAFT_API_AUTH_ENABLED=false): everyone is Admin",
      ),
    );
  return {
    url: `http://${host}:${address.port}`,
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
    const server = await startApiServer(config, client, io);
    io.out(logLine("info", "api server listening", { url: `${server.url}/api/v2` }));
    try {
      await waitForStop(signal);
      io.out(logLine("info", "stopping"));
    } finally {
      await server.close();
    }
    return 0;
  });
}
