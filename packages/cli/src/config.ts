// The one environment schema: the only place Updraft reads process.env. Names follow Airflow
// (`AIRFLOW__CORE__DAGS_FOLDER`) with an `UPDRAFT_` twin that wins when both are set.
import path from "node:path";
import { type AlertRule, parseAlertRules } from "@updraft/notify";
import { z } from "zod";

const folder = z.string().min(1, "expected a folder path");
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "expected a postgresql:// URL");
const redisUrl = z
  .string()
  .regex(/^rediss?:\/\/[^\s]+$/, "expected a redis:// or rediss:// URL (redis://host:6379)");
const positiveInt = (what: string) =>
  z
    .string()
    .regex(/^\s*\d+\s*$/, `expected ${what}`)
    .transform(Number)
    .refine((n) => n >= 1, `expected ${what}`);
const httpUrl = z
  .string()
  .regex(/^https?:\/\/[^\s]+$/, "expected an http:// or https:// URL (http://localhost:8080)");
const port = z
  .string()
  .regex(/^\s*\d+\s*$/, "expected a TCP port (1-65535, or 0 for any free one)")
  .transform(Number)
  .refine((n) => n <= 65535, "expected a TCP port (1-65535, or 0 for any free one)");
const secret = z.string().min(32, "expected a secret of at least 32 characters");
const connId = z.string().regex(/^[A-Za-z0-9_.-]+$/, "expected a connection id (smtp_default)");
const bool = z
  .string()
  .regex(/^(true|false)$/i, "expected true or false")
  .transform((s) => s.toLowerCase() === "true");

/** Executor names as Airflow spells them; CeleryExecutor is an alias of BullMQExecutor. */
const EXECUTORS = {
  LocalExecutor: "LocalExecutor",
  BullMQExecutor: "BullMQExecutor",
  CeleryExecutor: "BullMQExecutor",
} as const;
const executor = z
  .string()
  .refine(
    (s) => Object.hasOwn(EXECUTORS, s),
    "expected LocalExecutor, BullMQExecutor or CeleryExecutor",
  )
  .transform((s) => EXECUTORS[s as keyof typeof EXECUTORS]);

const schema = z.object({
  UPDRAFT_DAGS_FOLDER: folder.optional(),
  AIRFLOW__CORE__DAGS_FOLDER: folder.optional(),
  UPDRAFT_HOME: folder.optional(),
  AIRFLOW_HOME: folder.optional(),
  UPDRAFT_DATABASE_URL: postgresUrl.optional(),
  AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: postgresUrl.optional(),
  UPDRAFT_EXECUTOR: executor.optional(),
  AIRFLOW__CORE__EXECUTOR: executor.optional(),
  UPDRAFT_REDIS_URL: redisUrl.optional(),
  AIRFLOW__CELERY__BROKER_URL: redisUrl.optional(),
  UPDRAFT_REDIS_PREFIX: z
    .string()
    .regex(/^[^:\s]+$/, "expected a non-empty key prefix without ':' or spaces")
    .optional(),
  UPDRAFT_PARALLELISM: positiveInt("an integer >= 1").optional(),
  AIRFLOW__CORE__PARALLELISM: positiveInt("an integer >= 1").optional(),
  UPDRAFT_WORKER_CONCURRENCY: positiveInt("an integer >= 1").optional(),
  AIRFLOW__CELERY__WORKER_CONCURRENCY: positiveInt("an integer >= 1").optional(),
  UPDRAFT_TASK_HEARTBEAT_TIMEOUT: positiveInt("a whole number of seconds >= 1").optional(),
  AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT: positiveInt(
    "a whole number of seconds >= 1",
  ).optional(),
  UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION: bool.optional(),
  AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION: bool.optional(),
  UPDRAFT_BASE_URL: httpUrl.optional(),
  AIRFLOW__API__BASE_URL: httpUrl.optional(),
  UPDRAFT_ALERT_RULES: z.string().optional(),
  UPDRAFT_ALERT_WINDOW_SECONDS: positiveInt("a whole number of seconds >= 1").optional(),
  UPDRAFT_NOTIFICATION_MAX_ATTEMPTS: positiveInt("an integer >= 1").optional(),
  UPDRAFT_EMAIL_CONN_ID: connId.optional(),
  AIRFLOW__EMAIL__EMAIL_CONN_ID: connId.optional(),
  UPDRAFT_TRANSFORM_CONN_ID: connId.optional(),
  UPDRAFT_API_HOST: z.string().min(1, "expected a host name or address").optional(),
  AIRFLOW__API__HOST: z.string().min(1, "expected a host name or address").optional(),
  UPDRAFT_API_PORT: port.optional(),
  AIRFLOW__API__PORT: port.optional(),
  UPDRAFT_API_SECRET_KEY: secret.optional(),
  AIRFLOW__API_AUTH__JWT_SECRET: secret.optional(),
  UPDRAFT_API_AUTH_ENABLED: bool.optional(),
  UPDRAFT_API_CORS_ORIGINS: z
    .string()
    .regex(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, "expected comma-separated http(s) origins")
    .optional(),
  UPDRAFT_UI_DIR: z.string().min(1, "expected the folder of the built UI").optional(),
  UPDRAFT_METRICS_ENABLED: bool.optional(),
  UPDRAFT_METRICS_HOST: z.string().min(1, "expected a host name or address").optional(),
  UPDRAFT_METRICS_PORT: port.optional(),
  UPDRAFT_CLOUDWATCH_EMF: bool.optional(),
  UPDRAFT_LOG_FORMAT: z
    .string()
    .regex(/^(text|json)$/, "expected text or json")
    .transform((s) => s as LogFormat)
    .optional(),
});

