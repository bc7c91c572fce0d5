// The DAG: its options (Airflow's DAG kwargs, camelCased), its tasks and edges, and validation.
// `dag(options, build)` runs `build` with the new DAG as the context tasks attach to.
import { type AssetCondition, serializeAssetCondition } from "./assets";
import type { DagCallback } from "./context";
import { registerDag, validateKey, withDag } from "./dagContext";
import { parseDate, validateTimezone } from "./dates";
import { type Duration, toMilliseconds } from "./duration";
import { DagDefinitionError } from "./errors";
import { findCycle, topologicalOrder } from "./graph";
import type { BaseOperator } from "./operator";
import { type CompiledParams, compileParams, type ParamsDefinition } from "./params";
import { createTimetable, type Schedule } from "./schedule";
import type { TaskArgs } from "./taskArgs";
import { compileTaskArgs } from "./taskArgs";
import { TaskGroup } from "./taskGroup";
import { checkCallbacks, checkInteger, invalidArgument } from "./validation";
import type { Timetable } from "./timetables/timetable";

/** The options of a DAG, with Airflow 3's defaults. */
export interface DagOptions {
  dagId: string;
  description?: string;
  /** Cron, preset ("@daily"), duration ("1h"), null (manual only), assets, or a Timetable. @default null */
  schedule?: Schedule;
  /** Date or ISO string; a string without offset is wall-clock time in `timezone`. */
  startDate?: Date | string;
  endDate?: Date | string;
  /** IANA zone the schedule is evaluated in. @default "UTC" */
  timezone?: string;
  /** Create a run for every missed interval since startDate. @default false (Airflow 3) */
  catchup?: boolean;
  tags?: readonly string[];
  /** Run parameters with JSON-schema validation and defaults. */
  params?: ParamsDefinition;
  /** Task args applied to every task unless the task sets them. */
  defaultArgs?: TaskArgs;
  /** @default 16 */
  maxActiveRuns?: number;
  /** Running tasks per DAG run. @default 16 */
  maxActiveTasks?: number;
  /** A run taking longer is failed. @default null */
  dagrunTimeout?: Duration | null;
  /** Shortcut for defaultArgs.owner. */
  owner?: string;
  /** Markdown shown on the DAG's page. */
  doc?: string;
  /** @default null (the deployment's setting decides, true by default as in Airflow) */
  isPausedUponCreation?: boolean | null;
  /** Pause the DAG after this many failed runs in a row; 0 disables. @default 0 */
  maxConsecutiveFailedDagRuns?: number;
  dagDisplayName?: string;
  onSuccess?: DagCallback | readonly DagCallback[];
  onFailure?: DagCallback | readonly DagCallback[];
}

/** A DAG: tasks, their dependencies, a schedule, and run-level settings. */
export class Dag {
  readonly dagId: string;
  readonly description: string | null;
  readonly timetable: Timetable;
  readonly timezone: string;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
  readonly catchup: boolean;
  readonly tags: readonly string[];
  readonly params: CompiledParams;
  readonly defaultArgs: TaskArgs;
  readonly maxActiveRuns: number;
  readonly maxActiveTasks: number;
  readonly dagrunTimeoutMs: number | null;
  readonly doc: string | null;
  readonly isPausedUponCreation: boolean | null;
  readonly maxConsecutiveFailedDagRuns: number;
  readonly displayName: string;
  readonly onSuccess: readonly DagCallback[];
  readonly onFailure: readonly DagCallback[];
  /** Assets updated by this DAG's tasks are declared per task; the schedule's assets here. */
  readonly scheduleAssets: AssetCondition | null;
  /** The file the DAG was loaded from (set by the DAG loader). */
  fileloc: string | null = null;
  readonly rootGroup: TaskGroup;

  private readonly taskMap = new Map<string, BaseOperator>();
  private readonly groupIds = new Set<string>();
  private readonly down = new Map<string, Set<string>>();
  private readonly up = new Map<string, Set<string>>();
  private readonly pendingEdges: {
    upstream: BaseOperator | string;
    downstream: BaseOperator | string;
  }[] = [];

