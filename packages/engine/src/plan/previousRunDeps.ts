// depends_on_past and wait_for_downstream (Airflow's PrevDagrunDep): a task instance may run only
// when the same task succeeded (or was skipped) in the DAG's previous run, and, with
// wait_for_downstream, when that task's direct downstream tasks did too.
import { TaskInstanceState } from "@updraft/sdk";
import type { TaskInstanceStateOrNone } from "@updraft/sdk";

/** What the check needs from the task and from the previous run. */
export interface PreviousRunDepsInput {
  readonly dependsOnPast: boolean;
  readonly waitForDownstream: boolean;
  /**
   * Airflow's ignore_first_depends_on_past: a previous run without an instance of the task
   * (the task is new) passes instead of blocking. @default false
   */
  readonly ignoreFirstDependsOnPast?: boolean;
  /**
   * The previous run (by logical date) and its instances: of this task (`task`) and of its
   * direct downstream tasks (`downstream`); null when this is the DAG's first run.
   */
  readonly previous: {
    /** States of the task's instances there; empty when the task did not exist yet. */
    readonly task: readonly TaskInstanceStateOrNone[];
    readonly downstream: readonly TaskInstanceStateOrNone[];
  } | null;
}

const DONE_OK: ReadonlySet<TaskInstanceStateOrNone> = new Set([
  TaskInstanceState.SUCCESS,
  TaskInstanceState.SKIPPED,
]);

/** Whether the previous run allows this instance to be scheduled, and why not. */
export function checkPreviousRunDeps(input: PreviousRunDepsInput): {
  readonly met: boolean;
  readonly reason: string;
} {
  if (!input.dependsOnPast && !input.waitForDownstream) {
    return { met: true, reason: "The task does not depend on past runs." };
  }
  if (input.previous === null) {
    return { met: true, reason: "This is the first run of the DAG: no past to depend on." };
  }
  if (input.previous.task.length === 0) {
    return input.ignoreFirstDependsOnPast === true
      ? {
          met: true,
          reason: "The task did not exist in the previous run (ignore_first_depends_on_past).",
        }
      : { met: false, reason: "depends_on_past: the previous run has no instance of the task." };
  }
  const notDone = input.previous.task.filter((s) => !DONE_OK.has(s));
  if (notDone.length > 0) {
    return {
      met: false,
      reason: `depends_on_past: the previous run's instance is ${String(notDone[0])}, not success or skipped.`,
    };
  }
  if (input.waitForDownstream) {
    const waiting = input.previous.downstream.filter((s) => !DONE_OK.has(s));
    if (waiting.length > 0) {
      return {
        met: false,
        reason: `wait_for_downstream: ${waiting.length} downstream instance(s) of the previous run are not done.`,
      };
    }
  }
  return { met: true, reason: "The previous run's instances are done." };
}
