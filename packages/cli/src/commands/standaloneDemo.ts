// `updraft standalone`'s demo: when its DAGs folder holds the shipped dealership DAGs and no source
// or warehouse connection is configured, standalone brings its own, so `pnpm start` on a machine
// with only Node.js shows both pipelines running. The source is an embedded Postgres (PGlite, kept
// in <home>/demo-source) served on a loopback port through pglite-socket, so the DAGs' pg driver
// reaches it as it would any Postgres, with the dealership generator inserting sales every
// minute; the warehouse is a DuckDB file, <home>/warehouse.duckdb. Both DAGs are unpaused when
// they are first registered; a later start leaves them as the user left them.
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { pgConfigOf } from "@updraft/providers";
import { processDagsFolder } from "@updraft/scheduler";
import { parseConnection } from "@updraft/sdk";
import { setDagPaused, type SqlClient } from "@updraft/store";
import type { Config } from "../config";
import { logLine } from "./cliLogger";
import type { Io } from "./dags";
import { type DemoRun, generateUntilStopped, loadDealershipSource, prepareSource } from "./demo";

/** The shipped DAGs the demo feeds, and the connections they use. */
export const DEMO_DAGS = ["postgres_to_snowflake_incremental", "dealership_transform"] as const;
const SOURCE_VARIABLE = "AIRFLOW_CONN_POSTGRES_SOURCE";
const WAREHOUSE_VARIABLE = "AIRFLOW_CONN_DEALERSHIP_WAREHOUSE";
const DEMO_VARIABLE = "UPDRAFT_STANDALONE_DEMO";

/** Sales a minute the embedded source receives, and price/address updates per sale. */
const SALES_PER_MINUTE = 6;
const UPDATES_PER_SALE = 0.1;
/** Sales an empty source starts with. */
const FIRST_SALES = 500;
/** pglite-socket runs one transaction at a time and queues the other connections' queries. */
const SOURCE_MAX_CONNECTIONS = 32;

/** What the demo started: the connections tasks see, and how to stop it. */
export interface StandaloneDemo {
  /** AIRFLOW_CONN_* values to add to the tasks' environment. */
  readonly taskEnv: Readonly<Record<string, string>>;
  /** One line per piece the demo brought, for the terminal. */
  readonly lines: readonly string[];
  /** Registers the DAGs folder and unpauses the demo DAGs that are new there. */
  unpauseNewDags(client: SqlClient, pausedByDefault: boolean): Promise<readonly string[]>;
  close(): Promise<void>;
}

/**
 * Whether standalone runs the demo: UPDRAFT_STANDALONE_DEMO=true|false, or, unset, when the DAGs
 * folder holds both shipped dealership DAG files. Throws on any other value.
 */
export function demoWanted(config: Config): boolean {
  const value = config.taskEnv[DEMO_VARIABLE]?.trim().toLowerCase();
  if (value === undefined || value === "")
    return ["postgres_to_snowflake_incremental.ts", "dealership_transform.ts"].every((file) =>
      existsSync(path.join(config.dagsFolder, file)),
    );
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new RangeError(
    `${DEMO_VARIABLE}: expected true or false, got ${JSON.stringify(config.taskEnv[DEMO_VARIABLE])}`,
  );
}

/** A free loopback port (the socket server takes no port 0). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

interface EmbeddedSource {
  readonly url: string;
  readonly where: string;
  close(): Promise<void>;
}

async function startEmbeddedSource(home: string): Promise<EmbeddedSource> {
  const dataDir = path.join(home, "demo-source");
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  const port = await freePort();
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port,
    maxConnections: SOURCE_MAX_CONNECTIONS,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    where: `embedded Postgres (PGlite) in ${dataDir}, on 127.0.0.1:${port}`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/** The generator over the source at `url`, until `signal` aborts. */
async function startGenerator(
  url: string,
  io: Io,
  signal: AbortSignal,
): Promise<() => Promise<void>> {
  const source = loadDealershipSource();
  const connection = parseConnection("postgres_source", url);
  const pool = source.createSourcePool(pgConfigOf(connection), {
    onError: (error) =>
      io.err(logLine("warn", "demo source connection lost", { error: error.message })),
  });
  const run: DemoRun = {
    source,
    pool,
    schema: "public",
    ratePerMinute: SALES_PER_MINUTE,
    updateRatio: UPDATES_PER_SALE,
    rng: source.createRng(Date.now()),
    io,
  };
  try {
    await prepareSource(run, "embedded");
    // A first start has no sales yet: give the first load something to carry over.
    const existing = await pool.query<{ n: number }>("select count(*)::int as n from vendas");
    if (existing.rows[0]?.n === 0) {
      await source.insertSales(pool, { schema: run.schema, count: FIRST_SALES, rng: run.rng });
      io.out(logLine("info", "demo source seeded", { sales: FIRST_SALES }));
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const generating = generateUntilStopped(run, signal).catch((error: unknown) => {
    io.err(logLine("error", "demo source failed", { error: String(error) }));
    return 1;
  });
  return async () => {
    await generating;
    await pool.end();
  };
}

/** Starts what the demo needs (see demoWanted). Nothing is left running on failure. */
export async function startStandaloneDemo(config: Config, io: Io): Promise<StandaloneDemo> {
  const taskEnv: Record<string, string> = {};
  const lines: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const undo of closers.reverse()) await undo().catch(() => undefined);
  };
  try {
    if (!config.taskEnv[SOURCE_VARIABLE]) {
      const source = await startEmbeddedSource(config.home);
      closers.push(() => source.close());
      const stop = new AbortController();
      const stopGenerator = await startGenerator(source.url, io, stop.signal);
      closers.push(async () => {
        stop.abort();
        await stopGenerator();
      });
      taskEnv[SOURCE_VARIABLE] = source.url;
      lines.push(`demo source: ${source.where}; ${SALES_PER_MINUTE} new sales a minute`);
    } else lines.push(`demo source: ${SOURCE_VARIABLE} (configured)`);
    if (!config.taskEnv[WAREHOUSE_VARIABLE]) {
      const file = path.join(config.home, "warehouse.duckdb");
      taskEnv[WAREHOUSE_VARIABLE] = JSON.stringify({ conn_type: "duckdb", host: file });
      lines.push(`warehouse: DuckDB ${file}`);
    } else lines.push(`warehouse: ${WAREHOUSE_VARIABLE} (configured)`);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    taskEnv,
    lines,
    unpauseNewDags: async (client, pausedByDefault) => {
      const report = await processDagsFolder(client, {
        dagsFolder: config.dagsFolder,
        pausedByDefault,
      });
      const fresh = DEMO_DAGS.filter((id) => report.created.includes(id));
      for (const dagId of fresh) await setDagPaused(client, { dagId, isPaused: false });
      return fresh;
    },
    close,
  };
}