  constructor(options: DagOptions) {
    if (typeof options !== "object" || options === null)
      invalidArgument("dag", "an options object", options);
    this.dagId = validateKey("dagId", options.dagId);
    const field = (name: string): string => `dag "${this.dagId}".${name}`;
    this.description = options.description ?? null;
    this.timezone = validateTimezone(options.timezone ?? "UTC", field("timezone"));
    this.timetable = createTimetable(options.schedule ?? null, { timezone: this.timezone });
    this.scheduleAssets =
      this.timetable.type === "asset_triggered" ? assetScheduleOf(options.schedule) : null;
    this.startDate =
      options.startDate === undefined
        ? null
        : parseDate(options.startDate, field("startDate"), this.timezone);
    this.endDate =
      options.endDate === undefined
        ? null
        : parseDate(options.endDate, field("endDate"), this.timezone);
    if (this.startDate && this.endDate && this.startDate > this.endDate)
      throw new DagDefinitionError(
        "START_AFTER_END",
        `${field("startDate")}: ${this.startDate.toISOString()} is after endDate ${this.endDate.toISOString()}`,
      );
    if (options.catchup !== undefined && typeof options.catchup !== "boolean")
      invalidArgument(field("catchup"), "true or false", options.catchup);
    this.catchup = options.catchup ?? false;
    this.tags = [...new Set(options.tags ?? [])];
    if (this.tags.some((t) => typeof t !== "string" || t === "" || t.length > 100))
      invalidArgument(field("tags"), "non-empty strings of at most 100 characters", options.tags);
    this.params = compileParams(options.params ?? {}, field("params"));
    this.defaultArgs = {
      ...(options.defaultArgs ?? {}),
      ...(options.owner ? { owner: options.owner } : {}),
    };
    compileTaskArgs({}, this.defaultArgs, field("defaultArgs")); // fail fast on bad defaults
    this.maxActiveRuns = checkInteger(field("maxActiveRuns"), options.maxActiveRuns, 16, 1);
    this.maxActiveTasks = checkInteger(field("maxActiveTasks"), options.maxActiveTasks, 16, 1);
    this.dagrunTimeoutMs =
      options.dagrunTimeout == null
        ? null
        : toMilliseconds(options.dagrunTimeout, field("dagrunTimeout"));
    this.doc = options.doc ?? null;
    this.isPausedUponCreation = options.isPausedUponCreation ?? null;
    this.maxConsecutiveFailedDagRuns = options.maxConsecutiveFailedDagRuns ?? 0;
    this.displayName = options.dagDisplayName ?? this.dagId;
    this.onSuccess = checkCallbacks<DagCallback>(field("onSuccess"), options.onSuccess);
    this.onFailure = checkCallbacks<DagCallback>(field("onFailure"), options.onFailure);
    this.rootGroup = new TaskGroup(this, null, null);
    registerDag(this);
  }

  /** Adds a task (called by the operator's constructor). */
  addTask(task: BaseOperator): void {
    if (this.taskMap.has(task.taskId) || this.groupIds.has(task.taskId))
      throw new DagDefinitionError(
        "DUPLICATE_TASK_ID",
        `task "${task.taskId}": the id is already used in dag "${this.dagId}"`,
        { details: { dagId: this.dagId, taskId: task.taskId } },
      );
    this.taskMap.set(task.taskId, task);
    this.down.set(task.taskId, new Set());
    this.up.set(task.taskId, new Set());
  }

  /** Records a task group's id (called by taskGroup()). */
  addGroup(group: TaskGroup): void {
    this.groupIds.add(group.groupId!);
  }

  /** True when a group with this full id exists. */
  hasGroup(groupId: string): boolean {
    return this.groupIds.has(groupId);
  }

  /** True when a task with this id exists. */
  hasTask(taskId: string): boolean {
    return this.taskMap.has(taskId);
  }

  /** Adds the edge upstream → downstream. */
  addEdge(upstream: BaseOperator, downstream: BaseOperator): void {
    this.down.get(upstream.taskId)!.add(downstream.taskId);
    this.up.get(downstream.taskId)!.add(upstream.taskId);
  }

