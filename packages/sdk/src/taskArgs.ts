// Per-task arguments (Airflow's BaseOperator kwargs, camelCased), their defaults, and the
// compile step that merges a DAG's defaultArgs, checks every field and converts durations.
import type { TaskCallback } from "./context";
import { type Duration, toMilliseconds } from "./duration";
import { isTriggerRule, isWeightRule, TriggerRule, WeightRule } from "./triggerRule";
import { checkCallbacks, checkInteger, invalidArgument } from "./validation";

/** Arguments every task accepts; all optional, with Airflow's defaults. */
export interface TaskArgs {
  /** @default "airflow" */
  owner?: string;
  /** Retries after the first try. @default 0 */
  retries?: number;
  /** @default "5m" (300 s) */
  retryDelay?: Duration;
  /** Backoff multiplier; `true` means 2, `false`/0/1 none. @default 0 */
  retryExponentialBackoff?: number | boolean;
  /** Cap on the delay when backing off. @default null */
  maxRetryDelay?: Duration | null;
  /** A try running longer fails with AirflowTaskTimeout (and is retried). @default null */
  executionTimeout?: Duration | null;
  /** @default "all_success" */
  triggerRule?: TriggerRule;
  /** @default false */
  dependsOnPast?: boolean;
  /** Also wait for the previous run's immediate downstream tasks. @default false */
  waitForDownstream?: boolean;
  /** @default false */
  ignoreFirstDependsOnPast?: boolean;
  /** @default "default_pool" */
  pool?: string;
  /** @default 1 */
  poolSlots?: number;
  /** @default 1 */
  priorityWeight?: number;
  /** @default "downstream" */
  weightRule?: WeightRule;
  /** The executor queue. @default "default" */
  queue?: string;
  /** Running try cap for this task across all runs. @default null */
  maxActiveTisPerDag?: number | null;
  /** Running try cap for this task within one run. @default null */
  maxActiveTisPerDagrun?: number | null;
  /** Addresses alerted by email. @default [] */
  email?: string | readonly string[];
  /** @default true (only when `email` is set) */
  emailOnFailure?: boolean;
  /** @default true (only when `email` is set) */
  emailOnRetry?: boolean;
  onFailure?: TaskCallback | readonly TaskCallback[];
  onRetry?: TaskCallback | readonly TaskCallback[];
  onSuccess?: TaskCallback | readonly TaskCallback[];
  onExecute?: TaskCallback | readonly TaskCallback[];
  onSkipped?: TaskCallback | readonly TaskCallback[];
  /** Push the return value to XCom. @default true */
  doXcomPush?: boolean;
  /** Markdown shown on the task's page. */
  doc?: string;
}

/** Task arguments after defaults, validation and unit conversion. */
export interface ResolvedTaskArgs {
  readonly owner: string;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly retryExponentialBackoff: number;
  readonly maxRetryDelayMs: number | null;
  readonly executionTimeoutMs: number | null;
  readonly triggerRule: TriggerRule;
  readonly dependsOnPast: boolean;
  readonly waitForDownstream: boolean;
  readonly ignoreFirstDependsOnPast: boolean;
  readonly pool: string;
  readonly poolSlots: number;
  readonly priorityWeight: number;
  readonly weightRule: WeightRule;
  readonly queue: string;
  readonly maxActiveTisPerDag: number | null;
  readonly maxActiveTisPerDagrun: number | null;
  readonly email: readonly string[];
  readonly emailOnFailure: boolean;
  readonly emailOnRetry: boolean;
  readonly callbacks: Readonly<Record<CallbackKind, readonly TaskCallback[]>>;
  readonly doXcomPush: boolean;
  readonly doc: string | null;
}

/** The task callback kinds, as Airflow's `on_<kind>_callback`. */
export type CallbackKind = "failure" | "retry" | "success" | "execute" | "skipped";

const CALLBACK_FIELDS: Record<CallbackKind, keyof TaskArgs> = {
  failure: "onFailure",
  retry: "onRetry",
  success: "onSuccess",
  execute: "onExecute",
  skipped: "onSkipped",
};

/** Airflow's default pool name. */
export const DEFAULT_POOL = "default_pool";
/** Airflow's default queue name. */
export const DEFAULT_QUEUE = "default";

function bool(field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") invalidArgument(field, "true or false", value);
  return value;
}

function name(field: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || value.trim() === "")
    invalidArgument(field, "a non-empty string", value);
  return value;
}

function optionalMs(field: string, value: Duration | null | undefined): number | null {
  return value === undefined || value === null ? null : toMilliseconds(value, field);
}

function optionalCap(field: string, value: unknown): number | null {
  return value === undefined || value === null ? null : checkInteger(field, value, 0, 1);
}

