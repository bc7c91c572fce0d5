import { chain, crossDownstream, dag, EmptyOperator, parallel, taskGroup } from "../src";
import type { Dag } from "../src";

function edges(d: Dag): string[] {
  return d.tasks
    .flatMap((t) => [...t.downstreamTaskIds].map((down) => `${t.taskId}>${down}`))
    .sort();
}

const op = (id: string): EmptyOperator => new EmptyOperator({ taskId: id });

describe("dependencies", () => {
  test("a.then(b).then(c) chains and returns the downstream task", () => {
    const d = dag({ dagId: "then" }, () => {
      const [a, b, c] = [op("a"), op("b"), op("c")];
      expect(a.then(b)).toBe(b);
      b.then(c);
    });
    expect(edges(d)).toEqual(["a>b", "b>c"]);
  });

  test("fan-out with a list and fan-in with parallel()", () => {
    const d = dag({ dagId: "fan" }, () => {
      const [start, x, y, end] = [op("start"), op("x"), op("y"), op("end")];
      start.then([x, y]);
      parallel(x, y).then(end);
    });
    expect(edges(d)).toEqual(["start>x", "start>y", "x>end", "y>end"]);
  });

  test("after() is the reverse arrow", () => {
    const d = dag({ dagId: "after" }, () => {
      op("b").after(op("a"));
    });
    expect(edges(d)).toEqual(["a>b"]);
  });

  test("chain() links in sequence and pairs equal-length lists element-wise, like Airflow", () => {
    const d = dag({ dagId: "chain" }, () => {
      chain(op("a"), [op("b1"), op("b2")], [op("c1"), op("c2")], op("d"));
    });
    expect(edges(d)).toEqual(["a>b1", "a>b2", "b1>c1", "b2>c2", "c1>d", "c2>d"]);
  });

  test("chain() rejects adjacent lists of different lengths", () => {
    expect(() => dag({ dagId: "chain_bad" }, () => chain([op("a"), op("b")], [op("c")]))).toThrow(
      "chain(): adjacent lists must have the same length, got 2 and 1",
    );
  });

  test("crossDownstream() links every pair", () => {
    const d = dag({ dagId: "cross" }, () =>
      crossDownstream([op("a"), op("b")], [op("c"), op("d")]),
    );
    expect(edges(d)).toEqual(["a>c", "a>d", "b>c", "b>d"]);
  });

  test("a task group stands for its roots downstream and its leaves upstream", () => {
    const d = dag({ dagId: "groups" }, () => {
      const start = op("start");
      const group = taskGroup("load", () => {
        op("extract").then(op("transform"));
        op("audit");
      });
      start.then(group).then(op("end"));
    });
    expect(edges(d)).toEqual([
      "load.audit>end",
      "load.extract>load.transform",
      "load.transform>end",
      "start>load.audit",
      "start>load.extract",
    ]);
  });

  test("awaiting a task fails with a message instead of hanging", async () => {
    let a!: EmptyOperator;
    dag({ dagId: "await" }, () => {
      a = op("a");
    });
    await expect(Promise.resolve().then(() => a)).rejects.toThrow("Tasks are not promises");
  });
});