  /** Adds an edge where one side is a task id, resolved when the DAG is validated. */
  addEdgeById(upstream: BaseOperator | string, downstream: BaseOperator | string): void {
    this.pendingEdges.push({ upstream, downstream });
  }

  /** The task with this id; throws when there is none. */
  task(taskId: string): BaseOperator {
    const task = this.taskMap.get(taskId);
    if (!task)
      throw new DagDefinitionError(
        "UNKNOWN_UPSTREAM",
        `dag "${this.dagId}" has no task "${taskId}"`,
      );
    return task;
  }

  /** Every task, in creation order. */
  get tasks(): readonly BaseOperator[] {
    return [...this.taskMap.values()];
  }

  /** Ids of the direct upstream tasks of `taskId`. */
  upstreamOf(taskId: string): ReadonlySet<string> {
    return this.up.get(taskId) ?? new Set();
  }

  /** Ids of the direct downstream tasks of `taskId`. */
  downstreamOf(taskId: string): ReadonlySet<string> {
    return this.down.get(taskId) ?? new Set();
  }

  /** Ids of every task reachable downstream of `taskId` (not including it). */
  descendantsOf(taskId: string): Set<string> {
    const seen = new Set<string>();
    const stack = [...this.downstreamOf(taskId)];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...this.downstreamOf(id));
    }
    return seen;
  }

  /** Task owners, deduplicated (what Airflow shows as the DAG's owners). */
  get owners(): string[] {
    return [...new Set(this.tasks.map((t) => t.args.owner))].sort();
  }

  /**
   * Checks what can only be checked once every task exists: edges given by task id point at
   * existing tasks, and the graph has no cycle (the error names the cycle's path).
   */
  validate(): this {
    for (const edge of this.pendingEdges.splice(0)) {
      const upstream = this.resolveEdgeEnd(edge.upstream, edge.downstream);
      const downstream = this.resolveEdgeEnd(edge.downstream, edge.upstream);
      this.addEdge(upstream, downstream);
    }
    const cycle = findCycle({
      nodes: [...this.taskMap.keys()],
      downstreamOf: (id) => this.downstreamOf(id),
    });
    if (cycle)
      throw new DagDefinitionError(
        "DAG_CYCLE",
        `dag "${this.dagId}": cycle detected: ${cycle.join(" → ")}`,
        { details: { dagId: this.dagId, cycle } },
      );
    return this;
  }

  /** Task ids in dependency order (ties by id). Call validate() first. */
  topologicalTaskIds(): string[] {
    return (
      topologicalOrder({
        nodes: [...this.taskMap.keys()],
        downstreamOf: (id) => this.downstreamOf(id),
      }) ?? []
    );
  }

  private resolveEdgeEnd(end: BaseOperator | string, other: BaseOperator | string): BaseOperator {
    if (typeof end !== "string") return end;
    const task = this.taskMap.get(end);
    if (!task)
      throw new DagDefinitionError(
        "UNKNOWN_UPSTREAM",
        `dag "${this.dagId}": task "${typeof other === "string" ? other : other.taskId}" is linked to unknown task "${end}"`,
        { details: { dagId: this.dagId, taskId: end } },
      );
    return task;
  }
}

function assetScheduleOf(schedule: Schedule | undefined): AssetCondition | null {
  if (schedule === null || schedule === undefined || typeof schedule !== "object") return null;
  if (Array.isArray(schedule)) return { op: "all", of: schedule as AssetCondition[] };
  return "uri" in schedule || "op" in schedule ? schedule : null;
}

/**
 * Defines a DAG. Tasks created inside `build` join it, as inside Airflow's `with DAG(...)`.
 * A DAG file may call dag() several times; the loader collects every DAG created.
 */
export function dag(options: DagOptions, build?: (dag: Dag) => void): Dag {
  const created = new Dag(options);
  if (build) withDag(created, () => build(created));
  return created;
}

/** Serialized form of the schedule's asset condition, if the DAG is asset-scheduled. */
export function scheduleAssetsJson(d: Dag): ReturnType<typeof serializeAssetCondition> | null {
  return d.scheduleAssets ? serializeAssetCondition(d.scheduleAssets) : null;
}
