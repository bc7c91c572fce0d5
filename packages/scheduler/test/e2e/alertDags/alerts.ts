// A DAG that alerts the way a production DAG would: email args for on-call (retries included),
// a Slack notifier on the task with its own templated text, and one on the DAG for the run.
// `conf.fail` decides whether the load fails (twice: the first try and its retry).
import { SlackWebhookNotifier } from "@updraft/notify";
import { dag, task } from "@updraft/sdk";

dag(
  {
    dagId: "alerts_flaky",
    schedule: null,
    startDate: "2026-01-01",
    tags: ["prod"],
    onFailure: new SlackWebhookNotifier({ channel: "#runs" }),
    defaultArgs: { email: ["oncall@example.com"], retries: 1, retryDelay: "200ms" },
  },
  () => {
    task(
      "load",
      (ctx) => {
        ctx.log.info("loading rows");
        if (ctx.conf.fail === true) throw new Error("source database unreachable");
        return 1;
      },
      { onFailure: new SlackWebhookNotifier({ text: "Load of run {{ run_id }} failed" }) },
    )();
  },
);
