import { BashOperator, dag, decideExpansion, executeTask, indexesForMapIndex, task } from "../src";
import { fakeTaskRun } from "../src/testing";

describe("mapping expansion", () => {
  test.each([
    [[3], { kind: "expand", count: 3 }],
    [[2, 3], { kind: "expand", count: 6 }],
    [[0], { kind: "skip" }],
    [[4, 0], { kind: "skip" }],
    [[1025], { kind: "fail" }],
    [[32, 33], { kind: "fail" }],
  ])("input lengths %j → %j", (lengths, expected) => {
    expect(decideExpansion(lengths)).toMatchObject(expected);
  });

  test("the limit is configurable (Airflow's max_map_length)", () => {
    expect(decideExpansion([5], 4)).toEqual({
      kind: "fail",
      reason: "Expansion length 5 exceeds max_map_length 4",
    });
  });

  test.each([
    [0, [0, 0]],
    [1, [0, 1]],
    [2, [0, 2]],
    [3, [1, 0]],
    [5, [1, 2]],
  ])("map index %i of a 2×3 product picks %j (last input varies fastest)", (mapIndex, expected) => {
    expect(indexesForMapIndex([2, 3], mapIndex)).toEqual(expected);
  });

  test("an out-of-range map index is an error", () => {
    expect(() => indexesForMapIndex([2], 2)).toThrow("map_index 2 is out of range 0..1");
  });
});

describe("mapped TaskFlow tasks", () => {
  test("expand() over a literal list runs one instance per element", async () => {
    const d = dag({ dagId: "map_literal" }, () => {
      task("square", (_ctx, x: number) => x * x).expand([1, 2, 3]);
    });
    const square = d.task("square");
    expect(square.isMapped).toBe(true);
    const run = fakeTaskRun();
    const results = [];
    for (const mapIndex of [0, 1, 2])
      results.push((await executeTask(square, run.context("square", { mapIndex }))).returnValue);
    expect(results).toEqual([1, 4, 9]);
  });

  test("expand() over an upstream output, with partial() fixing the leading input", async () => {
    const d = dag({ dagId: "map_xcom" }, () => {
      const tables = task("tables", () => ["vendas", "clientes"]);
      const load = task("load", (_ctx, schema: string, table: string) => `${schema}.${table}`);
      const loaded = load.partial("raw").expand(tables());
      task("summary", (_ctx, names: string[]) => names.join(","))(loaded);
    });
    expect([...d.task("load").upstreamTaskIds]).toEqual(["tables"]);
    const run = fakeTaskRun();
    await executeTask(d.task("tables"), run.context("tables"));
    for (const mapIndex of [0, 1])
      await executeTask(d.task("load"), run.context("load", { mapIndex }));
    // A downstream task pulling a mapped task's output gets every map index in order.
    expect((await executeTask(d.task("summary"), run.context("summary"))).returnValue).toBe(
      "raw.vendas,raw.clientes",
    );
  });

  test("a mapped input that is not a list is rejected at definition", () => {
    expect(() =>
      dag({ dagId: "map_bad" }, () => {
        task("t", (_ctx, x: number) => x).expand(5 as unknown as number[]);
      }),
    ).toThrow('mapped input 1 of task "t": expected a list to expand over, got number');
  });
});

describe("mapped class operators", () => {
  test("partial().expand() renders each instance with its own options", async () => {
    const d = dag({ dagId: "map_bash" }, () => {
      BashOperator.partial({ taskId: "echo", retries: 2 }).expand({
        bashCommand: ["echo a", "echo b"],
      });
    });
    const echo = d.task("echo");
    expect(echo.isMapped).toBe(true);
    expect(echo.operatorName).toBe("BashOperator");
    expect(echo.args.retries).toBe(2);
    const commands: string[] = [];
    const run = fakeTaskRun({
      runCommand: (c) => (commands.push(c), { exitCode: 0, lastLine: c }),
    });
    for (const mapIndex of [0, 1]) await run.run(echo, { mapIndex });
    expect(commands).toEqual(["echo a", "echo b"]);
  });

  test("expandKwargs() takes one options object per instance", async () => {
    const d = dag({ dagId: "map_kwargs" }, () => {
      BashOperator.partial({ taskId: "run" }).expandKwargs([
        { bashCommand: "one" },
        { bashCommand: "two", env: { A: "1" } },
      ]);
    });
    const run = fakeTaskRun();
    const { operator } = await d.task("run").resolveForRun(run.context("run", { mapIndex: 1 }));
    expect((operator as BashOperator).bashCommand).toBe("two");
    expect((operator as BashOperator).env).toEqual({ A: "1" });
    expect(d.tasks).toHaveLength(1);
  });
});