/** How the long-running verbs print their events: readable lines, or JSON lines (pino). */
export type LogFormat = "text" | "json";

/** Where the metadata lives: a Postgres server, or the embedded PGlite database. */
export type DatabaseConfig =
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "pglite"; readonly dataDir: string };

/** How tries reach workers: in this process, or through Redis (BullMQ). */
export type ExecutorName = "LocalExecutor" | "BullMQExecutor";

/** The Redis server BullMQ uses. */
export interface RedisConfig {
  readonly url: string;
  /** Key namespace; schedulers and workers must agree on it. @default "updraft" */
  readonly prefix: string;
}

/** Configuration after validation. */
export interface Config {
  /** Folder the DAG files are read from. @default "./dags" */
  readonly dagsFolder: string;
  /** Updraft's own state folder (embedded database, logs). @default "./.updraft" */
  readonly home: string;
  /** @default embedded PGlite under `<home>/db` when no database URL is set */
  readonly database: DatabaseConfig;
  /** @default "BullMQExecutor" with a Redis URL, "LocalExecutor" without */
  readonly executor: ExecutorName;
  /** null when no Redis URL is set. */
  readonly redis: RedisConfig | null;
  /** Queued + running tries at most (core.parallelism). @default 32 */
  readonly parallelism: number;
  /** Tries a worker runs at once (celery.worker_concurrency). @default 16 */
  readonly workerConcurrency: number;
  /** Seconds without a heartbeat before a running try is a zombie. @default 300 */
  readonly taskHeartbeatTimeoutSeconds: number;
  /** New DAGs start paused unless they say otherwise. @default true */
  readonly dagsArePausedAtCreation: boolean;
  /** Failure alerts (email, Slack): links, routing, throttling, delivery. */
  readonly alerts: AlertsConfig;
  /** The warehouse connection of `updraft transform` (--conn-id wins). @default "dealership_warehouse" */
  readonly transformConnId: string;
  /** The REST API server (`updraft api-server`, and inside `updraft standalone`). */
  readonly api: ApiServerConfig;
  /** Prometheus metrics of the long-running verbs. */
  readonly metrics: MetricsConfig;
  /** How the long-running verbs log (UPDRAFT_LOG_FORMAT). @default "text" */
  readonly logFormat: LogFormat;
  /** The environment tasks see (AIRFLOW_CONN_*, AIRFLOW_VAR_*, and the base env of commands). */
  readonly taskEnv: Readonly<Record<string, string | undefined>>;
}

