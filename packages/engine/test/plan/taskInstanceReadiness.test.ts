// One scheduler pass over the task instances of a run, mapped ones included: trigger rules count
// every map index of a mapped upstream (AIRFLOW-SEMANTICS.md 3.2), and the cascade of
// skipped/upstream_failed runs to a fixpoint in one call.
import type { TaskInstanceStateOrNone, TriggerRule } from "@updraft/sdk";
import { aggregateTaskState, planTaskInstances } from "../../src/plan/taskInstanceReadiness";
import type {
  InstanceState,
  InstancesPlan,
  InstancesSnapshot,
} from "../../src/plan/taskInstanceReadiness";

type TaskSpec = [upstream: string[], rule?: TriggerRule, mapped?: "mapped"];

function tasksOf(spec: Record<string, TaskSpec>): InstancesSnapshot["tasks"] {
  return Object.fromEntries(
    Object.entries(spec).map(([id, [upstreamTaskIds, rule, mapped]]) => [
      id,
      { upstreamTaskIds, triggerRule: rule ?? "all_success", isMapped: mapped === "mapped" },
    ]),
  );
}

/** `"a"` = the unmapped instance (-1); `"a[2]"` = map index 2. */
function instancesOf(states: Record<string, TaskInstanceStateOrNone>): InstanceState[] {
  return Object.entries(states).map(([key, state]) => {
    const match = /^(.+)\[(\d+)\]$/.exec(key);
    return match
      ? { taskId: match[1]!, mapIndex: Number(match[2]), state }
      : { taskId: key, mapIndex: -1, state };
  });
}

function plan(
  spec: Record<string, TaskSpec>,
  states: Record<string, TaskInstanceStateOrNone>,
): InstancesPlan {
  return planTaskInstances({ tasks: tasksOf(spec), instances: instancesOf(states) });
}

/** A mapped task `m` with three instances feeding an unmapped `down`. */
function fanIn(
  rule: TriggerRule,
  m: [TaskInstanceStateOrNone, TaskInstanceStateOrNone, TaskInstanceStateOrNone],
): InstancesPlan {
  const p = plan(
    { m: [[], "all_success", "mapped"], down: [["m"], rule] },
    { "m[0]": m[0], "m[1]": m[1], "m[2]": m[2], down: null },
  );
  // A no-status instance of the root task `m` is itself schedulable; only `down` is under test.
  return { ...p, schedule: p.schedule.filter((s) => s.taskId === "down") };
}

const scheduled = (p: InstancesPlan): string[] =>
  p.schedule.map((s) => (s.mapIndex === -1 ? s.taskId : `${s.taskId}[${s.mapIndex}]`));
const changed = (p: InstancesPlan): Record<string, string> =>
  Object.fromEntries(
    p.changes.map((c) => [c.mapIndex === -1 ? c.taskId : `${c.taskId}[${c.mapIndex}]`, c.state]),
  );

