// The long-running verbs: `updraft scheduler`, `updraft worker` and `updraft standalone`. Each
// runs until its stop signal (SIGINT/SIGTERM in main.ts, an AbortSignal in tests), then releases
// what it started in reverse order and returns 0.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureAdminUser } from "@updraft/api";
import { Scheduler } from "@updraft/scheduler";
import { migrate, type SqlClient } from "@updraft/store";
import {
  alertOptions,
  type ComposedExecutor,
  createBullMqWorker,
  createNotificationDispatcher,
  describeDatabase,
  describeRedis,
  openMetadataDatabase,
  startConfiguredExecutor,
  startLocalExecutor,
} from "../compose";
import type { Config } from "../config";
import { publishQueueDepthEmf } from "../observability/queueDepthEmf";
import { observeScheduler, observeTaskDeliveries } from "../observability/observeProcess";
import { processMetrics } from "../observability/processMetrics";
import { withMetricsServer } from "../observability/withMetricsServer";
import { cliLogger, taskFinishedLine } from "./cliLogger";
import type { Io } from "./dags";
import { parsePositiveInt, parseQueues } from "./parseInput";
import { startUnlessStopped, waitForStop } from "./stopSignal";
import { startApiServer } from "./apiServer";
import { demoWanted, type StandaloneDemo, startStandaloneDemo } from "./standaloneDemo";
import { withMigratedDatabase } from "./withDatabase";

/** Runs a scheduler over `client` with `executor` until `signal` aborts. */
async function runSchedulerUntilStopped(
  config: Config,
  client: SqlClient,
  executor: ComposedExecutor,
  io: Io,
  signal: AbortSignal | undefined,
  onStarted: () => void = () => undefined,
): Promise<number> {
  const logger = cliLogger(io, config.logFormat);
  const scheduler = new Scheduler({
    client,
    executor: executor.executor,
    dagsFolder: config.dagsFolder,
    parallelism: config.parallelism,
    zombieTimeoutSeconds: config.taskHeartbeatTimeoutSeconds,
    pausedByDefault: config.dagsArePausedAtCreation,
    logger,
    alerts: alertOptions(config),
  });
  // Alerts are delivered beside the scheduler (every scheduler runs one; claims are disjoint).
  const dispatcher = createNotificationDispatcher(config, client, logger);
  const metrics = processMetrics(config);
  const unobserve =
    metrics === null
      ? () => undefined
      : observeScheduler(metrics, { scheduler, dispatcher, executor });
  const stopEmf = config.metrics.cloudwatchEmf
    ? publishQueueDepthEmf({
        read: executor.queueDepths,
        prefix: config.redis?.prefix ?? "updraft",
        out: (line) => io.out(line),
        onError: (error) => logger.warn("queue depth not published", { error: String(error) }),
      })
    : () => undefined;
  try {
    await dispatcher.start();
    const starting = scheduler.start();
    if (await startUnlessStopped(starting, signal)) {
      onStarted();
      await waitForStop(signal);
    } else await starting; // stopped while starting: let start finish, then stop

    logger.info("stopping");
  } finally {
    stopEmf();
    await scheduler.stop();
    await executor.close();
    await dispatcher.stop();
    unobserve();
  }
  return 0;
}

/** `updraft scheduler`: the configured executor, against the configured (migrated) database. */
export async function runScheduler(
  config: Config,
  io: Io,
  signal: AbortSignal | undefined,
): Promise<number> {
  const logger = cliLogger(io, config.logFormat);
  return withMigratedDatabase(config, io, (client) =>
    withMetricsServer(config.metrics, processMetrics(config), logger, async () => {
      const onFinished = config.executor === "LocalExecutor" ? logger.taskFinished : undefined;
      const executor = await startConfiguredExecutor(config, client, onFinished);
      logger.info("scheduler starting", {
        metadata: describeDatabase(config.database),
        executor: executor.description,
        dagsFolder: config.dagsFolder,
        parallelism: config.parallelism,
      });
      return runSchedulerUntilStopped(config, client, executor, io, signal);
    }),
  );
}

/** Options of `updraft worker`. */
export interface WorkerCommandOptions {
  readonly concurrency?: string;
  readonly queues: string;
}

/** How long running tries may finish after SIGTERM before they are aborted. */
const WORKER_GRACE_MS = 30_000;

