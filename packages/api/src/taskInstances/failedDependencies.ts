// Why a task instance is not running, as Airflow's GET …/dependencies tells it: the dependencies
// that fail, under Airflow's names and (where Airflow has them) in its words, sorted by name.
// They are the ones Updraft's scheduler applies before a task instance may be queued — Airflow's
// SCHEDULER_QUEUED_DEPS and the task's own deps — so what this says is what holds it back; the
// decisions are the engine's (trigger rule, depends_on_past, retry period) and the caps are the
// ones queueing admits against. Airflow's date deps are left out: Updraft's scheduler has none.
import {
  checkPreviousRunDeps,
  countUpstreamStates,
  evaluateTriggerRule,
  isReadyForRetry,
  type PreviousRunDepsInput,
} from "@updraft/engine";
import {
  pythonIsoformat,
  type SerializedTask,
  TaskInstanceState,
  type TaskInstanceStateOrNone,
} from "@updraft/sdk";
import type { TaskInstanceSchedulingFacts } from "@updraft/store";

/** What the deps are evaluated over. */
export interface DependencyInput {
  readonly dagId: string;
  readonly task: SerializedTask;
  readonly facts: TaskInstanceSchedulingFacts;
  /** The states of every instance of the task's direct upstream tasks (null: no status). */
  readonly upstreamStates: readonly TaskInstanceStateOrNone[];
  /** The previous run's instances, for depends_on_past; null when there is no previous run. */
  readonly previous: PreviousRunDepsInput["previous"];
  readonly now: Date;
}

/** One failing dependency, as Airflow's TaskDependencyResponse. */
export interface TaskDependency {
  readonly name: string;
  readonly reason: string;
}

type Check = (input: DependencyInput) => string | null;

const DEPS: Readonly<Record<string, Check>> = {
  "Dag Not Paused": ({ dagId, facts }) =>
    facts.dagIsPaused ? `Task's DAG '${dagId}' is paused.` : null,

  "Dagrun Running": ({ facts }) =>
    facts.runState === "running"
      ? null
      : `Task instance's dagrun was not in the 'running' state but in the state '${facts.runState}'.`,

  "Not In Retry Period": ({ facts, now }) =>
    facts.state === TaskInstanceState.UP_FOR_RETRY &&
    facts.nextRetryAt !== null &&
    !isReadyForRetry(facts.state, facts.nextRetryAt, now)
      ? "Task is not ready for retry yet but will be retried automatically. " +
        `Current date is ${pythonIsoformat(now)} and task will be retried at ${pythonIsoformat(facts.nextRetryAt)}.`
      : null,

  "Pool Slots Available": ({ facts }) =>
    facts.poolOpenSlots === null
      ? `Tasks using non-existent pool '${facts.pool}' will not be scheduled`
      : facts.poolOpenSlots < facts.poolSlots
        ? `Not scheduling since there are ${facts.poolOpenSlots} open slots in pool ${facts.pool} and require ${facts.poolSlots} pool slots`
        : null,

  "Previous Dagrun State": ({ task, previous }) => {
    const verdict = checkPreviousRunDeps({
      dependsOnPast: task.depends_on_past,
      waitForDownstream: task.wait_for_downstream,
      ignoreFirstDependsOnPast: task.ignore_first_depends_on_past,
      previous,
    });
    return verdict.met ? null : verdict.reason;
  },

  "Task Concurrency": ({ task, facts }) =>
    task.max_active_tis_per_dag !== null && facts.activeOfTask >= task.max_active_tis_per_dag
      ? "The max task concurrency has been reached."
      : task.max_active_tis_per_dagrun !== null &&
          facts.activeOfTaskInRun >= task.max_active_tis_per_dagrun
        ? "The max task concurrency per run has been reached."
        : null,

  "Task Instance Slots Available": ({ dagId, facts }) =>
    facts.activeInRun >= facts.maxActiveTasks
      ? `The maximum number of running tasks (${facts.maxActiveTasks}) for this task's Dag '${dagId}' has been reached.`
      : null,

  // Only a scheduled task instance can be queued (Airflow's QUEUEABLE_STATES).
  "Task Instance State": ({ facts }) =>
    facts.state === TaskInstanceState.SCHEDULED
      ? null
      : `Task is in the '${facts.state ?? "None"}' state.`,

  // As Airflow explains deps: the pass check only, never setting skipped/upstream_failed.
  "Trigger Rule": ({ task, upstreamStates }) => {
    const verdict = evaluateTriggerRule(task.trigger_rule, countUpstreamStates(upstreamStates), {
      flagUpstreamFailed: false,
      upstreamTaskIds: task.upstream_task_ids,
    });
    return verdict.verdict === "pass" ? null : verdict.reason;
  },
};

/** The failing dependencies of the task instance, sorted by name. */
export function failedDependencies(input: DependencyInput): TaskDependency[] {
  return Object.entries(DEPS)
    .flatMap(([name, check]) => {
      const reason = check(input);
      return reason === null ? [] : [{ name, reason }];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
