// admitTaskInstances: the pure admission pass of queueTaskInstances (Airflow's
// _executable_task_instances_to_queued): walk candidates in priority order and take each one
// whose pool, DAG run and task still have room, counting it against them as it is taken.
import type { TaskInstanceKey } from "../../rows/taskInstanceRow";
import type { QueueLimits } from "./loadQueueLimits";

/** A scheduled task instance that may be queued. */
export interface QueueCandidate extends TaskInstanceKey {
  readonly id: string;
  readonly pool: string;
  readonly poolSlots: number;
}

/** Why a candidate was not queued. */
export type NotQueuedReason =
  /** Its pool has fewer open slots than the task's pool_slots. */
  | "pool_full"
  /** Its pool does not exist (Airflow never schedules such tasks). */
  | "pool_not_found"
  /** The run has max_active_tasks task instances queued or running. */
  | "max_active_tasks"
  | "max_active_tis_per_dag"
  | "max_active_tis_per_dagrun";

/** The outcome of one admission pass. */
export interface Admission<C extends QueueCandidate> {
  readonly admitted: C[];
  readonly left: { readonly candidate: C; readonly reason: NotQueuedReason }[];
}

const key = (...parts: string[]): string => parts.join("\u0000");

/** Admits candidates (already in priority order) up to `max`, against `limits`. */
export function admitTaskInstances<C extends QueueCandidate>(
  candidates: readonly C[],
  limits: QueueLimits,
  max: number,
): Admission<C> {
  const poolOpen = new Map(limits.pools.map((p) => [p.pool, p.open]));
  const maxActiveTasks = new Map(limits.dags.map((d) => [d.dagId, d.maxActiveTasks]));
  const caps = new Map(limits.taskCaps.map((c) => [key(c.dagId, c.taskId), c]));
  const active = new Map<string, number>();
  for (const a of limits.active) {
    const scope = a.taskId === null ? "run" : a.runId === null ? "task" : "runTask";
    active.set(key(scope, a.dagId, a.runId ?? "", a.taskId ?? ""), a.count);
  }
  const count = (k: string): number => active.get(k) ?? 0;
  const admitted: C[] = [];
  const left: { candidate: C; reason: NotQueuedReason }[] = [];
  for (const c of candidates) {
    if (admitted.length >= max) break;
    const runKey = key("run", c.dagId, c.runId, "");
    const taskKey = key("task", c.dagId, "", c.taskId);
    const runTaskKey = key("runTask", c.dagId, c.runId, c.taskId);
    const cap = caps.get(key(c.dagId, c.taskId));
    const open = poolOpen.get(c.pool);
    let reason: NotQueuedReason | null = null;
    if (open === undefined) reason = "pool_not_found";
    else if (c.poolSlots > open) reason = "pool_full";
    else if (count(runKey) >= (maxActiveTasks.get(c.dagId) ?? Infinity)) {
      reason = "max_active_tasks";
    } else if (cap?.perDag != null && count(taskKey) >= cap.perDag) {
      reason = "max_active_tis_per_dag";
    } else if (cap?.perRun != null && count(runTaskKey) >= cap.perRun) {
      reason = "max_active_tis_per_dagrun";
    }
    if (reason !== null) {
      left.push({ candidate: c, reason });
      continue;
    }
    admitted.push(c);
    poolOpen.set(c.pool, (open ?? 0) - c.poolSlots);
    for (const k of [runKey, taskKey, runTaskKey]) active.set(k, count(k) + 1);
  }
  return { admitted, left };
}
