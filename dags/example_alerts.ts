// An example DAG (tagged "example") that alerts the way a production DAG should: on-call by
// email on every failure and retry (task args in defaultArgs), the team's Slack channel when the
// run fails, and a DBA by email when the load itself fails. Delivery needs the connections
// `smtp_default` and `slack_default` (see the README's "Alerts by email and Slack").
import { SlackWebhookNotifier, SmtpNotifier } from "@updraft/notify";
import { dag, task } from "@updraft/sdk";

export default dag(
  {
    dagId: "example_alerts",
    description: "Loads a day of sales; tells on-call, Slack and the DBA when it fails",
    schedule: "@daily",
    startDate: "2026-01-01",
    catchup: false,
    tags: ["example"],
    params: { fail: { type: "boolean", default: false } },
    defaultArgs: { owner: "data-eng", email: ["oncall@example.com"], retries: 2, retryDelay: "5m" },
    onFailure: new SlackWebhookNotifier({ channel: "#data-runs" }),
  },
  () => {
    task(
      "load",
      (ctx) => {
        ctx.log.info(`loading the sales of ${String(ctx.templateContext.ds)}`);
        if (ctx.params.fail === true) throw new Error("the source database refused the connection");
        return 42;
      },
      {
        onFailure: [
          new SlackWebhookNotifier({ text: "Load for {{ ds }} failed: see the runbook" }),
          new SmtpNotifier({ to: "dba@example.com", subject: "sales load failed on {{ ds }}" }),
        ],
      },
    )();
  },
);
