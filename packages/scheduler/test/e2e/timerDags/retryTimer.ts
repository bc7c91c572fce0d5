// The only DAG of the timed wake-up test: no schedule, so nothing but its own tries wakes the
// scheduler.
import { dag, task } from "@updraft/sdk";

dag({ dagId: "e2e_retry_timer", startDate: "2026-01-01" }, () => {
  task(
    "flaky",
    (ctx) => {
      if (ctx.tryNumber < 3) throw new Error(`failing try ${ctx.tryNumber} on purpose`);
      return ctx.tryNumber;
    },
    { retries: 3, retryDelay: "1s", retryExponentialBackoff: 2, maxRetryDelay: "10s" },
  )();
});
