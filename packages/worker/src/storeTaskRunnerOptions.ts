// The options of the store-backed TaskRunner, documented with their defaults, and the compile
// step that applies the defaults and rejects bad values once, when the runner is created.
import { hostname as osHostname } from "node:os";
import type { TaskOutcome } from "@updraft/executor";
import type { Dag, NotificationRequest } from "@updraft/sdk";
import {
  type FinishTaskInstanceInput,
  finishTries,
  type SqlClient,
  type StartedTry,
  type StartTaskInstanceInput,
  startTries,
  type TaskInstanceKey,
} from "@updraft/store";
import { createDagFileLoader } from "@updraft/runtime";
import { GroupCommit } from "./groupCommit";

/** What `onFinished` receives once a delivery is over. */
export interface TaskFinishedEvent {
  readonly key: TaskInstanceKey;
  readonly tryNumber: number;
  readonly outcome: TaskOutcome;
}

/** Options of createStoreTaskRunner. */
export interface StoreTaskRunnerOptions {
  /** The metadata database. */
  client: SqlClient;
  /** Recorded on the running task instance. @default os.hostname() */
  hostname?: string;
  /** How often a running try heartbeats; a refused heartbeat stops the try. @default 5000 */
  heartbeatIntervalMs?: number;
  /** How often buffered log lines are written to `task_log` (and at the end). @default 250 */
  logFlushIntervalMs?: number;
  /** Called after a try's outcome is committed (or the delivery dropped). */
  onFinished?: (event: TaskFinishedEvent) => void;
  /**
   * DAG loader; throws when the DAG cannot be loaded.
   * @default a cache keyed by fileloc + mtime over @updraft/runtime's loadDagFile
   */
  loadDag?: (dagId: string, fileloc: string) => Dag;
  /**
   * Where `AIRFLOW_CONN_*` / `AIRFLOW_VAR_*` are read, and the base environment of commands.
   * @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** How failures and retries alert besides the DAG file's own notifiers. */
  alerts?: AlertOptions;
}

/** Alerting beyond the DAG file's callbacks: task `email` args and global routing rules. */
export interface AlertOptions {
  /** Where `email` / `emailOnFailure` / `emailOnRetry` alerts go. @default "smtp_default" */
  emailConnId?: string;
  /** The destinations global rules give a failure or retry. @default none */
  route?: (event: AlertRouteInput) => readonly NotificationRequest[];
  /** An alert's throttle window. @default 900 */
  windowSeconds?: number;
}

/** What routing rules match on. */
export interface AlertRouteInput {
  readonly dagId: string;
  readonly tags: readonly string[];
  readonly event: "failure" | "retry";
  readonly scope: "task" | "dag";
}

/** The options with every default applied, frozen. */
export interface CompiledStoreTaskRunnerOptions {
  readonly client: SqlClient;
  readonly hostname: string;
  readonly heartbeatIntervalMs: number;
  readonly logFlushIntervalMs: number;
  readonly onFinished: ((event: TaskFinishedEvent) => void) | null;
  readonly loadDag: (dagId: string, fileloc: string) => Dag;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly alerts: Required<AlertOptions>;
  /** Claims of tries (startTries), batched across the runner's concurrent deliveries. */
  readonly starts: GroupCommit<StartTaskInstanceInput, StartedTry | null>;
  /** Outcomes of tries (finishTries: whether each ended here), batched likewise. */
  readonly finishes: GroupCommit<FinishTaskInstanceInput, boolean>;
}

function positive(
  unit: "milliseconds" | "seconds",
  field: string,
  value: number | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`${field}: expected a number of ${unit} > 0, got ${String(value)}`);
  return value;
}
const positiveMs = (field: string, value: number | undefined, fallback: number): number =>
  positive("milliseconds", field, value, fallback);

/** Applies defaults and validates; throws a RangeError naming the bad field. */
export function compileStoreTaskRunnerOptions(
  options: StoreTaskRunnerOptions,
): CompiledStoreTaskRunnerOptions {
  if (typeof options.client?.query !== "function")
    throw new TypeError("client: expected a SqlClient from @updraft/store");
  return Object.freeze({
    client: options.client,
    hostname: options.hostname ?? osHostname(),
    heartbeatIntervalMs: positiveMs("heartbeatIntervalMs", options.heartbeatIntervalMs, 5000),
    logFlushIntervalMs: positiveMs("logFlushIntervalMs", options.logFlushIntervalMs, 250),
    onFinished: options.onFinished ?? null,
    loadDag: options.loadDag ?? createDagFileLoader(),
    env: options.env ?? process.env,
    alerts: Object.freeze({
      emailConnId: options.alerts?.emailConnId ?? "smtp_default",
      route: options.alerts?.route ?? (() => []),
      windowSeconds: positive(
        "seconds",
        "alerts.windowSeconds",
        options.alerts?.windowSeconds,
        900,
      ),
    }),
    starts: new GroupCommit((inputs: readonly StartTaskInstanceInput[]) =>
      startTries(options.client, inputs),
    ),
    finishes: new GroupCommit((inputs: readonly FinishTaskInstanceInput[]) =>
      finishTries(options.client, inputs),
    ),
  });
}
