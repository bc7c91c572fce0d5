// The composition root: picks adapters from the configuration — Postgres or embedded PGlite,
// BullMQ (Redis) or the in-process LocalExecutor — and wires the store-backed task runner into
// them. Nothing else chooses between them.
import { mkdirSync } from "node:fs";
import {
  BullMqExecutor,
  BullMqWorker,
  type Executor,
  LocalExecutor,
  type TaskEvents,
} from "@updraft/executor";
import { createPgClient, createPgliteClient, MIGRATIONS, type SqlClient } from "@updraft/store";
import { NotificationDispatcher, type DispatcherLogger, routeAlert } from "@updraft/notify";
import {
  type AlertOptions,
  type AlertRouteInput,
  createStoreTaskRunner,
  type TaskFinishedEvent,
} from "@updraft/worker";
import type { Config, DatabaseConfig, RedisConfig } from "./config";
import { createConnectionLookup } from "@updraft/providers";
import { smtpConnectionFromAirflowConfig } from "@updraft/notify";
import type { QueueDepthReader } from "./observability/metricRecorder";

/** The alert options of workers and schedulers: the email connection, rules and window. */
export function alertOptions(config: Config): Required<AlertOptions> {
  const { rules, emailConnId, windowSeconds } = config.alerts;
  return {
    emailConnId,
    windowSeconds,
    route: (input: AlertRouteInput) => routeAlert(rules, input),
  };
}

/** The notification dispatcher over the metadata database; not started. */
export function createNotificationDispatcher(
  config: Config,
  client: SqlClient,
  logger: DispatcherLogger,
): NotificationDispatcher {
  return new NotificationDispatcher({
    client,
    connection: createConnectionLookup({
      env: config.taskEnv,
      client,
      // Airflow's [smtp] settings stand in for a missing email connection.
      fallback: (connId) =>
        connId === config.alerts.emailConnId
          ? smtpConnectionFromAirflowConfig(config.taskEnv)
          : null,
    }),
    baseUrl: config.alerts.baseUrl,
    windowSeconds: config.alerts.windowSeconds,
    maxAttempts: config.alerts.maxAttempts,
    logger,
  });
}

/** Opens the metadata database the configuration names. */
export async function openMetadataDatabase(database: DatabaseConfig): Promise<SqlClient> {
  if (database.kind === "postgres") return createPgClient({ connectionString: database.url });
  mkdirSync(database.dataDir, { recursive: true });
  return createPgliteClient({ dataDir: database.dataDir });
}

/** Describes the database for humans, without secrets. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === "pglite") return `embedded PGlite at ${database.dataDir}`;
  const url = new URL(database.url);
  return `Postgres ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/** Describes a Redis server for humans, without secrets. */
export function describeRedis(redis: RedisConfig): string {
  const url = new URL(redis.url);
  return `Redis ${url.hostname}:${url.port || "6379"} (prefix ${redis.prefix})`;
}

/** The schema version the database is at, and the one this build expects. */
export async function schemaVersions(
  client: SqlClient,
): Promise<{ current: number; expected: number }> {
  const expected = Math.max(...MIGRATIONS.map((m) => m.version));
  const table = await client.query<{ name: string | null }>(
    "select to_regclass('updraft_migration')::text as name",
  );
  if (table.rows[0]?.name == null) return { current: 0, expected };
  const result = await client.query<{ version: number | null }>(
    "select max(version) as version from updraft_migration",
  );
  return { current: Number(result.rows[0]?.version ?? 0), expected };
}

/** An executor and how to release it. */
export interface ComposedExecutor {
  readonly executor: Executor;
  readonly description: string;
  /** Deliveries run in this process (LocalExecutor); null when workers run them elsewhere. */
  readonly taskEvents: TaskEvents | null;
  /** What is waiting for a worker, read on each metrics scrape. */
  readonly queueDepths: QueueDepthReader;
  close(): Promise<void>;
}

/** The queue BullMQ workers consume unless told otherwise (`updraft worker -q`). */
const DEFAULT_QUEUE = "default";

/** Options of the in-process runner. */
export interface LocalRunnerOptions {
  readonly concurrency: number;
  readonly onFinished?: (event: TaskFinishedEvent) => void;
  /** @default 5000 */
  readonly heartbeatIntervalMs?: number;
  /** How long running tries may finish at close. @default 30000 */
  readonly graceMs?: number;
}

/** The in-process LocalExecutor, running tries with the store-backed runner. */
export async function startLocalExecutor(
  config: Config,
  client: SqlClient,
  options: LocalRunnerOptions,
): Promise<ComposedExecutor> {
  const local = new LocalExecutor({ concurrency: options.concurrency });
  await local.start(
    createStoreTaskRunner({
      client,
      env: config.taskEnv,
      alerts: alertOptions(config),
      ...(options.onFinished ? { onFinished: options.onFinished } : {}),
      ...(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {}),
    }),
  );
  return {
    executor: local,
    description: `LocalExecutor (${options.concurrency} at once, in this process)`,
    taskEvents: local.events,
    // One heap for every queue name: there are no per-queue depths to report.
    queueDepths: () => Promise.resolve({ total: local.pendingCount, perQueue: new Map() }),
    close: () => local.close({ graceMs: options.graceMs ?? 30_000 }),
  };
}

/** The configured executor for the scheduler: BullMQ, or LocalExecutor running tries here. */
export async function startConfiguredExecutor(
  config: Config,
  client: SqlClient,
  onFinished?: (event: TaskFinishedEvent) => void,
): Promise<ComposedExecutor> {
  if (config.executor === "LocalExecutor")
    return startLocalExecutor(config, client, {
      concurrency: config.parallelism,
      ...(onFinished ? { onFinished } : {}),
    });
  const redis = config.redis!; // loadConfig refuses BullMQExecutor without a Redis URL
  const executor = new BullMqExecutor({ redisUrl: redis.url, prefix: redis.prefix });
  return {
    executor,
    description: `BullMQExecutor on ${describeRedis(redis)}`,
    taskEvents: null,
    queueDepths: async () => {
      const perQueue = await executor.waitingCounts([DEFAULT_QUEUE]);
      let total = 0;
      for (const count of perQueue.values()) total += count;
      return { total, perQueue };
    },
    close: () => executor.close(),
  };
}

/** Options of a BullMQ worker process. */
export interface WorkerOptions {
  readonly concurrency: number;
  readonly queues: readonly string[];
  readonly onFinished?: (event: TaskFinishedEvent) => void;
}

/** A BullMQ worker running the store-backed runner; not started. */
export function createBullMqWorker(
  config: Config,
  redis: RedisConfig,
  client: SqlClient,
  options: WorkerOptions,
): { worker: BullMqWorker; start: () => Promise<void> } {
  const worker = new BullMqWorker({
    redisUrl: redis.url,
    prefix: redis.prefix,
    queues: options.queues,
    concurrency: options.concurrency,
  });
  const runner = createStoreTaskRunner({
    client,
    env: config.taskEnv,
    alerts: alertOptions(config),
    ...(options.onFinished ? { onFinished: options.onFinished } : {}),
  });
  return { worker, start: () => worker.start(runner) };
}
