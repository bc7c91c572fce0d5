// One scheduler pass over a run: trigger-rule decisions for no-status tasks and their cascade.
import type { TaskInstanceStateOrNone, TriggerRule } from "@updraft/sdk";
import { decideReadiness, propagateToFixpoint } from "../src";
import type { ReadinessTask } from "../src";

type Spec = Record<string, [upstream: string[], rule?: TriggerRule]>;

function tasksOf(spec: Spec): Record<string, ReadinessTask> {
  return Object.fromEntries(
    Object.entries(spec).map(([id, [upstreamTaskIds, rule]]) => [
      id,
      { upstreamTaskIds, triggerRule: rule ?? "all_success" },
    ]),
  );
}

const CHAIN: Spec = { a: [[]], b: [["a"]], c: [["b"]] };
const BRANCH: Spec = {
  branch: [[]],
  chosen: [["branch"]],
  other: [["branch"]],
  join: [["chosen", "other"], "none_failed_min_one_success"],
};

describe("propagateToFixpoint", () => {
  test.each<
    [
      string,
      Spec,
      Record<string, TaskInstanceStateOrNone>,
      Record<string, TaskInstanceStateOrNone>,
      string[],
    ]
  >([
    [
      "a failure makes the whole chain upstream_failed in one pass",
      CHAIN,
      { a: "failed" },
      { a: "failed", b: "upstream_failed", c: "upstream_failed" },
      [],
    ],
    [
      "a skip cascades through all_success downstream",
      CHAIN,
      { a: "skipped" },
      { a: "skipped", b: "skipped", c: "skipped" },
      [],
    ],
    [
      "a none_failed task runs after a skipped upstream",
      { a: [[]], b: [["a"], "none_failed"], c: [["b"]] },
      { a: "skipped" },
      { a: "skipped", b: null, c: null },
      ["b"],
    ],
    [
      "a none_failed_min_one_success join runs after a branch skip",
      BRANCH,
      { branch: "success", chosen: "success", other: "skipped" },
      { branch: "success", chosen: "success", other: "skipped", join: null },
      ["join"],
    ],
    [
      "an all_success join after a branch skip is skipped",
      { ...BRANCH, join: [["chosen", "other"]] },
      { branch: "success", chosen: "success", other: "skipped" },
      { branch: "success", chosen: "success", other: "skipped", join: "skipped" },
      [],
    ],
    [
      "a none_failed_min_one_success join waits for the chosen branch to finish",
      BRANCH,
      { branch: "success", chosen: "running", other: "skipped" },
      { branch: "success", chosen: "running", other: "skipped", join: null },
      [],
    ],
    [
      "a none_failed_min_one_success join is skipped when every branch was skipped",
      BRANCH,
      { branch: "success", chosen: "skipped", other: "skipped" },
      { branch: "success", chosen: "skipped", other: "skipped", join: "skipped" },
      [],
    ],
    [
      "all_done cleanup still runs after a failure while all_success siblings fail upstream",
      { a: [[]], b: [["a"]], cleanup: [["a"], "all_done"], d: [["b", "cleanup"]] },
      { a: "failed" },
      { a: "failed", b: "upstream_failed", cleanup: null, d: "upstream_failed" },
      ["cleanup"],
    ],
    [
      "a one_failed alert is scheduled when its upstream fails",
      { a: [[]], alert: [["a"], "one_failed"], next: [["a"]] },
      { a: "failed" },
      { a: "failed", alert: null, next: "upstream_failed" },
      ["alert"],
    ],
    [
      "a one_failed alert is skipped when its upstream succeeds",
      { a: [[]], alert: [["a"], "one_failed"], next: [["a"]] },
      { a: "success" },
      { a: "success", alert: "skipped", next: null },
      ["next"],
    ],
    [
      "root tasks are scheduled and nothing else moves",
      CHAIN,
      {},
      { a: null, b: null, c: null },
      ["a"],
    ],
    [
      // Each round reads one snapshot, like Airflow's cached finished TIs: t sees the skip of s
      // before the upstream_failed of u exists, whatever the order of the tasks.
      "each round decides from one snapshot of the states",
      { x: [[]], s: [[]], u: [["x"]], t: [["s", "u"]] },
      { x: "failed", s: "skipped" },
      { x: "failed", s: "skipped", u: "upstream_failed", t: "skipped" },
      [],
    ],
  ])("%s", (_name, spec, states, expectedStates, expectedSchedule) => {
    const result = propagateToFixpoint({ tasks: tasksOf(spec), states });
    expect(result.states).toEqual(expectedStates);
    expect(result.schedule).toEqual(expectedSchedule);
  });

  test("the result does not depend on the order tasks are listed in", () => {
    const spec: Spec = { x: [[]], s: [[]], u: [["x"]], t: [["s", "u"]] };
    const reversed = Object.fromEntries(Object.entries(spec).reverse());
    const states = { x: "failed", s: "skipped" } as const;
    expect(propagateToFixpoint({ tasks: tasksOf(reversed), states }).states).toEqual(
      propagateToFixpoint({ tasks: tasksOf(spec), states }).states,
    );
  });

  test("applied changes carry their reasons, in the order applied", () => {
    const result = propagateToFixpoint({ tasks: tasksOf(CHAIN), states: { a: "failed" } });
    expect(result.applied.map((d) => [d.taskId, d.decision])).toEqual([
      ["b", "upstream_failed"],
      ["c", "upstream_failed"],
    ]);
    expect(result.applied[1]?.reason).toContain(
      "1 upstream task(s) failed or were upstream_failed",
    );
  });
});

describe("decideReadiness", () => {
  test("decides only for tasks with no status, each with a reason", () => {
    const decisions = decideReadiness({
      tasks: tasksOf({ a: [[]], b: [["a"]], c: [["a"], "all_done"], d: [[]] }),
      states: { a: "running", d: "success" },
    });
    expect(decisions.map((d) => [d.taskId, d.decision])).toEqual([
      ["b", "wait"],
      ["c", "wait"],
    ]);
    expect(decisions[0]?.reason).toContain("upstream_task_ids={'a'}");
  });

  test.each<[string, TaskInstanceStateOrNone, string]>([
    ["a success upstream schedules the task", "success", "schedule"],
    ["a failed upstream sets it upstream_failed", "failed", "upstream_failed"],
    ["a skipped upstream skips it", "skipped", "skip"],
    ["an up_for_retry upstream makes it wait", "up_for_retry", "wait"],
  ])("%s", (_name, upstreamState, expected) => {
    const [decision] = decideReadiness({
      tasks: tasksOf({ a: [[]], b: [["a"]] }),
      states: { a: upstreamState },
    });
    expect(decision?.decision).toBe(expected);
  });
});
