// A DAG run in memory, for unit-testing tasks without a scheduler: XComs in a map, a fake
// clock whose sleep() advances at once, a log that records lines, and Airflow's template
// context built from the run's dates and params.
import type { Connection } from "../connection";
import type { CommandResult, TaskContext, TaskRuntime, XComPullOptions } from "../context";
import { executeTask, type TaskExecution } from "../execution";
import type { BaseOperator } from "../operator";
import { buildTemplateContext } from "../templateContext";

/** Options of fakeTaskRun; every field has a default. */
export interface FakeTaskRunOptions {
  /** @default "test_dag" */
  dagId?: string;
  /** The run's logical date (also its data interval start and end); null for none. @default 2026-01-01T00:00:00Z */
  logicalDate?: Date | null;
  /** @default `manual__<logical date>` */
  runId?: string;
  params?: Record<string, unknown>;
  conf?: Record<string, unknown>;
  variables?: Record<string, string>;
  connections?: Record<string, Connection>;
  /** Answers BashOperator commands. @default exit code 0, empty output */
  runCommand?: (command: string) => CommandResult;
  /** Replaces the fake runtime entirely (e.g. with a real one). */
  runtime?: TaskRuntime;
}

/** Per-task-instance overrides. */
export interface FakeTaskInstanceOptions {
  mapIndex?: number;
  tryNumber?: number;
  firstRescheduleDate?: Date | null;
}

/** The in-memory run. */
export interface FakeTaskRun {
  /** XComs by `taskId|mapIndex|key`. */
  readonly xcoms: Map<string, unknown>;
  /** Task ids a branch or short-circuit asked to skip. */
  readonly skipped: string[];
  readonly logs: string[];
  /** Milliseconds slept through the fake runtime. */
  readonly sleeps: number[];
  /** The fake clock (ms since epoch); sleep() advances it. */
  readonly clock: { now: number };
  context(taskId: string, options?: FakeTaskInstanceOptions): TaskContext;
  /** Runs one try of `task` (render, execute, push XCom) in this run. */
  run(task: BaseOperator, options?: FakeTaskInstanceOptions): Promise<TaskExecution>;
}

const key = (taskId: string, mapIndex: number, k: string): string => `${taskId}|${mapIndex}|${k}`;

function pullOne(
  xcoms: Map<string, unknown>,
  taskId: string,
  k: string,
  mapIndexes: XComPullOptions["mapIndexes"],
): unknown {
  if (typeof mapIndexes === "number") return xcoms.get(key(taskId, mapIndexes, k));
  if (Array.isArray(mapIndexes)) return mapIndexes.map((i: number) => xcoms.get(key(taskId, i, k)));
  if (xcoms.has(key(taskId, -1, k))) return xcoms.get(key(taskId, -1, k));
  // A mapped upstream: every map index, in order (Airflow's pull of a mapped task).
  const mapped: unknown[] = [];
  for (let i = 0; xcoms.has(key(taskId, i, k)); i++) mapped.push(xcoms.get(key(taskId, i, k)));
  return mapped.length > 0 ? mapped : undefined;
}

/** Creates an in-memory run to execute tasks in, in the order a test chooses. */
export function fakeTaskRun(options: FakeTaskRunOptions = {}): FakeTaskRun {
  const dagId = options.dagId ?? "test_dag";
  const logicalDate =
    options.logicalDate === undefined ? new Date("2026-01-01T00:00:00Z") : options.logicalDate;
  const runId =
    options.runId ??
    `manual__${(logicalDate ?? new Date(0)).toISOString().replace(/\.000Z$/, "+00:00")}`;
  const params = { ...(options.params ?? {}), ...(options.conf ?? {}) };
  const xcoms = new Map<string, unknown>();
  const skipped: string[] = [];
  const logs: string[] = [];
  const sleeps: number[] = [];
  const clock = { now: (logicalDate ?? new Date("2026-01-01T00:00:00Z")).getTime() };
  const runtime: TaskRuntime = options.runtime ?? {
    now: () => new Date(clock.now),
    sleep: (ms) => {
      sleeps.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
    runCommand: ({ command }) =>
      Promise.resolve((options.runCommand ?? (() => ({ exitCode: 0, lastLine: "" })))(command)),
    connection: (connId) => {
      const found = options.connections?.[connId];
      return found === undefined
        ? Promise.reject(new Error(`The conn_id \`${connId}\` isn't defined`))
        : Promise.resolve(found);
    },
  };

  const context = (taskId: string, ti: FakeTaskInstanceOptions = {}): TaskContext => {
    const mapIndex = ti.mapIndex ?? -1;
    const tryNumber = ti.tryNumber ?? 1;
    return {
      dagId,
      taskId,
      runId,
      mapIndex,
      tryNumber,
      logicalDate,
      dataIntervalStart: logicalDate,
      dataIntervalEnd: logicalDate,
      params,
      conf: options.conf ?? {},
      signal: new AbortController().signal,
      templateContext: buildTemplateContext({
        dagId,
        taskId,
        runId,
        mapIndex,
        tryNumber,
        logicalDate,
        dataIntervalStart: logicalDate,
        dataIntervalEnd: logicalDate,
        runAfter: logicalDate ?? new Date(clock.now),
        params,
        variables: { get: (k) => options.variables?.[k] },
        connections: { get: (id) => options.connections?.[id] },
        now: new Date(clock.now),
      }),
      log: {
        info: (m) => logs.push(`INFO ${m}`),
        warn: (m) => logs.push(`WARN ${m}`),
        error: (m) => logs.push(`ERROR ${m}`),
      },
      runtime,
      ti: {
        dagId,
        taskId,
        runId,
        mapIndex,
        tryNumber,
        maxTries: 0,
        startDate: new Date(clock.now),
        firstRescheduleDate: ti.firstRescheduleDate ?? null,
        xcomPull: ({ taskIds, key: k = "return_value", mapIndexes, default: fallback }) => {
          const value =
            typeof taskIds === "string"
              ? pullOne(xcoms, taskIds, k, mapIndexes)
              : taskIds.map((id) => pullOne(xcoms, id, k, mapIndexes));
          return Promise.resolve(value === undefined ? fallback : value);
        },
        xcomPush: (k, value) => {
          xcoms.set(key(taskId, mapIndex, k), value);
          return Promise.resolve();
        },
        skipTasks: (ids) => {
          skipped.push(...ids);
          return Promise.resolve();
        },
      },
    };
  };
  return {
    xcoms,
    skipped,
    logs,
    sleeps,
    clock,
    context,
    run: (task, ti) => executeTask(task, context(task.taskId, ti)),
  };
}
