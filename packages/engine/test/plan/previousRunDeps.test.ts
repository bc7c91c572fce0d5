// depends_on_past / wait_for_downstream (AIRFLOW-SEMANTICS.md 3.4, prev_dagrun_dep.py): the same
// task in the previous run must be success or skipped, and with wait_for_downstream its direct
// downstream tasks there too.
import type { TaskInstanceStateOrNone } from "@updraft/sdk";
import { checkPreviousRunDeps } from "../../src/plan/previousRunDeps";

const dependsOnPast = (
  task: TaskInstanceStateOrNone[] | null,
  downstream: TaskInstanceStateOrNone[] = [],
) =>
  checkPreviousRunDeps({
    dependsOnPast: true,
    waitForDownstream: false,
    previous: task === null ? null : { task, downstream },
  });

const waitForDownstream = (
  task: TaskInstanceStateOrNone[],
  downstream: TaskInstanceStateOrNone[],
) =>
  checkPreviousRunDeps({
    dependsOnPast: true,
    waitForDownstream: true,
    previous: { task, downstream },
  });

describe("checkPreviousRunDeps: depends_on_past", () => {
  test("a task without depends_on_past passes whatever the previous run did", () => {
    expect(
      checkPreviousRunDeps({
        dependsOnPast: false,
        waitForDownstream: false,
        previous: { task: ["failed"], downstream: ["running"] },
      }).met,
    ).toBe(true);
  });

  test("the first run of the DAG passes", () => {
    const result = dependsOnPast(null);
    expect(result.met).toBe(true);
    expect(result.reason).toContain("first run");
  });

  test("passes when the previous run's instance succeeded", () => {
    expect(dependsOnPast(["success"]).met).toBe(true);
  });

  test("passes when the previous run's instance was skipped", () => {
    expect(dependsOnPast(["skipped"]).met).toBe(true);
  });

  test.each<TaskInstanceStateOrNone>([
    "failed",
    "upstream_failed",
    "running",
    "queued",
    "up_for_retry",
    "removed",
    null,
  ])("blocks when the previous run's instance is %s", (state) => {
    const result = dependsOnPast([state]);
    expect(result.met).toBe(false);
    expect(result.reason).toContain("depends_on_past");
    expect(result.reason).toContain(String(state));
  });

  test("a mapped task blocks when any previous instance failed", () => {
    expect(dependsOnPast(["success", "failed", "success"]).met).toBe(false);
    expect(dependsOnPast(["success", "skipped", "success"]).met).toBe(true);
  });

  test("a task absent from the previous run blocks, unless ignore_first_depends_on_past", () => {
    const result = dependsOnPast([]);
    expect(result.met).toBe(false);
    expect(result.reason).toContain("no instance");
    const ignored = checkPreviousRunDeps({
      dependsOnPast: true,
      waitForDownstream: false,
      ignoreFirstDependsOnPast: true,
      previous: { task: [], downstream: [] },
    });
    expect(ignored.met).toBe(true);
    expect(ignored.reason).toContain("did not exist");
  });

  test("without wait_for_downstream, unfinished downstream tasks do not matter", () => {
    expect(dependsOnPast(["success"], ["running", "failed"]).met).toBe(true);
  });
});

describe("checkPreviousRunDeps: wait_for_downstream", () => {
  test("blocks while a downstream instance of the previous run is unfinished", () => {
    const result = waitForDownstream(["success"], ["success", "running"]);
    expect(result.met).toBe(false);
    expect(result.reason).toContain("wait_for_downstream");
    expect(result.reason).toContain("1 downstream");
  });

  test.each<TaskInstanceStateOrNone>(["failed", "upstream_failed", null, "queued"])(
    "blocks when a previous downstream instance is %s",
    (state) => {
      expect(waitForDownstream(["success"], [state]).met).toBe(false);
    },
  );

  test("passes when every previous downstream instance succeeded or was skipped", () => {
    expect(waitForDownstream(["success"], ["success", "skipped", "success"]).met).toBe(true);
  });

  test("passes when the task has no downstream tasks", () => {
    expect(waitForDownstream(["success"], []).met).toBe(true);
  });

  test("the task's own previous instance is checked first", () => {
    const result = waitForDownstream(["failed"], ["running"]);
    expect(result.met).toBe(false);
    expect(result.reason).toContain("depends_on_past");
  });

  test("wait_for_downstream alone implies depends_on_past", () => {
    const check = (task: TaskInstanceStateOrNone[]) =>
      checkPreviousRunDeps({
        dependsOnPast: false,
        waitForDownstream: true,
        previous: { task, downstream: ["success"] },
      }).met;
    expect(check(["failed"])).toBe(false);
    expect(check(["success"])).toBe(true);
  });

  test("the first run passes with wait_for_downstream too", () => {
    expect(
      checkPreviousRunDeps({ dependsOnPast: true, waitForDownstream: true, previous: null }).met,
    ).toBe(true);
  });
});