/** `updraft worker`: consumes BullMQ queues and runs the tries in this process. */
export async function runWorker(
  config: Config,
  options: WorkerCommandOptions,
  io: Io,
  signal: AbortSignal | undefined,
): Promise<number> {
  const redis = config.redis;
  if (redis === null) {
    io.err(
      "updraft worker needs Redis: set UPDRAFT_REDIS_URL (or AIRFLOW__CELERY__BROKER_URL) to redis://host:6379, the same as the scheduler's.",
    );
    return 1;
  }
  const concurrency =
    options.concurrency === undefined
      ? config.workerConcurrency
      : parsePositiveInt("--concurrency", options.concurrency);
  const queues = parseQueues(options.queues);
  const logger = cliLogger(io, config.logFormat);
  const metrics = processMetrics(config);
  return withMigratedDatabase(config, io, (client) =>
    withMetricsServer(config.metrics, metrics, logger, async () => {
      const { worker, start } = createBullMqWorker(config, redis, client, {
        concurrency,
        queues,
        onFinished: logger.taskFinished,
      });
      worker.events.on("error", (error) => logger.error("worker error", { error: error.message }));
      const unobserve = metrics === null ? null : observeTaskDeliveries(metrics, worker.events);
      try {
        if (await startUnlessStopped(start(), signal)) {
          logger.info("worker started", {
            redis: describeRedis(redis),
            queues: queues.join(","),
            concurrency,
          });
          await waitForStop(signal);
        }
        logger.info("worker stopping; running tries may finish", { graceMs: WORKER_GRACE_MS });
      } finally {
        await worker.close({ graceMs: WORKER_GRACE_MS });
        unobserve?.();
      }
      logger.info("worker stopped");
      return 0;
    }),
  );
}

/** `updraft standalone`: embedded (or configured) database, migrated, LocalExecutor + scheduler. */
export async function runStandalone(
  configured: Config,
  io: Io,
  signal: AbortSignal | undefined,
): Promise<number> {
  let wantsDemo: boolean;
  try {
    wantsDemo = demoWanted(configured);
  } catch (error) {
    // A bad setting stops start-up before anything opens, as loadConfig's problems do.
    if (!(error instanceof RangeError)) throw error;
    io.err(error.message);
    return 2;
  }
  const client = await openMetadataDatabase(configured.database);
  let demo: StandaloneDemo | null = null;
  try {
    const report = await migrate(client);
    io.out(
      `standalone | metadata: ${describeDatabase(configured.database)} (schema version ${report.currentVersion})`,
    );
    io.out(`standalone | dags folder ${configured.dagsFolder}`);
    demo = wantsDemo ? await startStandaloneDemo(configured, io) : null;
    // The demo's connections are the tasks' own, beside (never over) the configured ones.
    const config: Config =
      demo === null
        ? configured
        : { ...configured, taskEnv: { ...demo.taskEnv, ...configured.taskEnv } };
    for (const line of demo?.lines ?? []) io.out(`standalone | ${line}`);
    const unpaused = await demo?.unpauseNewDags(client, config.dagsArePausedAtCreation);
    if (unpaused !== undefined && unpaused.length > 0)
      io.out(`standalone | unpaused ${unpaused.join(", ")} (first start)`);
    const login = await standaloneLogin(config, client);
    const executor = await startLocalExecutor(config, client, {
      concurrency: config.parallelism,
      onFinished: (event) => io.out(taskFinishedLine(event)),
    });
    io.out(`standalone | executor: ${executor.description}`);
    const api = await startApiServer(config, client, io);
    try {
      io.out(`standalone | API on ${api.url}/api/v2 — ${login}`);
      if (api.servesUi) io.out(`standalone | UI on ${api.url}`);
      return await runSchedulerUntilStopped(config, client, executor, io, signal, () =>
        io.out("standalone | scheduler running; press Ctrl-C to stop"),
      );
    } finally {
      await api.close();
    }
  } finally {
    await demo?.close();
    await client.close();
  }
}

const PASSWORD_FILE = "standalone_admin_password.txt";

/**
 * As `airflow standalone`: the first start creates user `admin` with a generated password,
 * prints it and keeps it in <home>/standalone_admin_password.txt (0600) for later starts.
 */
async function standaloneLogin(config: Config, client: SqlClient): Promise<string> {
  const file = path.join(config.home, PASSWORD_FILE);
  const password = await ensureAdminUser(client);
  if (password !== null) {
    mkdirSync(config.home, { recursive: true });
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    return `login with username: admin  password: ${password}`;
  }
  return existsSync(file)
    ? `login as admin with the password in ${file}`
    : "log in with an existing user (`updraft users create` adds one)";
}
