import type { TaskFlowOperator } from "../src";
import { dag, executeTask, task } from "../src";
import { fakeTaskRun } from "../src/testing";

describe("TaskFlow tasks", () => {
  test("passing a task's output creates the dependency and the XCom pull", async () => {
    let total!: TaskFlowOperator<number>;
    const d = dag({ dagId: "flow" }, () => {
      const extract = task("extract", () => [1, 2, 3]);
      const sum = task("sum", (_ctx, rows: number[], offset: number) =>
        rows.reduce((a, b) => a + b, offset),
      );
      total = sum(extract(), 10);
    });
    expect([...total.upstreamTaskIds]).toEqual(["extract"]);
    const run = fakeTaskRun();
    await executeTask(d.task("extract"), run.context("extract"));
    const result = await executeTask(total, run.context("sum"));
    expect(result.returnValue).toBe(16);
    expect(run.xcoms.get("sum|-1|return_value")).toBe(16);
  });

  test("XCom references nested in lists and objects are resolved too", async () => {
    const d = dag({ dagId: "nested_refs" }, () => {
      const a = task("a", () => "A")();
      const b = task("b", () => "B")();
      task(
        "report",
        (_ctx, parts: { first: string; rest: string[] }) => `${parts.first}${parts.rest.join("")}`,
      )({ first: a, rest: [b, "!"] });
    });
    expect([...d.task("report").upstreamTaskIds].sort()).toEqual(["a", "b"]);
    const run = fakeTaskRun();
    await executeTask(d.task("a"), run.context("a"));
    await executeTask(d.task("b"), run.context("b"));
    expect((await executeTask(d.task("report"), run.context("report"))).returnValue).toBe("AB!");
  });

  test("calling a task twice gives ids id and id__1, as Airflow", () => {
    const d = dag({ dagId: "twice" }, () => {
      const hello = task("hello", () => "hi");
      hello();
      hello();
    });
    expect(d.tasks.map((t) => t.taskId)).toEqual(["hello", "hello__1"]);
  });

  test("override() changes options such as the task id and retries", () => {
    const d = dag({ dagId: "override" }, () => {
      const base = task("load", () => 1, { retries: 1 });
      base.override({ taskId: "load_again", retries: 5 })();
    });
    expect(d.task("load_again").args.retries).toBe(5);
  });

  test("multipleOutputs pushes each key as its own XCom plus return_value", async () => {
    const d = dag({ dagId: "multi" }, () => {
      task("stats", () => ({ rows: 3, bytes: 120 }), { multipleOutputs: true })();
    });
    const run = fakeTaskRun();
    await executeTask(d.task("stats"), run.context("stats"));
    expect(run.xcoms.get("stats|-1|rows")).toBe(3);
    expect(run.xcoms.get("stats|-1|bytes")).toBe(120);
    expect(run.xcoms.get("stats|-1|return_value")).toEqual({ rows: 3, bytes: 120 });
  });

  test("a missing upstream XCom fails with XComNotFound naming the task", async () => {
    const d = dag({ dagId: "missing" }, () => {
      const up = task("up", () => undefined)();
      task("down", (_ctx, value: undefined) => value)(up);
    });
    await expect(executeTask(d.task("down"), fakeTaskRun().context("down"))).rejects.toThrow(
      'XComNotFound: task "up" pushed no XCom with key "return_value"',
    );
  });

  test("inputs are type-checked against the function's parameters", () => {
    dag({ dagId: "types" }, () => {
      const numbers = task("numbers", () => [1, 2]);
      const text = task("text", () => "x");
      const double = task("double", (_ctx, xs: number[]) => xs.map((x) => x * 2));
      double(numbers());
      // @ts-expect-error a string output cannot feed a number[] input
      double(text());
      // @ts-expect-error the wrong number of inputs
      double();
      // (the two rejected calls still ran, creating double__1 and double__2)
      const doubled: TaskFlowOperator<number[]> = double([3]);
      expect(doubled.taskId).toBe("double__3");
    });
  });
});
