// Airflow's trigger-rule check (trigger_rule_dep.py, direct relatives only): given the counts of a
// task's direct upstream states, decide whether it runs, waits, or is set skipped/upstream_failed.
import { TriggerRule } from "@updraft/sdk";
import type { UpstreamCounts } from "./upstreamCounts";

/** What the trigger rule says about a task whose own state is still "no status". */
export type TriggerRuleVerdict =
  | { readonly verdict: "pass"; readonly reason: string }
  | { readonly verdict: "wait"; readonly reason: string }
  | { readonly verdict: "skip"; readonly reason: string }
  | { readonly verdict: "upstream_failed"; readonly reason: string };

/** Knobs of Airflow's `DepContext` that matter to the trigger-rule check. */
export interface TriggerRuleOptions {
  /**
   * The scheduler evaluates with `flag_upstream_failed=True`, so hopeless tasks are set skipped or
   * upstream_failed; with `false` (e.g. explaining deps to a user) only the pass check runs.
   */
  readonly flagUpstreamFailed?: boolean;
  /** Shown in reasons as Airflow's `upstream_task_ids={...}`. */
  readonly upstreamTaskIds?: readonly string[];
}

type EvaluatedRule = Exclude<TriggerRule, "always">;
type SetState = { readonly state: "skip" | "upstream_failed"; readonly because: string } | null;

const skip = (because: string): SetState => ({ state: "skip", because });
const upstreamFailed = (because: string): SetState => ({ state: "upstream_failed", because });
const failures = (c: UpstreamCounts): number => c.failed + c.upstreamFailed;
const allDone = (c: UpstreamCounts): boolean => c.done >= c.total;

// The "set state" column of the spec table, checked first; null = leave the state alone.
const SET_STATE: Readonly<Record<EvaluatedRule, (c: UpstreamCounts) => SetState>> = {
  all_success: (c) =>
    failures(c) > 0
      ? upstreamFailed(`${failures(c)} upstream task(s) failed or were upstream_failed`)
      : c.skipped > 0
        ? skip(`${c.skipped} upstream task(s) were skipped`)
        : null,
  all_failed: (c) =>
    c.success + c.skipped > 0
      ? skip(`${c.success + c.skipped} upstream task(s) succeeded or were skipped`)
      : null,
  all_done: () => null,
  all_done_min_one_success: (c) => {
    if (c.skipped > 0) return skip(`${c.skipped} upstream task(s) were skipped`);
    const nonSkippedDone = c.success + c.failed + c.upstreamFailed + c.removed;
    return nonSkippedDone >= c.total - c.skipped && c.success === 0
      ? upstreamFailed("all non-skipped upstream tasks are done and none succeeded")
      : null;
  },
  all_skipped: (c) =>
    c.success + failures(c) > 0
      ? skip(
          `${c.success + failures(c)} upstream task(s) succeeded, failed or were upstream_failed`,
        )
      : null,
  one_success: (c) =>
    allDone(c) && c.done === c.skipped
      ? skip("all upstream tasks are done and all were skipped")
      : allDone(c) && c.success <= 0
        ? upstreamFailed("all upstream tasks are done and none succeeded")
        : null,
  one_failed: (c) =>
    allDone(c) && failures(c) === 0 ? skip("all upstream tasks are done and none failed") : null,
  // upstream_failed deliberately does not count as "done" for one_done (Airflow's code).
  one_done: (c) =>
    allDone(c) && c.success + c.failed === 0
      ? skip("all upstream tasks are done and none succeeded or failed")
      : null,
  none_failed: (c) =>
    failures(c) > 0
      ? upstreamFailed(`${failures(c)} upstream task(s) failed or were upstream_failed`)
      : null,
  none_failed_min_one_success: (c) =>
    failures(c) > 0
      ? upstreamFailed(`${failures(c)} upstream task(s) failed or were upstream_failed`)
      : c.skipped === c.total
        ? skip("all upstream tasks were skipped")
        : null,
  none_skipped: (c) => (c.skipped > 0 ? skip(`${c.skipped} upstream task(s) were skipped`) : null),
};

