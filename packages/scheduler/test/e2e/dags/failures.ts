// Long tasks for killing a worker (a bash sleep) and for losing Redis mid-run (a short chain).
import { BashOperator, chain, dag, task } from "@updraft/sdk";

dag({ dagId: "e2e_killed_worker", startDate: "2026-01-01" }, () => {
  new BashOperator({
    taskId: "sleepy",
    bashCommand: 'if [ "{{ ti.try_number }}" = "1" ]; then sleep 60; fi; echo done',
    retries: 1,
    retryDelay: 0,
  });
});

dag({ dagId: "e2e_chain", startDate: "2026-01-01" }, () => {
  const steps = Array.from({ length: 12 }, (_, i) =>
    task(`link_${i}`, async (ctx) => {
      await ctx.runtime.sleep(60, ctx.signal);
      return i;
    })(),
  );
  chain(...steps);
});
