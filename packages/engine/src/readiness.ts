// One scheduler pass over one DAG run: which "no status" task instances can be scheduled, which
// are set skipped/upstream_failed by their trigger rule, and how those states cascade downstream.
import { TaskInstanceState } from "@updraft/sdk";
import type { TaskInstanceStateOrNone, TriggerRule } from "@updraft/sdk";
import { evaluateTriggerRule } from "./deps/triggerRule";
import { countUpstreamStates } from "./deps/upstreamCounts";

/** The graph fields of one (unmapped) task that readiness depends on. */
export interface ReadinessTask {
  readonly upstreamTaskIds: readonly string[];
  readonly triggerRule: TriggerRule;
}

/** One DAG run: its tasks and the current state of each task instance (missing = no status). */
export interface RunSnapshot {
  readonly tasks: Readonly<Record<string, ReadinessTask>>;
  readonly states: Readonly<Record<string, TaskInstanceStateOrNone>>;
}

/** What to do with one "no status" task instance. */
export interface ReadinessDecision {
  readonly taskId: string;
  readonly decision: "schedule" | "skip" | "upstream_failed" | "wait";
  readonly reason: string;
}

/** The outcome of propagating skip/upstream_failed until nothing changes. */
export interface PropagationResult {
  /** Every task's state after the cascade (scheduled tasks are left `null`: the caller sets them). */
  readonly states: Record<string, TaskInstanceStateOrNone>;
  /** Tasks whose trigger rule passes, in task order. */
  readonly schedule: string[];
  /** The skip/upstream_failed decisions applied, in the order applied. */
  readonly applied: ReadinessDecision[];
  /** The decisions of the last round, for every task still without a status. */
  readonly decisions: ReadinessDecision[];
}

const VERDICT_TO_DECISION = {
  pass: "schedule",
  wait: "wait",
  skip: "skip",
  upstream_failed: "upstream_failed",
} as const;

function stateIn(
  states: ReadonlyMap<string, TaskInstanceStateOrNone>,
  taskId: string,
): TaskInstanceStateOrNone {
  return states.get(taskId) ?? null;
}

function decide(
  tasks: Readonly<Record<string, ReadinessTask>>,
  states: ReadonlyMap<string, TaskInstanceStateOrNone>,
): ReadinessDecision[] {
  const decisions: ReadinessDecision[] = [];
  for (const [taskId, task] of Object.entries(tasks)) {
    if (stateIn(states, taskId) !== null) continue;
    const counts = countUpstreamStates(task.upstreamTaskIds.map((id) => stateIn(states, id)));
    const verdict = evaluateTriggerRule(task.triggerRule, counts, {
      upstreamTaskIds: task.upstreamTaskIds,
    });
    decisions.push({
      taskId,
      decision: VERDICT_TO_DECISION[verdict.verdict],
      reason: verdict.reason,
    });
  }
  return decisions;
}

/**
 * Evaluates every task instance with no status against its trigger rule, as the scheduler does
 * (`flag_upstream_failed=True`). All decisions see the same snapshot, so the result does not
 * depend on the order of `tasks`. Other states (running, up_for_retry, ...) are not considered.
 */
export function decideReadiness(input: RunSnapshot): ReadinessDecision[] {
  return decide(input.tasks, new Map(Object.entries(input.states)));
}

/**
 * Applies skip/upstream_failed decisions round after round until no state changes, so a failure
 * or skip cascades down a whole chain in one pass; then lists the tasks to schedule. Each round
 * only moves tasks from no status to a finished state, so it ends within one round per task.
 */
export function propagateToFixpoint(input: RunSnapshot): PropagationResult {
  const states = new Map<string, TaskInstanceStateOrNone>(Object.entries(input.states));
  for (const taskId of Object.keys(input.tasks)) states.set(taskId, stateIn(states, taskId));
  const applied: ReadinessDecision[] = [];
  for (;;) {
    const decisions = decide(input.tasks, states);
    // One snapshot per round, like Airflow's cached finished TIs: order-independent results.
    const changes = decisions.filter(
      (d) => d.decision === "skip" || d.decision === "upstream_failed",
    );
    if (changes.length === 0) {
      return {
        states: Object.fromEntries(states),
        schedule: decisions.filter((d) => d.decision === "schedule").map((d) => d.taskId),
        applied,
        decisions,
      };
    }
    for (const change of changes) {
      const state =
        change.decision === "skip" ? TaskInstanceState.SKIPPED : TaskInstanceState.UPSTREAM_FAILED;
      states.set(change.taskId, state);
      applied.push(change);
    }
  }
}
