// `updraft demo source`: a live dealership source database (the seed pipelines' "novadrive") for
// demos and load tests of the dealership DAGs. Creates the seven tables, seeds the reference
// data, then inserts sales at a rate until SIGINT/SIGTERM, or a fixed number with --once.
import type * as DealershipSource from "@updraft/dags/dealership/source";
import { pgConfigOf } from "@updraft/providers";
import { ModuleLoader } from "@updraft/runtime";
import { type Connection, parseConnection } from "@updraft/sdk";
import type { Config } from "../config";
import { logLine } from "./cliLogger";
import type { Io } from "./dags";
import { parsePositiveInt } from "./parseInput";

type Source = typeof DealershipSource;
type Pool = ReturnType<Source["createSourcePool"]>;

/** The flags of `updraft demo source`, as commander hands them over. */
export interface DemoSourceFlags {
  readonly rate: string;
  readonly schema: string;
  readonly updates: string;
  readonly once?: string;
  readonly seed?: string;
}

/** Where the connection comes from, in order: the DAGs' own connection, then a plain URL. */
const SOURCES = [
  { variable: "AIRFLOW_CONN_POSTGRES_SOURCE", connId: "postgres_source" },
  { variable: "UPDRAFT_DEMO_SOURCE_URL", connId: "demo_source" },
] as const;

/** `--rate 5/min` or `--rate 2000/s`, as sales per minute. */
export function parseRate(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\/(min|s)$/.exec(text.trim());
  const n = match === null ? Number.NaN : Number(match[1]);
  if (match === null || !(n > 0))
    throw new RangeError(`--rate: expected <n>/min or <n>/s, got ${JSON.stringify(text)}`);
  return match[2] === "s" ? n * 60 : n;
}

/** `--updates 0.1`: updates per sale, from 0 to 1. */
export function parseUpdateRatio(text: string): number {
  const ratio = /^\d*\.?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(ratio >= 0 && ratio <= 1))
    throw new RangeError(
      `--updates: expected a ratio from 0 to 1 (0.1 = one update per ten sales), got ${JSON.stringify(text)}`,
    );
  return ratio;
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return Date.now();
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new RangeError(`--seed: expected a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

function checkSchema(schema: string): string {
  if (schema === "" || Buffer.byteLength(schema) > 63)
    throw new RangeError(
      `--schema: expected a schema name of 1 to 63 bytes, got ${JSON.stringify(schema)}`,
    );
  return schema;
}

/** The source connection from the environment, or what is wrong with it (never its value). */
type SourceSetting =
  | { readonly ok: true; readonly connection: Connection }
  | { readonly ok: false; readonly problem: string };

function sourceConnection(env: Config["taskEnv"]): SourceSetting {
  for (const { variable, connId } of SOURCES) {
    const value = env[variable];
    if (value === undefined || value.trim() === "") continue;
    let connection: Connection;
    try {
      connection = parseConnection(connId, value);
    } catch {
      // The value is not shown: it may hold the password.
      return {
        ok: false,
        problem: `${variable}: expected a postgresql://user:password@host:5432/database URI or an Airflow JSON connection, got a value that does not parse`,
      };
    }
    if (connection.conn_type !== "postgres")
      return {
        ok: false,
        problem: `${variable}: expected a postgres connection, got conn_type ${JSON.stringify(connection.conn_type)}`,
      };
    if (connection.host === null || connection.host === "")
      return { ok: false, problem: `${variable}: expected a connection with a host, got none` };
    return { ok: true, connection };
  }
  return {
    ok: false,
    problem: `updraft demo source needs the source database: set ${SOURCES[0].variable} (postgresql://user:password@host:5432/novadrive, or an Airflow JSON connection) or ${SOURCES[1].variable}.`,
  };
}

/** `postgres://user@host:5432/db`: where the demo writes, without the password. */
function describeSource(connection: Connection): string {
  const user = connection.login === null ? "" : `${connection.login}@`;
  return `postgres://${user}${connection.host ?? ""}:${connection.port ?? 5432}/${connection.schema ?? ""}`;
}

/** dags/ has no build step: its TypeScript is compiled when loaded, as DAG files are. */
export function loadDealershipSource(): Source {
  return new ModuleLoader().load(require.resolve("@updraft/dags/dealership/source")) as Source;
}

