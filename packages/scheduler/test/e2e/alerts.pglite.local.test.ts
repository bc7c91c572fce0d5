// Alerts end to end in the standalone pairing (PGlite + LocalExecutor): a DAG whose task fails
// its try and its retry, run by the real scheduler and worker, alerts by email (task args and a
// global rule) and on Slack (the task's and the DAG's notifiers), delivered by the dispatcher to
// a real SMTP server and a real HTTP server standing in for Slack; the next successful run sends
// the recoveries. While SMTP is down the run is not slowed: its alerts wait in the outbox.
import path from "node:path";
import { LocalExecutor } from "@updraft/executor";
import { NotificationDispatcher, parseAlertRules, routeAlert } from "@updraft/notify";
import { Connection } from "@updraft/sdk";
import { createPgliteClient, listNotifications, migrate, type SqlClient } from "@updraft/store";
import { FakeSlack, type SmtpTestServer, startSmtpTestServer } from "@updraft/testing";
import { createStoreTaskRunner } from "@updraft/worker";
import { Scheduler } from "../../src";
import { eventually, readRun } from "../support/engineHarness";

const rules = parseAlertRules(
  JSON.stringify([{ match: { tags: ["prod"] }, email: ["data-team@example.com"] }]),
);
const route = (input: Parameters<typeof routeAlert>[1]) => routeAlert(rules, input);

let client: SqlClient;
let smtp: SmtpTestServer;
let slack: FakeSlack;
let scheduler: Scheduler;
let local: LocalExecutor;
let dispatcher: NotificationDispatcher;
const connections: Record<string, Connection> = {};

const smtpConnection = (port: number) =>
  new Connection({
    conn_id: "smtp_default",
    conn_type: "smtp",
    host: "127.0.0.1",
    port,
    extra: { disable_ssl: true, disable_tls: true, from_email: "updraft@example.com" },
  });

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
  smtp = await startSmtpTestServer();
  slack = new FakeSlack();
  await slack.start();
  connections.slack_default = new Connection({
    conn_id: "slack_default",
    conn_type: "slackwebhook",
    password: `http://127.0.0.1:${slack.port}/services/T0/B0/token`,
  });
  local = new LocalExecutor({ concurrency: 4 });
  await local.start(
    createStoreTaskRunner({
      client,
      heartbeatIntervalMs: 200,
      alerts: { route, windowSeconds: 600 },
    }),
  );
  scheduler = new Scheduler({
    client,
    executor: local,
    dagsFolder: path.join(__dirname, "alertDags"),
    pausedByDefault: false,
    sweepIntervalMs: 200,
    alerts: { route, windowSeconds: 600 },
  });
  await scheduler.start();
  dispatcher = new NotificationDispatcher({
    client,
    connection: (connId) => Promise.resolve(connections[connId] ?? null),
    baseUrl: "http://localhost:8080",
    retryDelayMs: 100,
    pollIntervalMs: 100,
    sendTimeoutMs: 2000,
  });
  await dispatcher.start();
});
afterAll(async () => {
  await dispatcher.stop();
  await scheduler.stop();
  await local.close({ graceMs: 1000 });
  await slack.stop();
  await smtp.close();
  await client.close();
});

async function runDag(conf: Record<string, unknown>) {
  const { dagRun } = await scheduler.trigger({ dagId: "alerts_flaky", conf, logicalDate: null });
  await eventually(
    async () => {
      const { run } = await readRun(client, "alerts_flaky", dagRun.runId);
      return run.state === "success" || run.state === "failed";
    },
    20_000,
    "the run to finish",
  );
  return readRun(client, "alerts_flaky", dagRun.runId);
}

const subjects = () =>
  smtp.received.map((m) => `${m.envelope.to.join(",")}: ${m.mail.subject}`).sort();
const slackTitles = () =>
  slack.received.map((p) => {
    const body = p.body as { text: string; channel?: string };
    return `${body.channel ?? "(default)"}: ${body.text}`;
  });

test("a failing task alerts on-call and Slack; the run's failure too; the next success recovers", async () => {
  // SMTP is down while the run fails: the run is not held up, its emails wait in the outbox.
  connections.smtp_default = smtpConnection(1);
  const failed = await runDag({ fail: true });
  expect(failed.run.state).toBe("failed");
  expect(failed.states).toEqual({ load: "failed" });
  const runId = failed.run.runId;
  await eventually(async () => slack.received.length === 2, 10_000, "the two Slack posts");
  expect(smtp.received).toHaveLength(0);
  const waiting = await listNotifications(client, { dagId: "alerts_flaky" });
  const emails = waiting.notifications.filter((n) => n.channel === "email");
  expect(emails).toHaveLength(4);
  expect(emails.every((n) => n.state === "pending" || n.state === "sending")).toBe(true);
  // SMTP is back: the next attempts deliver.
  connections.smtp_default = smtpConnection(smtp.port);
  await eventually(async () => smtp.received.length === 4, 10_000, "the four emails");
  expect(subjects()).toEqual([
    `data-team@example.com: [updraft] FAILED alerts_flaky ${runId}`,
    `data-team@example.com: [updraft] FAILED alerts_flaky.load ${runId} (try 2/2)`,
    `oncall@example.com: [updraft] FAILED alerts_flaky.load ${runId} (try 2/2)`,
    `oncall@example.com: [updraft] RETRY alerts_flaky.load ${runId} (try 1/2)`,
  ]);
  const failure = smtp.received.find(
    (m) =>
      m.mail.subject?.startsWith("[updraft] FAILED alerts_flaky.load") &&
      m.envelope.to[0] === "oncall@example.com",
  )!;
  expect(failure.mail.text).toContain("source database unreachable");
  expect(failure.mail.text).toContain("loading rows");
  expect(failure.mail.text).toContain(
    `http://localhost:8080/dags/alerts_flaky/runs/${encodeURIComponent(runId)}/tasks/load?try_number=2`,
  );
  const dagMail = smtp.received.find(
    (m) => m.mail.subject === `[updraft] FAILED alerts_flaky ${runId}`,
  )!;
  expect(dagMail.mail.text).toContain("load: failed");
  expect(slackTitles().sort()).toEqual([
    `#runs: FAILED alerts_flaky ${runId}`,
    `(default): FAILED alerts_flaky.load ${runId} (try 2/2)`,
  ]);
  const taskPost = JSON.stringify(
    slack.received.find((p) => (p.body as { channel?: string }).channel === undefined)?.body,
  );
  expect(taskPost).toContain(`Load of run ${runId} failed`);

  // The next run succeeds: one recovery per destination that was alerted.
  smtp.received.length = 0;
  slack.received.length = 0;
  const ok = await runDag({});
  expect(ok.run.state).toBe("success");
  const okRun = ok.run.runId;
  await eventually(
    async () => smtp.received.length === 3 && slack.received.length === 2,
    10_000,
    "the recoveries",
  );
  expect(subjects()).toEqual([
    `data-team@example.com: [updraft] RECOVERED alerts_flaky ${okRun}`,
    `data-team@example.com: [updraft] RECOVERED alerts_flaky.load ${okRun}`,
    `oncall@example.com: [updraft] RECOVERED alerts_flaky.load ${okRun}`,
  ]);
  expect(slackTitles().sort()).toEqual([
    `#runs: RECOVERED alerts_flaky ${okRun}`,
    `(default): RECOVERED alerts_flaky.load ${okRun}`,
  ]);
});