// The "runs when" column: null = met, else Airflow's failing-status sentence (without the suffix).
const PASS_CHECK: Readonly<Record<EvaluatedRule, (c: UpstreamCounts) => string | null>> = {
  all_success: (c) =>
    c.total - c.success > 0
      ? `requires all upstream tasks to have succeeded, but found ${c.total - c.success} non-success(es).`
      : null,
  all_failed: (c) =>
    c.total - failures(c) > 0
      ? `requires all upstream tasks to have failed, but found ${c.total - failures(c)} non-failure(s).`
      : null,
  all_done: (c) =>
    allDone(c)
      ? null
      : `requires all upstream tasks to have completed, but found ${c.total - c.done} task(s) that were not done.`,
  all_done_min_one_success: (c) => {
    const nonSkippedDone = c.success + c.failed + c.upstreamFailed + c.removed;
    const nonSkippedUpstream = c.total - c.skipped;
    const prefix = "requires all non-skipped upstream tasks to have completed";
    if (c.skipped > 0) return `${prefix}, but found ${c.skipped} skipped task(s).`;
    if (nonSkippedDone < nonSkippedUpstream) {
      return `${prefix}, but found ${nonSkippedUpstream - nonSkippedDone} task(s) that were not done.`;
    }
    return c.success === 0
      ? `${prefix} and at least one upstream task has succeeded, but found 0 successful task(s).`
      : null;
  },
  all_skipped: (c) =>
    c.total - c.skipped > 0
      ? `requires all upstream tasks to have been skipped, but found ${c.total - c.skipped} task(s) in non skipped state.`
      : null,
  one_success: (c) =>
    c.success <= 0 ? "requires one upstream task success, but none were found." : null,
  one_failed: (c) =>
    failures(c) === 0 ? "requires one upstream task failure, but none were found." : null,
  one_done: (c) =>
    c.success + c.failed <= 0
      ? "requires at least one upstream task failure or success but none were failed or success."
      : null,
  none_failed: (c) => noneFailedCheck(c),
  // Airflow's pass check does not require a success here: the all-skipped case is a set-state.
  none_failed_min_one_success: (c) => noneFailedCheck(c),
  none_skipped: (c) =>
    !allDone(c) || c.skipped > 0
      ? `requires all upstream tasks to not have been skipped, but found ${c.skipped} task(s) skipped.`
      : null,
};

function noneFailedCheck(c: UpstreamCounts): string | null {
  const nonSuccesses = c.total - c.success - c.skipped;
  return nonSuccesses > 0
    ? `requires all upstream tasks to have succeeded or been skipped, but found ${nonSuccesses} non-success(es).`
    : null;
}

/** Airflow's `upstream_states=..., upstream_task_ids=...` tail, so reasons read like its logs. */
function describeUpstream(c: UpstreamCounts, upstreamTaskIds?: readonly string[]): string {
  const states =
    `upstream_states=_UpstreamTIStates(success=${c.success}, skipped=${c.skipped}, ` +
    `failed=${c.failed}, upstream_failed=${c.upstreamFailed}, removed=${c.removed}, ` +
    `done=${c.done}, success_setup=0, skipped_setup=0)`;
  if (upstreamTaskIds === undefined) return states;
  // Python prints a set; sorting keeps the sentence stable between runs.
  const ids = [...upstreamTaskIds].sort().map((id) => `'${id}'`);
  return `${states}, upstream_task_ids=${ids.length === 0 ? "set()" : `{${ids.join(", ")}}`}`;
}

/**
 * Evaluates a trigger rule against the task's direct upstream counts, in Airflow's order: no
 * upstream or `always` passes; then the set-state check (if `flagUpstreamFailed`, the default);
 * then the pass check, whose failure means "wait".
 */
export function evaluateTriggerRule(
  rule: TriggerRule,
  counts: UpstreamCounts,
  options: TriggerRuleOptions = {},
): TriggerRuleVerdict {
  if (counts.total === 0) {
    return { verdict: "pass", reason: "The task instance did not have any upstream tasks." };
  }
  if (rule === TriggerRule.ALWAYS) {
    return { verdict: "pass", reason: "The task had a always trigger rule set." };
  }
  const setState = SET_STATE[rule] as ((c: UpstreamCounts) => SetState) | undefined;
  const passCheck = PASS_CHECK[rule] as ((c: UpstreamCounts) => string | null) | undefined;
  if (setState === undefined || passCheck === undefined) {
    // Rules arrive from stored data too; an unknown one must block the task, not crash the loop.
    return { verdict: "wait", reason: `No strategy to evaluate trigger rule '${String(rule)}'.` };
  }
  const tail = describeUpstream(counts, options.upstreamTaskIds);
  const prefix = `Task's trigger rule '${rule}'`;
  const newState = (options.flagUpstreamFailed ?? true) ? setState(counts) : null;
  if (newState !== null) {
    const word = newState.state === "skip" ? "skipped" : "upstream_failed";
    return {
      verdict: newState.state,
      reason: `${prefix} sets the task ${word} because ${newState.because}. ${tail}`,
    };
  }
  const failing = passCheck(counts);
  return failing === null
    ? { verdict: "pass", reason: `${prefix} is met. ${tail}` }
    : { verdict: "wait", reason: `${prefix} ${failing} ${tail}` };
}
