import { dag, EmptyOperator, executeTask, ShortCircuitOperator, task, taskGroup } from "../src";
import type { Dag } from "../src";
import { fakeTaskRun } from "../src/testing";

function branchDag(choose: () => string | string[] | null): Dag {
  return dag({ dagId: "branchy" }, () => {
    const pick = task.branch("pick", choose)();
    const group = taskGroup("heavy", () => {
      new EmptyOperator({ taskId: "a" }).then(new EmptyOperator({ taskId: "b" }));
    });
    pick.then([
      new EmptyOperator({ taskId: "fast" }),
      new EmptyOperator({ taskId: "slow" }),
      group,
    ]);
  });
}

describe("branching", () => {
  test.each([
    ["fast", ["heavy.a", "slow"]],
    [["fast", "slow"], ["heavy.a"]],
    ["heavy", ["fast", "slow"]],
    [null, ["fast", "heavy.a", "slow"]],
  ])("choosing %j skips the other direct downstream tasks %j", async (choice, skipped) => {
    const d = branchDag(() => choice);
    const run = fakeTaskRun();
    const { returnValue } = await executeTask(d.task("pick"), run.context("pick"));
    expect(run.skipped.sort()).toEqual(skipped);
    expect(returnValue).toEqual(choice);
  });

  test("a choice that is not directly downstream fails the branch", async () => {
    const d = branchDag(() => "heavy.b");
    await expect(executeTask(d.task("pick"), fakeTaskRun().context("pick"))).rejects.toThrow(
      '"heavy.b" is not a valid task id or is not directly downstream',
    );
  });
});

describe("short-circuit", () => {
  function circuit(value: unknown, ignoreDownstreamTriggerRules?: boolean): Dag {
    return dag({ dagId: "circuit" }, () => {
      const check = new ShortCircuitOperator({
        taskId: "check",
        condition: () => value,
        ...(ignoreDownstreamTriggerRules === undefined ? {} : { ignoreDownstreamTriggerRules }),
      });
      check
        .then(new EmptyOperator({ taskId: "next" }))
        .then(new EmptyOperator({ taskId: "after", triggerRule: "all_done" }));
    });
  }

  test("a falsy condition skips every downstream task by default", async () => {
    const run = fakeTaskRun();
    await executeTask(circuit(0).task("check"), run.context("check"));
    expect(run.skipped.sort()).toEqual(["after", "next"]);
  });

  test("with ignoreDownstreamTriggerRules false only direct downstream is skipped", async () => {
    const run = fakeTaskRun();
    await executeTask(circuit("", false).task("check"), run.context("check"));
    expect(run.skipped).toEqual(["next"]);
  });

  test("a truthy condition skips nothing", async () => {
    const run = fakeTaskRun();
    await executeTask(circuit(true).task("check"), run.context("check"));
    expect(run.skipped).toEqual([]);
  });

  test("task.shortCircuit works the same on a TaskFlow function", async () => {
    const d = dag({ dagId: "tf_circuit" }, () => {
      task
        .shortCircuit(
          "has_rows",
          (_ctx, n: number) => n > 0,
        )(0)
        .then(new EmptyOperator({ taskId: "load" }));
    });
    const run = fakeTaskRun();
    await executeTask(d.task("has_rows"), run.context("has_rows"));
    expect(run.skipped).toEqual(["load"]);
  });
});