/** Where the API listens and how it signs tokens. */
export interface ApiServerConfig {
  /** @default "0.0.0.0" (Airflow's api.host) */
  readonly host: string;
  /** @default 8080 */
  readonly port: number;
  /** The JWT secret; null: the server keeps one of its own under `<home>/api_secret_key`. */
  readonly secretKey: string | null;
  /** @default true; false serves everyone as Admin (development only). */
  readonly authEnabled: boolean;
  /** @default none (CORS off) */
  readonly corsOrigins: readonly string[];
  /** The built web UI to serve (UPDRAFT_UI_DIR). @default null: the repository's apps/web/dist */
  readonly uiDir: string | null;
}

/**
 * Where `GET /metrics` (Prometheus text) is served. The api-server and standalone serve it on the
 * API port; the scheduler and worker, which have no HTTP server, on host:port. Unauthenticated
 * (scrapers carry no token), hence off unless enabled.
 */
export interface MetricsConfig {
  /** @default false */
  readonly enabled: boolean;
  /** The scheduler's and worker's metrics listener. @default "0.0.0.0" */
  readonly host: string;
  /** @default 9464 (Prometheus' default exporter port); 0 picks a free one */
  readonly port: number;
  /**
   * The scheduler writes the queue-depth metric the AWS stack scales workers on to stdout, in
   * CloudWatch's Embedded Metric Format, once a minute. @default false
   */
  readonly cloudwatchEmf: boolean;
}

/** How failures alert. */
export interface AlertsConfig {
  /** Where the UI is, for links in alerts (api.base_url). @default "http://localhost:8080" */
  readonly baseUrl: string;
  /** Global routing rules (UPDRAFT_ALERT_RULES, JSON). @default none */
  readonly rules: readonly AlertRule[];
  /** One alert per task (or DAG) and destination per window; then a summary. @default 900 */
  readonly windowSeconds: number;
  /** Delivery attempts before a notification is marked failed. @default 8 */
  readonly maxAttempts: number;
  /** The SMTP connection of `email` task args (email.email_conn_id). @default "smtp_default" */
  readonly emailConnId: string;
}