describe("planTaskInstances: trigger rules count a mapped upstream once per instance", () => {
  test("all_success waits while any of the 3 mapped instances is unfinished", () => {
    for (const third of [null, "scheduled", "queued", "running", "up_for_retry"] as const) {
      const p = fanIn("all_success", ["success", "success", third]);
      expect(scheduled(p)).toEqual([]);
      expect(p.changes).toEqual([]);
    }
  });

  test("all_success schedules the downstream once all 3 mapped instances succeeded", () => {
    expect(scheduled(fanIn("all_success", ["success", "success", "success"]))).toEqual(["down"]);
  });

  test("all_success sets upstream_failed as soon as one instance failed, without waiting", () => {
    const p = fanIn("all_success", ["failed", "running", null]);
    expect(changed(p)).toEqual({ down: "upstream_failed" });
    expect(p.changes[0]!.reason).toContain("failed=1");
    expect(scheduled(p)).toEqual([]);
  });

  test("all_success skips the downstream when one instance was skipped", () => {
    expect(changed(fanIn("all_success", ["success", "skipped", "success"]))).toEqual({
      down: "skipped",
    });
  });

  test("one_failed fires on the first failed instance while the others still run", () => {
    const p = fanIn("one_failed", ["running", "failed", null]);
    expect(scheduled(p)).toEqual(["down"]);
    expect(p.changes).toEqual([]);
  });

  test("one_failed waits while no instance failed and some are unfinished", () => {
    expect(scheduled(fanIn("one_failed", ["success", "running", "success"]))).toEqual([]);
  });

  test("one_failed is skipped once all instances are done and none failed", () => {
    expect(changed(fanIn("one_failed", ["success", "skipped", "success"]))).toEqual({
      down: "skipped",
    });
  });

  test("one_success fires on the first successful instance", () => {
    expect(scheduled(fanIn("one_success", [null, "success", "running"]))).toEqual(["down"]);
  });

  test("all_done passes after failures once every instance is done", () => {
    expect(scheduled(fanIn("all_done", ["failed", "success", "upstream_failed"]))).toEqual([
      "down",
    ]);
  });

  test("all_done waits while one instance is still running, even after failures", () => {
    const p = fanIn("all_done", ["failed", "running", "failed"]);
    expect(scheduled(p)).toEqual([]);
    expect(p.changes).toEqual([]);
  });

  test("all_failed passes only when every instance failed", () => {
    expect(scheduled(fanIn("all_failed", ["failed", "failed", "upstream_failed"]))).toEqual([
      "down",
    ]);
    expect(changed(fanIn("all_failed", ["failed", "success", "failed"]))).toEqual({
      down: "skipped",
    });
  });

  test("none_failed passes when the instances succeeded or were skipped", () => {
    expect(scheduled(fanIn("none_failed", ["success", "skipped", "success"]))).toEqual(["down"]);
  });

  test("a removed instance counts as done for all_done", () => {
    expect(scheduled(fanIn("all_done", ["success", "removed", "failed"]))).toEqual(["down"]);
  });

  test("an unmapped upstream next to a mapped one adds one more instance to wait for", () => {
    const spec: Record<string, TaskSpec> = {
      m: [[], "all_success", "mapped"],
      u: [[]],
      down: [["m", "u"]],
    };
    const done = { "m[0]": "success", "m[1]": "success" } as const;
    expect(scheduled(plan(spec, { ...done, u: "running", down: null }))).toEqual([]);
    expect(scheduled(plan(spec, { ...done, u: "success", down: null }))).toEqual(["down"]);
  });

  test("an upstream task with no instance in the run counts as unfinished", () => {
    const p = plan({ a: [[]], down: [["a"], "all_done"] }, { down: null });
    expect(scheduled(p)).toEqual([]);
    expect(p.changes).toEqual([]);
  });

  test("each instance of an expanded mapped downstream counts all upstream instances", () => {
    const spec: Record<string, TaskSpec> = {
      m: [[], "all_success", "mapped"],
      n: [["m"], "all_success", "mapped"],
    };
    const waiting = plan(spec, {
      "m[0]": "success",
      "m[1]": "running",
      "n[0]": null,
      "n[1]": null,
    });
    expect(scheduled(waiting)).toEqual([]);
    const ready = plan(spec, {
      "m[0]": "success",
      "m[1]": "success",
      "n[0]": null,
      "n[1]": "running",
    });
    expect(ready.schedule).toEqual([{ taskId: "n", mapIndex: 0 }]);
  });
});

describe("planTaskInstances: cascades in one call", () => {
  test("a failed mapped instance makes the whole chain below upstream_failed", () => {
    const p = plan(
      { m: [[], "all_success", "mapped"], b: [["m"]], c: [["b"]], d: [["c"]] },
      { "m[0]": "success", "m[1]": "failed", "m[2]": "success", b: null, c: null, d: null },
    );
    expect(p.changes.map((c) => [c.taskId, c.state])).toEqual([
      ["b", "upstream_failed"],
      ["c", "upstream_failed"],
      ["d", "upstream_failed"],
    ]);
    expect(p.schedule).toEqual([]);
  });

  test("an all_done task below the cascade becomes schedulable in the same call", () => {
    const p = plan(
      { a: [[]], b: [["a"]], cleanup: [["b"], "all_done"] },
      { a: "failed", b: null, cleanup: null },
    );
    expect(changed(p)).toEqual({ b: "upstream_failed" });
    expect(scheduled(p)).toEqual(["cleanup"]);
  });

  test("a mapped task expanded to zero (placeholder skipped) skips its all_success downstream", () => {
    const p = plan(
      { m: [[], "all_success", "mapped"], b: [["m"]], c: [["b"]] },
      { m: "skipped", b: null, c: null },
    );
    expect(changed(p)).toEqual({ b: "skipped", c: "skipped" });
  });

  test("every instance of an expanded mapped downstream is set upstream_failed", () => {
    const p = plan(
      { a: [[]], n: [["a"], "all_success", "mapped"] },
      { a: "failed", "n[0]": null, "n[1]": null, "n[2]": "upstream_failed" },
    );
    expect(changed(p)).toEqual({ "n[0]": "upstream_failed", "n[1]": "upstream_failed" });
  });
});

