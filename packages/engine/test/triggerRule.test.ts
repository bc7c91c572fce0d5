// Airflow's trigger-rule table (AIRFLOW-SEMANTICS.md 3.2, trigger_rule_dep.py), one row per case.
import { TriggerRule } from "@updraft/sdk";
import type { TaskInstanceStateOrNone } from "@updraft/sdk";
import { countUpstreamStates, evaluateTriggerRule } from "../src";

const S = "success";
const K = "skipped";
const F = "failed";
const UF = "upstream_failed";
const R = "removed";
const RUN = "running";
const N = null;

type Row = [TriggerRule, TaskInstanceStateOrNone[], "pass" | "wait" | "skip" | "upstream_failed"];

const TABLE: Row[] = [
  ["all_success", [S, S], "pass"],
  ["all_success", [S, N], "wait"],
  ["all_success", [S, RUN], "wait"],
  ["all_success", [S, F], "upstream_failed"],
  ["all_success", [S, UF, N], "upstream_failed"],
  ["all_success", [S, K], "skip"],
  ["all_success", [K, F], "upstream_failed"],
  ["all_success", [S, R], "wait"],

  ["all_failed", [F, UF], "pass"],
  ["all_failed", [F, F], "pass"],
  ["all_failed", [F, N], "wait"],
  ["all_failed", [F, S], "skip"],
  ["all_failed", [K, N], "skip"],
  ["all_failed", [F, R], "wait"],

  ["all_done", [S, F, K, UF, R], "pass"],
  ["all_done", [F, F], "pass"],
  ["all_done", [K], "pass"],
  ["all_done", [S, N], "wait"],
  ["all_done", [RUN, F], "wait"],

  ["all_done_min_one_success", [S, F], "pass"],
  ["all_done_min_one_success", [S, R], "pass"],
  ["all_done_min_one_success", [S, N], "wait"],
  ["all_done_min_one_success", [F, N], "wait"],
  ["all_done_min_one_success", [S, K], "skip"],
  ["all_done_min_one_success", [K, N], "skip"],
  ["all_done_min_one_success", [F, UF], "upstream_failed"],
  ["all_done_min_one_success", [F, R], "upstream_failed"],

  ["all_skipped", [K, K], "pass"],
  ["all_skipped", [K, N], "wait"],
  ["all_skipped", [K, R], "wait"],
  ["all_skipped", [K, S], "skip"],
  ["all_skipped", [F, N], "skip"],
  ["all_skipped", [UF], "skip"],

  ["one_success", [S, N], "pass"],
  ["one_success", [F, S], "pass"],
  ["one_success", [N, N], "wait"],
  ["one_success", [F, N], "wait"],
  ["one_success", [K, K], "skip"],
  ["one_success", [F, K], "upstream_failed"],
  ["one_success", [R], "upstream_failed"],

  ["one_failed", [F, N], "pass"],
  ["one_failed", [UF, N], "pass"],
  ["one_failed", [S, F], "pass"],
  ["one_failed", [S, N], "wait"],
  ["one_failed", [S, K], "skip"],
  ["one_failed", [R, S], "skip"],

  ["one_done", [S, N], "pass"],
  ["one_done", [F, N], "pass"],
  ["one_done", [K, N], "wait"],
  ["one_done", [UF, N], "wait"],
  ["one_done", [K, K], "skip"],
  ["one_done", [UF, K], "skip"],

  ["none_failed", [S, K], "pass"],
  ["none_failed", [K, K], "pass"],
  ["none_failed", [S, N], "wait"],
  ["none_failed", [S, R], "wait"],
  ["none_failed", [S, F], "upstream_failed"],
  ["none_failed", [UF, N], "upstream_failed"],

  ["none_failed_min_one_success", [S, K], "pass"],
  ["none_failed_min_one_success", [S, S], "pass"],
  ["none_failed_min_one_success", [K, N], "wait"],
  ["none_failed_min_one_success", [K, K], "skip"],
  ["none_failed_min_one_success", [F, K], "upstream_failed"],
  ["none_failed_min_one_success", [S, UF], "upstream_failed"],

  ["none_skipped", [S, F], "pass"],
  ["none_skipped", [UF, F], "pass"],
  ["none_skipped", [S, N], "wait"],
  ["none_skipped", [K, N], "skip"],
  ["none_skipped", [S, K], "skip"],

  ["always", [N], "pass"],
  ["always", [F], "pass"],
  ["always", [K], "pass"],
  ["always", [UF, N], "pass"],
  ["always", [RUN], "pass"],
];

