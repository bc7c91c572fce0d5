// Retries with exponential backoff, an execution timeout, and a task failing for good.
import { dag, task } from "@updraft/sdk";

dag({ dagId: "e2e_retries", startDate: "2026-01-01" }, () => {
  task(
    "flaky",
    (ctx) => {
      if (ctx.tryNumber < 3) throw new Error(`failing try ${ctx.tryNumber} on purpose`);
      return ctx.tryNumber;
    },
    { retries: 3, retryDelay: "1s", retryExponentialBackoff: 2, maxRetryDelay: "10s" },
  )();
});

dag({ dagId: "e2e_timeout", startDate: "2026-01-01" }, () => {
  task(
    "slow",
    async (ctx) => {
      await ctx.runtime.sleep(30_000, ctx.signal);
      return "never";
    },
    { executionTimeout: "300ms", retries: 1, retryDelay: "100ms" },
  )();
});