function backoff(field: string, value: unknown): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return 2; // Airflow deserialises a legacy boolean True as 2.0
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
    invalidArgument(field, "a multiplier >= 0 or a boolean", value);
  return value;
}

function emails(field: string, value: unknown): readonly string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === "string" ? value.split(/[,;]/) : value;
  if (!Array.isArray(list)) invalidArgument(field, "an address or a list of addresses", value);
  return (list as unknown[]).map((address) => {
    if (typeof address !== "string" || !address.includes("@"))
      invalidArgument(field, "email addresses like ops@example.com", address);
    return address.trim();
  });
}

/**
 * Merges `defaults` (a DAG's defaultArgs) under `args` and validates every field; errors name
 * the field as `<prefix>.<field>` (e.g. `task "load".retries`).
 */
export function compileTaskArgs(
  args: TaskArgs,
  defaults: TaskArgs = {},
  prefix = "task",
): ResolvedTaskArgs {
  const a: TaskArgs = { ...defaults, ...stripUndefined(args) };
  const f = (field: string): string => `${prefix}.${field}`;
  const triggerRule = a.triggerRule ?? TriggerRule.ALL_SUCCESS;
  if (!isTriggerRule(triggerRule))
    invalidArgument(
      f("triggerRule"),
      "one of Airflow's trigger rules (e.g. all_success)",
      triggerRule,
    );
  const weightRule = a.weightRule ?? WeightRule.DOWNSTREAM;
  if (!isWeightRule(weightRule))
    invalidArgument(f("weightRule"), "downstream, upstream or absolute", weightRule);
  const callbacks = Object.fromEntries(
    Object.entries(CALLBACK_FIELDS).map(([kind, field]) => [
      kind,
      checkCallbacks<TaskCallback>(f(field), a[field]),
    ]),
  ) as Record<CallbackKind, readonly TaskCallback[]>;
  const waitForDownstream = bool(f("waitForDownstream"), a.waitForDownstream, false);
  return Object.freeze({
    owner: name(f("owner"), a.owner, "airflow"),
    retries: checkInteger(f("retries"), a.retries, 0, 0),
    retryDelayMs: toMilliseconds(a.retryDelay ?? 300, f("retryDelay")),
    retryExponentialBackoff: backoff(f("retryExponentialBackoff"), a.retryExponentialBackoff),
    maxRetryDelayMs: optionalMs(f("maxRetryDelay"), a.maxRetryDelay),
    executionTimeoutMs: optionalMs(f("executionTimeout"), a.executionTimeout),
    triggerRule,
    // Airflow: wait_for_downstream implies depends_on_past.
    dependsOnPast: waitForDownstream || bool(f("dependsOnPast"), a.dependsOnPast, false),
    waitForDownstream,
    ignoreFirstDependsOnPast: bool(
      f("ignoreFirstDependsOnPast"),
      a.ignoreFirstDependsOnPast,
      false,
    ),
    pool: name(f("pool"), a.pool, DEFAULT_POOL),
    poolSlots: checkInteger(f("poolSlots"), a.poolSlots, 1, 1),
    priorityWeight: checkInteger(f("priorityWeight"), a.priorityWeight, 1, -(2 ** 31)),
    weightRule,
    queue: name(f("queue"), a.queue, DEFAULT_QUEUE),
    maxActiveTisPerDag: optionalCap(f("maxActiveTisPerDag"), a.maxActiveTisPerDag),
    maxActiveTisPerDagrun: optionalCap(f("maxActiveTisPerDagrun"), a.maxActiveTisPerDagrun),
    email: emails(f("email"), a.email),
    emailOnFailure: bool(f("emailOnFailure"), a.emailOnFailure, true),
    emailOnRetry: bool(f("emailOnRetry"), a.emailOnRetry, true),
    callbacks,
    doXcomPush: bool(f("doXcomPush"), a.doXcomPush, true),
    doc: a.doc ?? null,
  });
}

/** Drops keys whose value is undefined, so they don't hide a default. */
export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The names of every TaskArgs field (used to split operator options from task args). */
export const TASK_ARG_NAMES: readonly (keyof TaskArgs)[] = [
  "owner",
  "retries",
  "retryDelay",
  "retryExponentialBackoff",
  "maxRetryDelay",
  "executionTimeout",
  "triggerRule",
  "dependsOnPast",
  "waitForDownstream",
  "ignoreFirstDependsOnPast",
  "pool",
  "poolSlots",
  "priorityWeight",
  "weightRule",
  "queue",
  "maxActiveTisPerDag",
  "maxActiveTisPerDagrun",
  "email",
  "emailOnFailure",
  "emailOnRetry",
  "onFailure",
  "onRetry",
  "onSuccess",
  "onExecute",
  "onSkipped",
  "doXcomPush",
  "doc",
];