describe("planTaskInstances: unexpanded mapped tasks", () => {
  test("a mapped task with only its -1 placeholder appears in expand, not schedule", () => {
    const p = plan(
      { make: [[]], m: [["make"], "all_success", "mapped"] },
      { make: "success", m: null },
    );
    expect(p.expand).toEqual(["m"]);
    expect(p.schedule).toEqual([]);
  });

  test("a root mapped task over a literal list is ready to expand at once", () => {
    const p = plan({ m: [[], "all_success", "mapped"] }, { m: null });
    expect(p.expand).toEqual(["m"]);
    expect(p.schedule).toEqual([]);
  });

  test("an unexpanded mapped task waits for its upstream before expanding", () => {
    const p = plan(
      { make: [[]], m: [["make"], "all_success", "mapped"] },
      { make: "running", m: null },
    );
    expect(p.expand).toEqual([]);
    expect(p.schedule).toEqual([]);
  });

  test("an unexpanded mapped task below a failure is set upstream_failed at index -1", () => {
    const p = plan(
      { make: [[]], m: [["make"], "all_success", "mapped"], after: [["m"]] },
      { make: "failed", m: null, after: null },
    );
    expect(p.changes.map((c) => [c.taskId, c.mapIndex, c.state])).toEqual([
      ["m", -1, "upstream_failed"],
      ["after", -1, "upstream_failed"],
    ]);
    expect(p.expand).toEqual([]);
  });

  test("an expanded mapped task's instances are scheduled with their map index", () => {
    const p = plan(
      { make: [[]], m: [["make"], "all_success", "mapped"] },
      { make: "success", "m[0]": null, "m[1]": null },
    );
    expect(p.schedule).toEqual([
      { taskId: "m", mapIndex: 0 },
      { taskId: "m", mapIndex: 1 },
    ]);
    expect(p.expand).toEqual([]);
  });
});

describe("planTaskInstances: what it leaves alone", () => {
  test("instances that already have a state are neither scheduled nor changed", () => {
    const p = plan(
      { a: [[]], b: [["a"]], c: [["a"], "all_done"] },
      { a: "success", b: "running", c: "success" },
    );
    expect(p).toEqual({ changes: [], schedule: [], expand: [] });
  });

  test("an instance of a task missing from the DAG is ignored", () => {
    const p = plan({ a: [[]] }, { a: "success", ghost: null });
    expect(p).toEqual({ changes: [], schedule: [], expand: [] });
  });

  test("always runs regardless of failed upstream instances", () => {
    expect(scheduled(fanIn("always", ["failed", null, "running"]))).toEqual(["down"]);
  });
});

describe("planTaskInstances: order independence", () => {
  const spec: Record<string, TaskSpec> = {
    m: [[], "all_success", "mapped"],
    b: [["m"]],
    c: [["b"]],
    d: [["c"], "all_done"],
    e: [["m"], "one_failed"],
    f: [["m"], "all_done", "mapped"],
    g: [["d", "e"], "none_failed"],
  };
  const states: Record<string, TaskInstanceStateOrNone> = {
    "m[0]": "success",
    "m[1]": "failed",
    "m[2]": "success",
    b: null,
    c: null,
    d: null,
    e: null,
    f: null,
    g: null,
  };

  const normalized = (p: InstancesPlan) => ({
    changes: [...p.changes]
      .map((c) => `${c.taskId}[${c.mapIndex}]=${c.state}`)
      .sort((x, y) => x.localeCompare(y)),
    schedule: p.schedule
      .map((s) => `${s.taskId}[${s.mapIndex}]`)
      .sort((x, y) => x.localeCompare(y)),
    expand: [...p.expand].sort((x, y) => x.localeCompare(y)),
  });

  test("reversing or rotating the instances and tasks gives the same decisions", () => {
    const instances = instancesOf(states);
    const tasks = tasksOf(spec);
    const reversedTasks = Object.fromEntries(Object.entries(tasks).reverse());
    const expected = normalized(planTaskInstances({ tasks, instances }));
    expect(expected).toEqual({
      changes: ["b[-1]=upstream_failed", "c[-1]=upstream_failed"],
      schedule: ["d[-1]", "e[-1]"],
      expand: ["f"],
    });
    for (let shift = 0; shift < instances.length; shift++) {
      const rotated = [...instances.slice(shift), ...instances.slice(0, shift)];
      expect(normalized(planTaskInstances({ tasks, instances: rotated }))).toEqual(expected);
      expect(
        normalized(planTaskInstances({ tasks: reversedTasks, instances: [...rotated].reverse() })),
      ).toEqual(expected);
    }
  });
});

describe("aggregateTaskState", () => {
  test.each<[TaskInstanceStateOrNone[], TaskInstanceStateOrNone]>([
    [[], null],
    [["removed", "removed"], "removed"],
    [["success", "running", null], "running"],
    [["success", null], null],
    [["failed", "queued"], "queued"],
    [["success", "up_for_retry"], "up_for_retry"],
    [["deferred", "failed"], "deferred"],
    [["running", "queued", "scheduled"], "running"],
    [["success", "failed", "upstream_failed"], "failed"],
    [["success", "upstream_failed", "skipped"], "upstream_failed"],
    [["skipped", "skipped"], "skipped"],
    [["skipped", "removed"], "skipped"],
    [["skipped", "success"], "success"],
    [["success", "removed"], "success"],
    [["success", "success", "success"], "success"],
  ])("%j -> %j", (states, expected) => {
    expect(aggregateTaskState(states)).toBe(expected);
  });

  test("an unfinished instance makes the task unfinished even after a failure", () => {
    expect(aggregateTaskState(["failed", "failed", null])).toBeNull();
  });
});
