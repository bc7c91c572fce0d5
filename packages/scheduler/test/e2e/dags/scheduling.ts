// Catchup with data intervals, depends_on_past, branching and mapping.
import { CronDataIntervalTimetable, dag, EmptyOperator, task } from "@updraft/sdk";

dag(
  {
    dagId: "e2e_catchup",
    schedule: new CronDataIntervalTimetable("@daily", { timezone: "UTC" }),
    startDate: "2026-01-01",
    catchup: true,
    maxActiveRuns: 16,
    isPausedUponCreation: false,
  },
  () => {
    task("interval", (ctx) => [
      ctx.dataIntervalStart?.toISOString(),
      ctx.dataIntervalEnd?.toISOString(),
    ])();
  },
);

dag({ dagId: "e2e_depends_on_past", startDate: "2026-01-01" }, () => {
  task(
    "step",
    (ctx) => {
      if (ctx.conf.fail === true) throw new Error("asked to fail");
      return "ok";
    },
    { dependsOnPast: true },
  )();
});

dag({ dagId: "e2e_branching", startDate: "2026-01-01" }, () => {
  const pick = task.branch("pick", (ctx) => (ctx.conf.left === false ? "right" : "left"));
  const join = new EmptyOperator({ taskId: "join", triggerRule: "none_failed_min_one_success" });
  pick().then([new EmptyOperator({ taskId: "left" }), new EmptyOperator({ taskId: "right" })]);
  join.after(["left", "right"]);
});

dag({ dagId: "e2e_mapping", startDate: "2026-01-01" }, () => {
  const numbers = task("numbers", (ctx): number[] =>
    Array.isArray(ctx.conf.numbers) ? (ctx.conf.numbers as number[]) : [1, 2, 3],
  );
  const double = task("double", (_ctx, n: number) => n * 2);
  const total = task("total", (_ctx, values: number[]) => values.reduce((a, b) => a + b, 0), {
    triggerRule: "all_done",
  });
  total(double.expand(numbers()));
});