describe("evaluateTriggerRule (scheduler: flag_upstream_failed=True)", () => {
  test.each(TABLE)("%s with upstream states %j gives %s", (rule, states, expected) => {
    expect(evaluateTriggerRule(rule, countUpstreamStates(states)).verdict).toBe(expected);
  });

  test("every rule is covered by at least five rows", () => {
    for (const rule of Object.values(TriggerRule)) {
      expect(TABLE.filter(([r]) => r === rule).length).toBeGreaterThanOrEqual(5);
    }
  });

  test.each(Object.values(TriggerRule))("%s passes a task with no upstream", (rule) => {
    expect(evaluateTriggerRule(rule, countUpstreamStates([]))).toEqual({
      verdict: "pass",
      reason: "The task instance did not have any upstream tasks.",
    });
  });
});

describe("evaluateTriggerRule without flag_upstream_failed (only the pass check runs)", () => {
  test.each<Row>([
    ["all_success", [S, F], "wait"],
    ["all_success", [S, K], "wait"],
    ["one_success", [K, K], "wait"],
    ["all_skipped", [S], "wait"],
    // Airflow quirk kept: the pass check alone does not require a success.
    ["none_failed_min_one_success", [K, K], "pass"],
    ["all_done", [F, UF], "pass"],
  ])("%s with upstream states %j gives %s", (rule, states, expected) => {
    const verdict = evaluateTriggerRule(rule, countUpstreamStates(states), {
      flagUpstreamFailed: false,
    });
    expect(verdict.verdict).toBe(expected);
  });
});

describe("trigger rule reasons read like Airflow's", () => {
  test("a waiting all_success task names the non-successes, the counts and the upstream ids", () => {
    const verdict = evaluateTriggerRule("all_success", countUpstreamStates([S, N]), {
      upstreamTaskIds: ["b", "a"],
    });
    expect(verdict.reason).toBe(
      "Task's trigger rule 'all_success' requires all upstream tasks to have succeeded, but found " +
        "1 non-success(es). upstream_states=_UpstreamTIStates(success=1, skipped=0, failed=0, " +
        "upstream_failed=0, removed=0, done=1, success_setup=0, skipped_setup=0), " +
        "upstream_task_ids={'a', 'b'}",
    );
  });

  test("a task set upstream_failed says why", () => {
    const verdict = evaluateTriggerRule("none_failed", countUpstreamStates([F, UF]));
    expect(verdict.reason).toMatch(
      /^Task's trigger rule 'none_failed' sets the task upstream_failed because 2 upstream task\(s\) failed or were upstream_failed\. upstream_states=/,
    );
  });

  test("the always rule passes with Airflow's sentence", () => {
    expect(evaluateTriggerRule("always", countUpstreamStates([F])).reason).toBe(
      "The task had a always trigger rule set.",
    );
  });

  test("an unknown rule from stored data waits instead of throwing", () => {
    const verdict = evaluateTriggerRule("dummy" as TriggerRule, countUpstreamStates([S]));
    expect(verdict).toEqual({
      verdict: "wait",
      reason: "No strategy to evaluate trigger rule 'dummy'.",
    });
  });
});

describe("countUpstreamStates", () => {
  test.each<[TaskInstanceStateOrNone[], ReturnType<typeof countUpstreamStates>]>([
    [[], { success: 0, skipped: 0, failed: 0, upstreamFailed: 0, removed: 0, done: 0, total: 0 }],
    [
      [S, K, F, UF, R],
      { success: 1, skipped: 1, failed: 1, upstreamFailed: 1, removed: 1, done: 5, total: 5 },
    ],
    [
      [N, RUN, "queued", "up_for_retry", "deferred", S],
      { success: 1, skipped: 0, failed: 0, upstreamFailed: 0, removed: 0, done: 1, total: 6 },
    ],
  ])("counts %j with unfinished states only in total", (states, expected) => {
    expect(countUpstreamStates(states)).toEqual(expected);
  });
});
