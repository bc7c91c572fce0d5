// Starts the server: one DuckDB instance (in memory, with Snowflake databases ATTACHed from
// dataDir), an HTTP server on 127.0.0.1, and the handle that stops both.

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { DatabaseCatalog } from "./catalog/databaseCatalog";
import { FileFormatStore } from "./copy/fileFormatStore";
import { LoadHistory } from "./copy/loadHistory";
import { LocalSnowflakeError } from "./errors";
import type { Resources } from "./exec/resources";
import { ScratchConnection } from "./exec/scratchConnection";
import { ResultCache } from "./http/resultCache";
import { createRequestListener } from "./http/router";
import type { LocalSnowflakeOptions } from "./options";
import { compileLocalSnowflakeOptions } from "./options";
import { SessionStore } from "./session/sessionStore";
import { StageStore } from "./stage/stageStore";

/** A running local Snowflake. */
export interface LocalSnowflake {
  readonly port: number;
  /** http://127.0.0.1:<port> — pass as snowflake-sdk's accessUrl. */
  readonly accessUrl: string;
  /**
   * Options for snowflake.createConnection() that reach this server: accessUrl, account "local",
   * username/password, and database/schema/warehouse/role when given.
   */
  connectionOptions(o?: {
    database?: string;
    schema?: string;
    warehouse?: string;
    role?: string;
    username?: string;
  }): Record<string, unknown>;
  /** Ends every session, closes the server and DuckDB, and removes a temporary dataDir. */
  stop(): Promise<void>;
}

/** Starts a local Snowflake on 127.0.0.1. */
export async function startLocalSnowflake(
  options?: LocalSnowflakeOptions,
): Promise<LocalSnowflake> {
  const compiled = compileLocalSnowflakeOptions(options);
  const ownsDataDir = compiled.dataDir === undefined;
  const dataDir = compiled.dataDir ?? mkdtempSync(path.join(tmpdir(), "snowflake-local-"));
  const databasesDir = path.join(dataDir, "databases");
  mkdirSync(databasesDir, { recursive: true });
  const instance = await DuckDBInstance.create(":memory:");
  const admin = await instance.connect();
  const resources: Resources = {
    catalog: new DatabaseCatalog(admin, databasesDir),
    stages: new StageStore(path.join(dataDir, "stages")),
    loadHistory: new LoadHistory(),
    fileFormats: new FileFormatStore(),
    scratch: new ScratchConnection(await instance.connect()),
  };
  const sessions = new SessionStore(instance);
  const server = createServer(
    createRequestListener({ sessions, resources, results: new ResultCache() }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(compiled.port, "127.0.0.1", () => resolve());
    });
  } catch (error) {
    resources.scratch.close();
    admin.closeSync();
    instance.closeSync();
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const accessUrl = `http://127.0.0.1:${port}`;
  let stopped = false;
  return {
    port,
    accessUrl,
    connectionOptions: (o = {}) => ({
      accessUrl,
      account: "local",
      username: o.username ?? "local",
      password: "local",
      ...(o.database === undefined ? {} : { database: o.database }),
      ...(o.schema === undefined ? {} : { schema: o.schema }),
      ...(o.warehouse === undefined ? {} : { warehouse: o.warehouse }),
      ...(o.role === undefined ? {} : { role: o.role }),
    }),
    stop: async () => {
      if (stopped)
        throw new LocalSnowflakeError(
          "ALREADY_STOPPED",
          "stop: this LocalSnowflake was already stopped",
        );
      stopped = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await sessions.closeAll();
      resources.scratch.close();
      admin.closeSync();
      instance.closeSync();
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
