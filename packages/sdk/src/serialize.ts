// DAG → SerializedDag and back. Output is deterministic (tasks and id lists sorted, fixed key
// order), so equal DAGs give equal JSON strings; deserialize checks the shape with ajv.
import Ajv from "ajv";
import type { Asset } from "./assets";
import type { Dag } from "./dag";
import { scheduleAssetsJson } from "./dag";
import { UpdraftError } from "./errors";
import { type BaseOperator, jsonSafe } from "./operator";
import { serializeParams } from "./params";
import {
  type SerializedAsset,
  type SerializedDag,
  type SerializedTask,
  type SerializedTaskGroup,
  SERIALIZATION_VERSION,
} from "./serializedDag";
import { serializedDagSchema } from "./serializedDagSchema";
import type { TaskGroup } from "./taskGroup";
import type { Timetable } from "./timetables/timetable";
import { deserializeTimetable } from "./timetables/deserializeTimetable";

const seconds = (ms: number | null): number | null => (ms === null ? null : ms / 1000);
const sorted = (ids: Iterable<string>): string[] => [...ids].sort();
const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function serializeAsset(asset: Asset): SerializedAsset {
  return { uri: asset.uri, name: asset.name, group: asset.group, extra: { ...asset.extra } };
}

/** Serializes one task. */
export function serializeTask(task: BaseOperator): SerializedTask {
  const a = task.args;
  const cls = task.constructor as typeof BaseOperator;
  return {
    task_id: task.taskId,
    operator_name: task.operatorName,
    task_group_id: task.taskGroup?.groupId ?? null,
    upstream_task_ids: sorted(task.upstreamTaskIds),
    downstream_task_ids: sorted(task.downstreamTaskIds),
    owner: a.owner,
    retries: a.retries,
    retry_delay: a.retryDelayMs / 1000,
    retry_exponential_backoff: a.retryExponentialBackoff,
    max_retry_delay: seconds(a.maxRetryDelayMs),
    execution_timeout: seconds(a.executionTimeoutMs),
    trigger_rule: a.triggerRule,
    depends_on_past: a.dependsOnPast,
    wait_for_downstream: a.waitForDownstream,
    ignore_first_depends_on_past: a.ignoreFirstDependsOnPast,
    pool: a.pool,
    pool_slots: a.poolSlots,
    priority_weight: a.priorityWeight,
    weight_rule: a.weightRule,
    queue: a.queue,
    max_active_tis_per_dag: a.maxActiveTisPerDag,
    max_active_tis_per_dagrun: a.maxActiveTisPerDagrun,
    email: [...a.email],
    email_on_failure: a.emailOnFailure,
    email_on_retry: a.emailOnRetry,
    has_on_failure_callback: a.callbacks.failure.length > 0,
    has_on_retry_callback: a.callbacks.retry.length > 0,
    has_on_success_callback: a.callbacks.success.length > 0,
    has_on_execute_callback: a.callbacks.execute.length > 0,
    has_on_skipped_callback: a.callbacks.skipped.length > 0,
    do_xcom_push: a.doXcomPush,
    doc_md: a.doc,
    template_fields: [...task.templateFields],
    template_field_values: jsonSafe(task.templateFieldValues()) as Record<string, unknown>,
    is_mapped: task.isMapped,
    ui_color: cls.uiColor,
    ui_fgcolor: cls.uiFgColor,
    outlets: task.outlets.map(serializeAsset),
    inlets: task.inlets.map(serializeAsset),
    fields: task.serializeFields(),
  };
}

function serializeGroup(group: TaskGroup): SerializedTaskGroup {
  return {
    group_id: group.groupId,
    prefix_group_id: group.prefixGroupId,
    tooltip: group.tooltip,
    ui_color: group.uiColor,
    ui_fgcolor: group.uiFgColor,
    children: group.children.map((child) =>
      "__updraftTaskGroup" in child
        ? { type: "group" as const, group: serializeGroup(child) }
        : { type: "task" as const, id: child.taskId },
    ),
  };
}

/** Validates `dag` (cycles, unknown task ids) and returns its serialized form. */
export function serializeDag(dag: Dag): SerializedDag {
  dag.validate();
  const t = dag.timetable;
  return {
    __version: SERIALIZATION_VERSION,
    dag: {
      dag_id: dag.dagId,
      dag_display_name: dag.displayName,
      description: dag.description,
      fileloc: dag.fileloc,
      timetable: t.serialize(),
      timetable_summary: t.summary,
      timetable_description: t.description,
      schedule_assets: scheduleAssetsJson(dag),
      timezone: dag.timezone,
      start_date: dag.startDate?.toISOString() ?? null,
      end_date: dag.endDate?.toISOString() ?? null,
      catchup: dag.catchup,
      tags: sorted(dag.tags),
      owners: dag.owners,
      params: serializeParams(dag.params),
      default_args: Object.fromEntries(
        Object.entries(jsonSafe(dag.defaultArgs) as Record<string, unknown>).map(([k, v]) => [
          snake(k),
          v,
        ]),
      ),
      max_active_runs: dag.maxActiveRuns,
      max_active_tasks: dag.maxActiveTasks,
      dagrun_timeout: seconds(dag.dagrunTimeoutMs),
      doc_md: dag.doc,
      is_paused_upon_creation: dag.isPausedUponCreation,
      max_consecutive_failed_dag_runs: dag.maxConsecutiveFailedDagRuns,
      has_on_success_callback: dag.onSuccess.length > 0,
      has_on_failure_callback: dag.onFailure.length > 0,
      tasks: [...dag.tasks].sort((x, y) => (x.taskId < y.taskId ? -1 : 1)).map(serializeTask),
      task_group: serializeGroup(dag.rootGroup),
    },
  };
}

let validator: ReturnType<Ajv["compile"]> | null = null;

/**
 * Checks that `json` is a SerializedDag of the supported version (e.g. read back from the
 * database) and returns it typed. Throws SERIALIZATION_ERROR naming the first bad path.
 */
export function deserializeDag(json: unknown): SerializedDag {
  const version = (json as { __version?: unknown } | null)?.__version;
  if (version !== SERIALIZATION_VERSION)
    throw new UpdraftError(
      "SERIALIZATION_ERROR",
      `serialized DAG: expected __version ${SERIALIZATION_VERSION}, got ${JSON.stringify(version)}`,
    );
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(serializedDagSchema);
  if (!validator(json)) {
    const e = validator.errors?.[0];
    throw new UpdraftError(
      "SERIALIZATION_ERROR",
      `serialized DAG${e?.instancePath ?? ""}: ${e?.message ?? "invalid"}`,
    );
  }
  const dag = json as SerializedDag;
  const ids = new Set(dag.dag.tasks.map((t) => t.task_id));
  for (const t of dag.dag.tasks)
    for (const id of [...t.upstream_task_ids, ...t.downstream_task_ids])
      if (!ids.has(id))
        throw new UpdraftError(
          "SERIALIZATION_ERROR",
          `serialized DAG "${dag.dag.dag_id}": task "${t.task_id}" refers to unknown task "${id}"`,
        );
  return dag;
}

/** The timetable of a serialized DAG, rebuilt without running DAG code. */
export function timetableOf(dag: SerializedDag): Timetable {
  return deserializeTimetable(dag.dag.timetable);
}