/** Everything a run needs, parsed and checked before anything connects. */
export interface DemoRun {
  readonly source: Source;
  readonly pool: Pool;
  readonly schema: string;
  readonly ratePerMinute: number;
  readonly updateRatio: number;
  readonly rng: DealershipSource.Rng;
  readonly io: Io;
}

/** `--once n`: n sales (and their share of updates), then exit. */
async function insertOnce(run: DemoRun, count: number): Promise<number> {
  const { source, pool, schema, rng, io } = run;
  const inserted = await source.insertSales(pool, { schema, count, rng });
  const updates = source.countUpdates(rng, count, run.updateRatio);
  const applied = await source.applyUpdates(pool, { schema, count: updates, rng });
  io.out(
    logLine("info", "demo source inserted", {
      sales: inserted.idVendas.length,
      updates: applied.vehiclePrices + applied.clientAddresses,
      idVendas: `${inserted.idVendas[0]}..${inserted.idVendas.at(-1)}`,
    }),
  );
  return 0;
}

const MINUTE_MS = 60_000;

/** Runs the generator until `signal` aborts, printing one line a minute. */
export async function generateUntilStopped(run: DemoRun, signal: AbortSignal): Promise<number> {
  const { source, pool, schema, ratePerMinute, updateRatio, rng, io } = run;
  let windowStart = Date.now();
  let sales = 0;
  let updates = 0;
  const totals = await source.runGenerator({
    client: pool,
    schema,
    ratePerMinute,
    updateRatio,
    rng,
    signal,
    onTick: (tick) => {
      sales += tick.sales;
      updates += tick.updates;
      if (tick.at.getTime() - windowStart < MINUTE_MS) return;
      const { totalSales, totalUpdates } = tick;
      io.out(
        logLine("info", "demo source last minute", { sales, updates, totalSales, totalUpdates }),
      );
      windowStart = tick.at.getTime();
      sales = 0;
      updates = 0;
    },
  });
  io.out(
    logLine("info", "demo source stopped", {
      totalSales: totals.sales,
      totalUpdates: totals.updates,
    }),
  );
  return 0;
}

/** Creates the tables and seeds what is missing; prints where and how many rows. */
export async function prepareSource(run: DemoRun, where: string): Promise<void> {
  const { source, pool, schema, io } = run;
  await source.createSourceSchema(pool, { schema });
  const seeded = await source.seedReferenceData(pool, { schema });
  const referenceRowsInserted =
    seeded.estados + seeded.cidades + seeded.concessionarias + seeded.vendedores + seeded.veiculos;
  io.out(logLine("info", "demo source ready", { source: where, schema, referenceRowsInserted }));
}

/** `updraft demo source`. */
export async function runDemoSource(
  config: Config,
  flags: DemoSourceFlags,
  io: Io,
  signal: AbortSignal | undefined,
): Promise<number> {
  const ratePerMinute = parseRate(flags.rate);
  const updateRatio = parseUpdateRatio(flags.updates);
  const once = flags.once === undefined ? undefined : parsePositiveInt("--once", flags.once);
  const seed = parseSeed(flags.seed);
  const schema = checkSchema(flags.schema);
  const setting = sourceConnection(config.taskEnv);
  if (!setting.ok) {
    io.err(setting.problem);
    return 1;
  }
  const { connection } = setting;
  // Belt and braces: whatever a driver error says, the password is not printed.
  const mask = (text: string): string =>
    connection.password ? text.split(connection.password).join("***") : text;
  const where = describeSource(connection);
  const source = loadDealershipSource();
  const pool = source.createSourcePool(pgConfigOf(connection), {
    onError: (error) =>
      io.err(logLine("warn", "demo source connection lost", { error: mask(error.message) })),
  });
  const rng = source.createRng(seed);
  const run: DemoRun = { source, pool, schema, ratePerMinute, updateRatio, io, rng };
  try {
    await prepareSource(run, where);
    if (once !== undefined) return await insertOnce(run, once);
    io.out(
      logLine("info", "demo source running; Ctrl-C stops", {
        rate: flags.rate,
        updates: updateRatio,
        seed,
      }),
    );
    // Without a stop signal (main.ts always passes one) it runs until the process ends.
    return await generateUntilStopped(run, signal ?? new AbortController().signal);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(logLine("error", "demo source failed", { source: where, schema, error: mask(message) }));
    return 1;
  } finally {
    await pool.end();
  }
}
