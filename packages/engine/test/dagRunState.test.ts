// DagRun.update_state (AIRFLOW-SEMANTICS.md 3.1): leaves decide a finished run; deadlock fails early.
import { TaskInstanceState } from "@updraft/sdk";
import type { TaskInstanceStateOrNone, TriggerRule } from "@updraft/sdk";
import { decideDagRunState, isProgressingState, leafTaskIds } from "../src";
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

const CHAIN: Spec = { a: [[]], b: [["a"]] };
const FORK: Spec = { a: [[]], b: [["a"]], c: [["a"]] };

describe("decideDagRunState", () => {
  test.each<[string, Spec, Record<string, TaskInstanceStateOrNone>, string, string]>([
    ["every task succeeded: success", CHAIN, { a: "success", b: "success" }, "success", "success"],
    [
      "a skipped leaf still counts as success",
      CHAIN,
      { a: "success", b: "skipped" },
      "success",
      "success",
    ],
    [
      "a failed non-leaf does not fail the run when the leaf succeeded",
      { a: [[]], b: [["a"], "all_done"] },
      { a: "failed", b: "success" },
      "success",
      "success",
    ],
    [
      "a failed leaf fails the finished run",
      CHAIN,
      { a: "success", b: "failed" },
      "failed",
      "task_failure",
    ],
    [
      "an upstream_failed leaf fails the finished run",
      CHAIN,
      { a: "failed", b: "upstream_failed" },
      "failed",
      "task_failure",
    ],
    [
      "a failed leaf does not end the run while another task runs",
      FORK,
      { a: "success", b: "failed", c: "running" },
      "running",
      "unfinished_tasks",
    ],
    ["a run with tasks not started yet is running", CHAIN, {}, "running", "unfinished_tasks"],
    [
      "a running task keeps the run running",
      CHAIN,
      { a: "running" },
      "running",
      "unfinished_tasks",
    ],
    [
      "an up_for_retry task keeps the run running",
      CHAIN,
      { a: "up_for_retry" },
      "running",
      "unfinished_tasks",
    ],
    [
      "a deferred task keeps the run running",
      CHAIN,
      { a: "deferred" },
      "running",
      "unfinished_tasks",
    ],
    [
      "a task about to be set upstream_failed is progress, not deadlock",
      CHAIN,
      { a: "failed" },
      "running",
      "unfinished_tasks",
    ],
    [
      "tasks waiting on a removed upstream can never run: deadlock",
      CHAIN,
      { a: "removed" },
      "failed",
      "all_tasks_deadlocked",
    ],
    [
      "an all_failed task after a removed and a failed upstream is deadlocked",
      { a: [[]], x: [[]], b: [["a", "x"], "all_failed"] },
      { a: "removed", x: "failed" },
      "failed",
      "all_tasks_deadlocked",
    ],
    [
      "a removed leaf is ignored when judging success",
      FORK,
      { a: "success", b: "success", c: "removed" },
      "success",
      "success",
    ],
    [
      "a removed leaf is ignored when judging failure",
      FORK,
      { a: "success", b: "failed", c: "removed" },
      "failed",
      "task_failure",
    ],
    [
      "a run whose only leaf was removed succeeds",
      CHAIN,
      { a: "success", b: "removed" },
      "success",
      "success",
    ],
  ])("%s", (_name, spec, states, expectedState, expectedReason) => {
    const decision = decideDagRunState({ tasks: tasksOf(spec), states });
    expect([decision.state, decision.reason]).toEqual([expectedState, expectedReason]);
  });

  test("the deadlock detail names the stuck tasks", () => {
    const decision = decideDagRunState({ tasks: tasksOf(CHAIN), states: { a: "removed" } });
    expect(decision.detail).toContain("b");
  });
});

describe("leafTaskIds", () => {
  test.each<[string, Spec, string[]]>([
    ["a chain has its last task as leaf", CHAIN, ["b"]],
    ["a fork has both branches as leaves", FORK, ["b", "c"]],
    ["a lone task is a leaf", { a: [[]] }, ["a"]],
  ])("%s", (_name, spec, expected) => {
    expect(leafTaskIds(tasksOf(spec))).toEqual(expected);
  });
});

describe("isProgressingState", () => {
  const ALL: TaskInstanceStateOrNone[] = [null, ...Object.values(TaskInstanceState)];

  test("holds for exactly the in-flight states", () => {
    expect(ALL.filter(isProgressingState).sort()).toEqual([
      "deferred",
      "queued",
      "restarting",
      "running",
      "scheduled",
      "up_for_reschedule",
      "up_for_retry",
    ]);
  });

  test.each(ALL.filter(isProgressingState))(
    "a run with an instance %s is still running, whatever the others",
    (state) => {
      const tasks = tasksOf({ a: [[]], b: [["a"]], c: [[]] });
      for (const other of ALL.filter((s) => !isProgressingState(s))) {
        const decision = decideDagRunState({ tasks, states: { a: state, b: other, c: other } });
        expect(decision.state).toBe("running");
      }
    },
  );

  test("leaves are the same on every call for one tasks object, and a copy each time", () => {
    const tasks = tasksOf(FORK);
    const first = leafTaskIds(tasks);
    first.push("mutated");
    expect(leafTaskIds(tasks)).toEqual(["b", "c"]);
  });
});
