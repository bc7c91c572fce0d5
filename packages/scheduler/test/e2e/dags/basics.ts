// Linear and diamond DAGs passing values through XCom.
import { dag, EmptyOperator, task } from "@updraft/sdk";

dag({ dagId: "e2e_linear", startDate: "2026-01-01" }, () => {
  const first = task("first", () => 1);
  const second = task("second", (_ctx, n: number) => n + 1);
  const third = task("third", (_ctx, n: number) => n * 10);
  third(second(first()));
});

dag({ dagId: "e2e_diamond", startDate: "2026-01-01" }, () => {
  const start = task("start", () => 5);
  const left = task("left", (_ctx, n: number) => n + 1);
  const right = task("right", (_ctx, n: number) => n + 2);
  const join = task("join", (_ctx, a: number, b: number) => a + b);
  const s = start();
  const j = join(left(s), right(s));
  j.then(new EmptyOperator({ taskId: "end" }));
});
