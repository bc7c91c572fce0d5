// The alerting example loads as the scheduler loads it; its email args are serialized for the
// scheduler, and its notifiers ask for exactly the destinations the README describes.
import path from "node:path";
import { loadDagBag } from "@updraft/runtime";
import type { CallbackContext, NotificationRequest } from "@updraft/sdk";
import { fakeTaskRun } from "@updraft/sdk/testing";

const bag = loadDagBag(path.join(__dirname, ".."));

async function requestsOf(callbacks: readonly unknown[]): Promise<NotificationRequest[]> {
  const requests: NotificationRequest[] = [];
  const notifications = {
    send: (r: NotificationRequest) => Promise.resolve(void requests.push(r)),
  };
  for (const c of callbacks)
    await (c as { notify(ctx: Partial<CallbackContext>): Promise<void> }).notify({ notifications });
  return requests;
}

describe("example_alerts", () => {
  test("loads without import errors; email args reach every task", () => {
    expect(bag.importErrors).toEqual([]);
    const { serialized } = bag.dags.get("example_alerts")!;
    expect(
      serialized.dag.tasks.map((t) => [t.task_id, t.email, t.email_on_failure, t.email_on_retry]),
    ).toEqual([["load", ["oncall@example.com"], true, true]]);
  });

  test("the load's failure goes to Slack and to the DBA; the run's failure to #data-runs", async () => {
    const dag = bag.dags.get("example_alerts")!.dag;
    expect(await requestsOf(dag.task("load").args.callbacks.failure)).toEqual([
      {
        channel: "slack",
        connId: "slack_default",
        text: "Load for {{ ds }} failed: see the runbook",
      },
      {
        channel: "email",
        connId: "smtp_default",
        to: ["dba@example.com"],
        subject: "sales load failed on {{ ds }}",
      },
    ]);
    expect(await requestsOf(dag.onFailure)).toEqual([
      { channel: "slack", connId: "slack_default", slackChannel: "#data-runs" },
    ]);
  });

  test("the task fails when asked to, with the error the alert quotes", async () => {
    const dag = bag.dags.get("example_alerts")!.dag;
    const ok = fakeTaskRun({ dagId: "example_alerts", params: { fail: false } });
    expect((await ok.run(dag.task("load"))).returnValue).toBe(42);
    const failing = fakeTaskRun({ dagId: "example_alerts", params: { fail: true } });
    await expect(failing.run(dag.task("load"))).rejects.toThrow(
      "the source database refused the connection",
    );
  });
});
