// A DAG run's state from its task instances (Airflow's `DagRun.update_state`): judged on the leaf
// tasks once everything is finished, and failed early when the unfinished ones can never run.
import { TaskInstanceState, isFinishedState } from "@updraft/sdk";
import type { TaskInstanceStateOrNone } from "@updraft/sdk";
import { decideReadiness } from "./readiness";
import type { ReadinessTask, RunSnapshot } from "./readiness";

/** The run's next state; `reason` is Airflow's callback/listener `msg` where it has one. */
export type DagRunStateDecision =
  | { readonly state: "success"; readonly reason: "success"; readonly detail: string }
  | {
      readonly state: "failed";
      readonly reason: "task_failure" | "all_tasks_deadlocked";
      readonly detail: string;
    }
  | { readonly state: "running"; readonly reason: "unfinished_tasks"; readonly detail: string };

// States that can still make progress without any upstream change (Airflow checks their deps
// with the retry/reschedule periods ignored, and they passed their trigger rule to get there).
const PROGRESSING: ReadonlySet<TaskInstanceStateOrNone> = new Set<TaskInstanceStateOrNone>([
  TaskInstanceState.SCHEDULED,
  TaskInstanceState.QUEUED,
  TaskInstanceState.RUNNING,
  TaskInstanceState.RESTARTING,
  TaskInstanceState.UP_FOR_RETRY,
  TaskInstanceState.UP_FOR_RESCHEDULE,
  TaskInstanceState.DEFERRED,
]);

/**
 * True for a state that can still make progress on its own (scheduled, queued, running, …): while
 * any instance of a run is in one, the run is neither over nor deadlocked, so `decideDagRunState`
 * can only say "running" (the scheduler skips asking it then).
 */
export function isProgressingState(state: TaskInstanceStateOrNone): boolean {
  return PROGRESSING.has(state);
}

// A DAG version's tasks object is never changed, and a pass asks for its leaves every time.
const leavesOf = new WeakMap<object, readonly string[]>();

/** Tasks that no other task lists as upstream: the ones whose outcome is the run's outcome. */
export function leafTaskIds(tasks: Readonly<Record<string, ReadinessTask>>): string[] {
  let leaves = leavesOf.get(tasks);
  if (leaves === undefined) {
    const hasDownstream = new Set(Object.values(tasks).flatMap((task) => task.upstreamTaskIds));
    leaves = Object.keys(tasks).filter((id) => !hasDownstream.has(id));
    leavesOf.set(tasks, leaves);
  }
  return [...leaves];
}

function isFailedState(state: TaskInstanceStateOrNone): boolean {
  return state === TaskInstanceState.FAILED || state === TaskInstanceState.UPSTREAM_FAILED;
}

/** Null-state tasks all wait and nothing else is in flight: nothing can ever change again. */
function isDeadlocked(input: RunSnapshot, unfinished: readonly string[]): boolean {
  if (unfinished.some((id) => PROGRESSING.has(input.states[id] ?? null))) return false;
  return decideReadiness(input).every((decision) => decision.decision === "wait");
}

/**
 * Decides the run's state: no unfinished tasks and a failed/upstream_failed leaf -> failed; no
 * unfinished tasks otherwise -> success (leaves all success/skipped); unfinished tasks none of
 * which can ever be scheduled -> failed (`all_tasks_deadlocked`); else running. Removed leaves
 * are ignored; a task missing from `states` counts as having no status.
 */
export function decideDagRunState(input: RunSnapshot): DagRunStateDecision {
  const stateOf = (id: string): TaskInstanceStateOrNone => input.states[id] ?? null;
  const unfinished = Object.keys(input.tasks).filter((id) => !isFinishedState(stateOf(id)));
  const leaves = leafTaskIds(input.tasks).filter((id) => stateOf(id) !== TaskInstanceState.REMOVED);
  if (unfinished.length === 0) {
    const failedLeaves = leaves.filter((id) => isFailedState(stateOf(id)));
    if (failedLeaves.length > 0) {
      return {
        state: "failed",
        reason: "task_failure",
        detail: `All tasks finished and leaf task(s) ${failedLeaves.join(", ")} failed.`,
      };
    }
    return {
      state: "success",
      reason: "success",
      detail: "All tasks finished and every leaf task succeeded or was skipped.",
    };
  }
  if (isDeadlocked(input, unfinished)) {
    return {
      state: "failed",
      reason: "all_tasks_deadlocked",
      detail: `Task deadlock (no runnable tasks): ${unfinished.join(", ")} can never be scheduled.`,
    };
  }
  return {
    state: "running",
    reason: "unfinished_tasks",
    detail: `${unfinished.length} task(s) not finished yet.`,
  };
}