/** Invalid configuration: one line per problem, naming the variable and what was expected. */
export class ConfigError extends Error {
  readonly code = "INVALID_CONFIG";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** Redacts the password of a URL for messages (`redis://:secret@h` too). */
export function redact(value: string | undefined): string {
  return value === undefined
    ? "nothing"
    : JSON.stringify(value.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@"));
}

type Env = Readonly<Record<string, string | undefined>>;

/** The name of the first of `names` that is set (the UPDRAFT_ twin first). */
function setName(env: Env, names: readonly string[]): string | undefined {
  return names.find((name) => env[name] !== undefined);
}

/** Parses and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Env, cwd: string): Config {
  const parsed = schema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}: ${issue.message}, got ${redact(env[name])}`;
      });
  // Cross-field: BullMQ needs Redis. Checked on the raw values so it joins the other problems.
  const executorVar = setName(env, ["UPDRAFT_EXECUTOR", "AIRFLOW__CORE__EXECUTOR"]);
  const redisVar = setName(env, ["UPDRAFT_REDIS_URL", "AIRFLOW__CELERY__BROKER_URL"]);
  const executorRaw = executorVar === undefined ? undefined : env[executorVar];
  if (
    executorVar !== undefined &&
    executorRaw !== undefined &&
    Object.hasOwn(EXECUTORS, executorRaw) &&
    EXECUTORS[executorRaw as keyof typeof EXECUTORS] === "BullMQExecutor" &&
    redisVar === undefined
  )
    problems.push(
      `${executorVar}: ${executorRaw} needs a Redis URL; set UPDRAFT_REDIS_URL (or AIRFLOW__CELERY__BROKER_URL) to redis://host:6379`,
    );
  let rules: readonly AlertRule[] = [];
  if (env.UPDRAFT_ALERT_RULES !== undefined) {
    try {
      rules = parseAlertRules(env.UPDRAFT_ALERT_RULES);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const home = path.resolve(cwd, e.UPDRAFT_HOME ?? e.AIRFLOW_HOME ?? ".updraft");
  const url = e.UPDRAFT_DATABASE_URL ?? e.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN;
  const redisUrlValue = e.UPDRAFT_REDIS_URL ?? e.AIRFLOW__CELERY__BROKER_URL;
  return Object.freeze({
    dagsFolder: path.resolve(cwd, e.UPDRAFT_DAGS_FOLDER ?? e.AIRFLOW__CORE__DAGS_FOLDER ?? "dags"),
    home,
    database: url
      ? { kind: "postgres" as const, url }
      : { kind: "pglite" as const, dataDir: path.join(home, "db") },
    executor:
      e.UPDRAFT_EXECUTOR ??
      e.AIRFLOW__CORE__EXECUTOR ??
      (redisUrlValue === undefined ? "LocalExecutor" : "BullMQExecutor"),
    redis:
      redisUrlValue === undefined
        ? null
        : Object.freeze({ url: redisUrlValue, prefix: e.UPDRAFT_REDIS_PREFIX ?? "updraft" }),
    parallelism: e.UPDRAFT_PARALLELISM ?? e.AIRFLOW__CORE__PARALLELISM ?? 32,
    workerConcurrency: e.UPDRAFT_WORKER_CONCURRENCY ?? e.AIRFLOW__CELERY__WORKER_CONCURRENCY ?? 16,
    taskHeartbeatTimeoutSeconds:
      e.UPDRAFT_TASK_HEARTBEAT_TIMEOUT ??
      e.AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT ??
      300,
    dagsArePausedAtCreation:
      e.UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION ?? e.AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION ?? true,
    alerts: Object.freeze({
      baseUrl: e.UPDRAFT_BASE_URL ?? e.AIRFLOW__API__BASE_URL ?? "http://localhost:8080",
      rules,
      windowSeconds: e.UPDRAFT_ALERT_WINDOW_SECONDS ?? 900,
      maxAttempts: e.UPDRAFT_NOTIFICATION_MAX_ATTEMPTS ?? 8,
      emailConnId: e.UPDRAFT_EMAIL_CONN_ID ?? e.AIRFLOW__EMAIL__EMAIL_CONN_ID ?? "smtp_default",
    }),
    transformConnId: e.UPDRAFT_TRANSFORM_CONN_ID ?? "dealership_warehouse",
    api: Object.freeze({
      host: e.UPDRAFT_API_HOST ?? e.AIRFLOW__API__HOST ?? "0.0.0.0",
      port: e.UPDRAFT_API_PORT ?? e.AIRFLOW__API__PORT ?? 8080,
      secretKey: e.UPDRAFT_API_SECRET_KEY ?? e.AIRFLOW__API_AUTH__JWT_SECRET ?? null,
      authEnabled: e.UPDRAFT_API_AUTH_ENABLED ?? true,
      corsOrigins: e.UPDRAFT_API_CORS_ORIGINS?.split(",") ?? [],
      uiDir: e.UPDRAFT_UI_DIR ?? null,
    }),
    metrics: Object.freeze({
      enabled: e.UPDRAFT_METRICS_ENABLED ?? false,
      host: e.UPDRAFT_METRICS_HOST ?? "0.0.0.0",
      port: e.UPDRAFT_METRICS_PORT ?? 9464,
      cloudwatchEmf: e.UPDRAFT_CLOUDWATCH_EMF ?? false,
    }),
    logFormat: e.UPDRAFT_LOG_FORMAT ?? "text",
    taskEnv: env,
  });
}
