// One scheduler pass over the task instances of one DAG run, mapped ones included: which "no
// status" instances pass their trigger rule, which are set skipped/upstream_failed (cascading
// down the graph until nothing changes), and which unexpanded mapped tasks are ready to expand.
// Trigger rules count task instances, as Airflow does: a mapped upstream counts once per index.
import { TaskInstanceState } from "@updraft/sdk";
import type { TaskInstanceStateOrNone } from "@updraft/sdk";
import { evaluateTriggerRule } from "../deps/triggerRule";
import { countUpstreamStates } from "../deps/upstreamCounts";
import type { ReadinessTask } from "../readiness";

/** One task instance of the run. */
export interface InstanceState {
  readonly taskId: string;
  /** -1 for an unmapped task, or a mapped task not expanded yet. */
  readonly mapIndex: number;
  readonly state: TaskInstanceStateOrNone;
}

/** The graph of the run's DAG and the current state of every task instance. */
export interface InstancesSnapshot {
  readonly tasks: Readonly<Record<string, ReadinessTask & { readonly isMapped: boolean }>>;
  readonly instances: readonly InstanceState[];
}

/** A state the scheduler sets without running anything. */
export interface InstanceChange {
  readonly taskId: string;
  readonly mapIndex: number;
  readonly state: typeof TaskInstanceState.SKIPPED | typeof TaskInstanceState.UPSTREAM_FAILED;
  readonly reason: string;
}

/** What the pass decided. */
export interface InstancesPlan {
  /** skipped / upstream_failed, in the order applied. */
  readonly changes: InstanceChange[];
  /** Instances whose trigger rule passes (mapped tasks already expanded, or unmapped ones). */
  readonly schedule: { readonly taskId: string; readonly mapIndex: number }[];
  /** Mapped tasks whose trigger rule passes but which still have only their -1 placeholder. */
  readonly expand: string[];
}

const keyOf = (taskId: string, mapIndex: number): string => `${taskId}\u0000${mapIndex}`;

/**
 * Evaluates every no-status instance against its trigger rule over all instances of its direct
 * upstream tasks, applies skip/upstream_failed round after round (each round sees one snapshot,
 * so the result does not depend on order) and returns the instances to schedule or expand.
 */
export function planTaskInstances(input: InstancesSnapshot): InstancesPlan {
  const byTask = new Map<string, InstanceState[]>();
  for (const instance of input.instances) {
    const list = byTask.get(instance.taskId);
    if (list === undefined) byTask.set(instance.taskId, [instance]);
    else list.push(instance);
  }
  // States set by earlier rounds; every other instance has its snapshot state. (A pass runs
  // over every instance of the run, so the common lookup builds no key string.)
  const changed = new Map<string, TaskInstanceStateOrNone>();
  const stateOf = (i: InstanceState): TaskInstanceStateOrNone =>
    changed.size === 0 ? i.state : (changed.get(keyOf(i.taskId, i.mapIndex)) ?? i.state);
  const upstreamStates = (taskId: string): TaskInstanceStateOrNone[] => {
    const states: TaskInstanceStateOrNone[] = [];
    for (const upstreamId of input.tasks[taskId]?.upstreamTaskIds ?? []) {
      const instances = byTask.get(upstreamId);
      // An upstream with no instance at all (removed from the run) counts as no status.
      if (instances === undefined) states.push(null);
      else for (const i of instances) states.push(stateOf(i));
    }
    return states;
  };
  const changes: InstanceChange[] = [];
  for (;;) {
    const round: InstanceChange[] = [];
    const schedule: { taskId: string; mapIndex: number }[] = [];
    const expand: string[] = [];
    for (const instance of input.instances) {
      const task = input.tasks[instance.taskId];
      if (task === undefined) continue;
      if (stateOf(instance) !== null) continue;
      const counts = countUpstreamStates(upstreamStates(instance.taskId));
      const verdict = evaluateTriggerRule(task.triggerRule, counts, {
        upstreamTaskIds: task.upstreamTaskIds,
      });
      if (verdict.verdict === "skip" || verdict.verdict === "upstream_failed") {
        round.push({
          taskId: instance.taskId,
          mapIndex: instance.mapIndex,
          state:
            verdict.verdict === "skip"
              ? TaskInstanceState.SKIPPED
              : TaskInstanceState.UPSTREAM_FAILED,
          reason: verdict.reason,
        });
      } else if (verdict.verdict === "pass") {
        if (task.isMapped && instance.mapIndex === -1) expand.push(instance.taskId);
        else schedule.push({ taskId: instance.taskId, mapIndex: instance.mapIndex });
      }
    }
    if (round.length === 0) return { changes, schedule, expand };
    for (const change of round) {
      changed.set(keyOf(change.taskId, change.mapIndex), change.state);
      changes.push(change);
    }
  }
}

const UNFINISHED_ORDER: readonly TaskInstanceStateOrNone[] = [
  TaskInstanceState.RUNNING,
  TaskInstanceState.RESTARTING,
  TaskInstanceState.QUEUED,
  TaskInstanceState.SCHEDULED,
  TaskInstanceState.UP_FOR_RETRY,
  TaskInstanceState.UP_FOR_RESCHEDULE,
  TaskInstanceState.DEFERRED,
  null,
];

/**
 * One state per task from its instances, for judging the run: an unfinished instance makes the
 * task unfinished (the most active state wins); else failed, then upstream_failed, win over
 * success; a task is skipped only when every instance is (removed instances are ignored).
 */
export function aggregateTaskState(
  states: readonly TaskInstanceStateOrNone[],
): TaskInstanceStateOrNone {
  const live: TaskInstanceStateOrNone[] = states.filter((s) => s !== TaskInstanceState.REMOVED);
  if (live.length === 0) return states.length === 0 ? null : TaskInstanceState.REMOVED;
  for (const state of UNFINISHED_ORDER) if (live.includes(state)) return state;
  if (live.includes(TaskInstanceState.FAILED)) return TaskInstanceState.FAILED;
  if (live.includes(TaskInstanceState.UPSTREAM_FAILED)) return TaskInstanceState.UPSTREAM_FAILED;
  if (live.every((s) => s === TaskInstanceState.SKIPPED)) return TaskInstanceState.SKIPPED;
  return TaskInstanceState.SUCCESS;
}
