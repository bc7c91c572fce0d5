// What a running task sees: the context handed to `execute`, and the I/O capabilities the worker
// injects (XCom store, command runner, clock). The SDK stays pure by only declaring them.
import type { Connection } from "./connection";

/** Airflow's key for a task's return value in XCom. */
export const XCOM_RETURN_KEY = "return_value";

/** Selects XComs to pull, as Airflow's `ti.xcom_pull(task_ids=..., key=..., map_indexes=...)`. */
export interface XComPullOptions {
  /** One task id (returns its value) or several (returns a list in the same order). */
  readonly taskIds: string | readonly string[];
  /** @default "return_value" */
  readonly key?: string;
  /** Map indexes to pull; for a mapped upstream the default is all of them, in order. */
  readonly mapIndexes?: number | readonly number[];
  /** Returned when nothing was pushed. @default undefined */
  readonly default?: unknown;
}

/** The task instance handle (Airflow's `ti`): identity, try, and XCom access. */
export interface TaskInstanceHandle {
  readonly dagId: string;
  readonly taskId: string;
  readonly runId: string;
  /** -1 for an unmapped task, else the index within the expansion. */
  readonly mapIndex: number;
  readonly tryNumber: number;
  readonly maxTries: number;
  /** When this try started. */
  readonly startDate: Date;
  /** For a sensor in reschedule mode: when its first poke happened (else null). */
  readonly firstRescheduleDate: Date | null;
  xcomPull(options: XComPullOptions): Promise<unknown>;
  xcomPush(key: string, value: unknown): Promise<void>;
  /** Marks the given tasks of this run `skipped` (used by branching and short-circuit). */
  skipTasks(taskIds: readonly string[]): Promise<void>;
}

/** The outcome of a shell command run for a BashOperator. */
export interface CommandResult {
  readonly exitCode: number;
  /** The last line written to stdout (Airflow pushes it to XCom). */
  readonly lastLine: string;
}

/** I/O a task may need, provided by the worker so the SDK stays free of it. */
export interface TaskRuntime {
  runCommand(options: {
    command: string;
    env?: Readonly<Record<string, string>>;
    cwd?: string;
    signal?: AbortSignal;
  }): Promise<CommandResult>;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  now(): Date;
  /**
   * A connection by id, as Airflow's `BaseHook.get_connection`: `AIRFLOW_CONN_<ID>` first, then
   * the metadata database; its password is masked in the try's log from then on. Rejects, naming
   * the id, when there is none.
   */
  connection(connId: string): Promise<Connection>;
}

/** A logger whose lines go to the task instance's log. */
export interface TaskLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The context of one try of one task instance, passed to `execute` and TaskFlow functions. */
export interface TaskContext {
  readonly dagId: string;
  readonly taskId: string;
  readonly runId: string;
  readonly mapIndex: number;
  readonly tryNumber: number;
  readonly logicalDate: Date | null;
  readonly dataIntervalStart: Date | null;
  readonly dataIntervalEnd: Date | null;
  /** Resolved DAG params (defaults overridden by the run's conf). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The run's conf as triggered. */
  readonly conf: Readonly<Record<string, unknown>>;
  readonly ti: TaskInstanceHandle;
  readonly log: TaskLogger;
  readonly runtime: TaskRuntime;
  /** Aborted when the try is killed (execution timeout, cleared, worker shutdown). */
  readonly signal: AbortSignal;
  /** Airflow's template context (ds, ts, data_interval_start, var, conn, macros, …). */
  readonly templateContext: Readonly<Record<string, unknown>>;
}

/**
 * A notification a notifier asks for: where it goes, and optionally its own wording. What it is
 * about (DAG, task, run, try, error, log tail, link) is filled in by the process that records
 * it; delivery happens later, from the notification outbox, with retries.
 */
export interface NotificationRequest {
  readonly channel: "email" | "slack";
  /** The connection to send through (`smtp_default`, `slack_default`, …). */
  readonly connId: string;
  /** Email recipients. */
  readonly to?: readonly string[];
  /** Slack channel to post to, where the webhook allows overriding its own (e.g. "#data-alerts"). */
  readonly slackChannel?: string;
  /** Replaces the default email subject / Slack header; a template rendered with the context. */
  readonly subject?: string;
  /** Replaces the default message text; a template rendered with the context. */
  readonly text?: string;
}

/** Where notifiers hand notifications over; resolves once recorded, never waits for delivery. */
export interface NotificationSink {
  send(request: NotificationRequest): Promise<void>;
}

/** What a callback receives: the task context, plus the error for failure/retry callbacks. */
export interface CallbackContext {
  readonly context: TaskContext;
  readonly exception?: { name: string; message: string; code?: string };
  /** Records notifications about this try (what notifiers call). */
  readonly notifications: NotificationSink;
}

/** A callable callback or a notifier object (Airflow's BaseNotifier idea). */
export type TaskCallback =
  ((context: CallbackContext) => unknown) | { notify(context: CallbackContext): unknown };

/** What a DAG-level callback receives when a run finishes. */
export interface DagCallbackContext {
  readonly dagId: string;
  readonly runId: string;
  readonly state: "success" | "failed";
  /** Airflow's `reason`, e.g. "task_failure" or "all_tasks_deadlocked". */
  readonly reason: string;
  /** The run's logical date (null for runs without one). */
  readonly logicalDate: Date | null;
  /** Records notifications about this run (what notifiers call). */
  readonly notifications: NotificationSink;
}

/** A DAG-level callback: a function or a notifier object. */
export type DagCallback =
  ((context: DagCallbackContext) => unknown) | { notify(context: DagCallbackContext): unknown };
