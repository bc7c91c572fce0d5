// Pools, max_active_runs, and a wide DAG for two schedulers at once.
import { dag, EmptyOperator, task } from "@updraft/sdk";

dag({ dagId: "e2e_pool", startDate: "2026-01-01" }, () => {
  for (let i = 0; i < 4; i++) {
    task(`pooled_${i}`, async (ctx) => ctx.runtime.sleep(150, ctx.signal), {
      pool: "e2e_single",
    })();
  }
});

dag({ dagId: "e2e_max_active_runs", startDate: "2026-01-01", maxActiveRuns: 1 }, () => {
  task("hold", async (ctx) => ctx.runtime.sleep(150, ctx.signal))();
});

dag({ dagId: "e2e_wide", startDate: "2026-01-01" }, () => {
  const start = new EmptyOperator({ taskId: "start" });
  const end = new EmptyOperator({ taskId: "end" });
  for (let i = 0; i < 40; i++) {
    const step = task(`step_${i}`, async (ctx) => {
      await ctx.runtime.sleep(20, ctx.signal);
      return i;
    })();
    start.then(step);
    step.then(end);
  }
});
