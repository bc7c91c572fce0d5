// The outbox dispatcher against real Postgres, a real SMTP server and a real HTTP server standing
// in for Slack: what arrives for a failure, a retry, a throttled burst (one alert, then one
// summary), a recovery, an SMTP outage (retried with backoff, then delivered), and what is given
// up on (undeliverable after the last attempt; a permanent refusal at once).
import { createServer } from "node:net";
import { Connection, dag, serializeDag, task } from "@updraft/sdk";
import {
  createDagRun,
  createPgClient,
  listNotifications,
  migrateUrl,
  SCHEMA_KEY,
  type SqlClient,
  setTaskInstanceStates,
  startQueuedDagRuns,
  syncDag,
} from "@updraft/store";
import {
  createTestDatabase,
  FakeSlack,
  type SmtpTestServer,
  startSmtpTestServer,
  type TestDatabase,
} from "@updraft/testing";
import type { AlertFacts } from "../src/alertFacts";
import { formatSlack } from "../src/format/slackMessage";
import {
  NotificationDispatcher,
  type NotificationDispatcherOptions,
} from "../src/notificationDispatcher";
import { recordAlerts } from "../src/recordAlerts";

const BASE_URL = "http://updraft.test:8080";
const start = new Date("2026-03-01T10:00:00Z");

let db: TestDatabase;
let client: SqlClient;
let smtp: SmtpTestServer;
let slack: FakeSlack;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  client = createPgClient({ connectionString: db.url });
  smtp = await startSmtpTestServer({ login: "alerts", password: "s3cret" });
  slack = new FakeSlack();
  await slack.start();
});
afterAll(async () => {
  await slack.stop();
  await smtp.close();
  await client.close();
  await db.drop();
});
beforeEach(async () => {
  await client.exec("truncate notification, alert, dag restart identity cascade");
  smtp.received.length = 0;
  slack.received.length = 0;
  slack.reply = (res) => res.end("ok");
});

function smtpConnection(port: number): Connection {
  return new Connection({
    conn_id: "smtp_default",
    conn_type: "smtp",
    host: "127.0.0.1",
    port,
    login: "alerts",
    password: "s3cret",
    extra: { disable_ssl: true, disable_tls: true, from_email: "updraft@example.com" },
  });
}

const slackConnection = (): Connection =>
  new Connection({
    conn_id: "slack_default",
    conn_type: "slackwebhook",
    host: `http://127.0.0.1:${slack.port}/services`,
    password: "T0/B0/secret-token",
  });

/** A dispatcher with a hand-moved clock and connections from a map. */
function dispatcher(
  connections: Record<string, Connection>,
  options: Partial<NotificationDispatcherOptions> = {},
) {
  const clock = { now: start };
  const errors: string[] = [];
  const d = new NotificationDispatcher({
    client,
    connection: (connId) => Promise.resolve(connections[connId] ?? null),
    baseUrl: BASE_URL,
    windowSeconds: 600,
    retryDelayMs: 5000,
    sendTimeoutMs: 3000,
    clock: () => clock.now,
    logger: {
      info: () => {},
      warn: () => {},
      error: (m, f) => errors.push(`${m} ${JSON.stringify(f)}`),
    },
    ...options,
  });
  const advance = (seconds: number) => (clock.now = new Date(clock.now.getTime() + seconds * 1000));
  return { d, clock, advance, errors };
}

const failure = (overrides: Partial<AlertFacts> = {}): AlertFacts => ({
  event: "failure",
  scope: "task",
  dagId: "sales",
  taskId: "load",
  runId: "manual__2026-03-01T09:00:00+00:00",
  mapIndex: -1,
  logicalDate: "2026-03-01T09:00:00.000Z",
  tryNumber: 2,
  maxTries: 2,
  error: "Error: connection reset by peer",
  logTail: ["loading 120 rows", "Error: connection reset by peer"],
  durationSeconds: 3.5,
  url: null,
  ...overrides,
});

const both = [
  { channel: "email" as const, connId: "smtp_default", to: ["oncall@example.com"] },
  { channel: "slack" as const, connId: "slack_default", slackChannel: "#data-alerts" },
];

async function record(facts: AlertFacts, now: Date, requests = both) {
  return recordAlerts(client, { facts, requests, windowSeconds: 600, now });
}

/** A free TCP port on 127.0.0.1 (nothing listens on it once this resolves). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test("a failure arrives by email and on Slack, with the facts and a link to the try's log", async () => {
  const { d } = dispatcher({
    smtp_default: smtpConnection(smtp.port),
    slack_default: slackConnection(),
  });
  await record(failure(), start);
  expect(await d.runOnce()).toEqual({
    recovered: 0,
    summarized: 0,
    sent: 2,
    retried: 0,
    failed: 0,
  });
  const url = `${BASE_URL}/dags/sales/runs/manual__2026-03-01T09%3A00%3A00%2B00%3A00/tasks/load?try_number=2`;
  expect(smtp.received).toHaveLength(1);
  const mail = smtp.received[0]!;
  expect(mail.envelope.to).toEqual(["oncall@example.com"]);
  expect(mail.mail.from?.text).toBe("updraft@example.com");
  expect(mail.mail.subject).toBe(
    "[updraft] FAILED sales.load manual__2026-03-01T09:00:00+00:00 (try 2/2)",
  );
  for (const part of [
    "DAG:          sales",
    "Task:         load",
    "Try:          2 of 2",
    "Duration:     3.5 s",
    "Error: connection reset by peer",
    "loading 120 rows",
    `View log: ${url}`,
  ])
    expect(mail.mail.text).toContain(part);
  expect(mail.mail.html).toContain(url.replace(/&/g, "&amp;"));
  expect(slack.received).toHaveLength(1);
  expect(slack.received[0]?.url).toBe("/services/T0/B0/secret-token");
  expect(slack.received[0]?.body).toEqual(formatSlack({ ...failure(), url }, "#data-alerts"));
  const { notifications } = await listNotifications(client);
  expect(notifications.map((n) => [n.channel, n.state, n.attempts])).toEqual([
    ["slack", "sent", 1],
    ["email", "sent", 1],
  ]);
});

test("a retry and then the failure are two messages: RETRY try 1/2, FAILED try 2/2", async () => {
  const { d } = dispatcher({ smtp_default: smtpConnection(smtp.port) });
  const email = [both[0]!];
  await record(failure({ event: "retry", tryNumber: 1 }), start, email);
  await record(failure(), start, email);
  await d.runOnce();
  expect(smtp.received.map((m) => m.mail.subject).sort()).toEqual([
    "[updraft] FAILED sales.load manual__2026-03-01T09:00:00+00:00 (try 2/2)",
    "[updraft] RETRY sales.load manual__2026-03-01T09:00:00+00:00 (try 1/2)",
  ]);
});

test("a task failing every minute alerts once, then sends one summary per window, then a recovery", async () => {
  const { d, clock, advance } = dispatcher({ smtp_default: smtpConnection(smtp.port) });
  const email = [both[0]!];
  // Ten failing runs, one a minute: the first alerts, the other nine are held back.
  for (let i = 0; i < 10; i++) {
    await record(failure({ runId: `run_${i}` }), clock.now, email);
    await d.runOnce();
    advance(60);
  }
  expect(smtp.received.map((m) => m.mail.subject)).toEqual([
    "[updraft] FAILED sales.load run_0 (try 2/2)",
  ]);
  const held = await listNotifications(client, { state: "suppressed" });
  expect(held.totalEntries).toBe(9);
  // The window (10 min from the first alert) ends: one summary of the nine.
  advance(1);
  expect((await d.runOnce()).summarized).toBe(1);
  expect(smtp.received.map((m) => m.mail.subject)).toEqual([
    "[updraft] FAILED sales.load run_0 (try 2/2)",
    "[updraft] FAILED sales.load: 9 more failures since 2026-03-01T10:00:00.000Z",
  ]);
  expect(smtp.received[1]?.mail.text).toContain("run_9");
  // The task succeeds in a later run: one recovery, to the destination that was alerted.
  const serialized = serializeDag(
    dag({ dagId: "sales", schedule: null, startDate: "2026-01-01" }, () => {
      task("load", () => undefined)();
    }),
  );
  await syncDag(client, { dag: serialized, fileloc: "/dags/sales.ts", pausedByDefault: false });
  const { dagRun } = await createDagRun(client, {
    dag: serialized,
    runId: "run_10",
    runType: "manual",
    logicalDate: clock.now,
    dataIntervalStart: clock.now,
    dataIntervalEnd: clock.now,
    runAfter: clock.now,
  });
  await startQueuedDagRuns(client, { ids: [dagRun.id] });
  advance(30);
  await setTaskInstanceStates(client, {
    changes: [
      {
        dagId: "sales",
        runId: "run_10",
        taskId: "load",
        mapIndex: -1,
        expectedState: null,
        state: "success",
      },
    ],
    now: clock.now,
  });
  advance(1);
  expect((await d.runOnce()).recovered).toBe(1);
  expect(smtp.received.map((m) => m.mail.subject).at(-1)).toBe(
    "[updraft] RECOVERED sales.load run_10",
  );
  expect((await d.runOnce()).recovered).toBe(0);
  // After the recovery, the next failure alerts at once again.
  advance(60);
  await record(failure({ runId: "run_11" }), clock.now, email);
  await d.runOnce();
  expect(smtp.received.map((m) => m.mail.subject).at(-1)).toBe(
    "[updraft] FAILED sales.load run_11 (try 2/2)",
  );
});

test("SMTP down: the alert is retried with backoff and delivered once the server is back", async () => {
  const port = await freePort();
  const { d, advance } = dispatcher({ smtp_default: smtpConnection(port) });
  await record(failure(), start, [both[0]!]);
  expect(await d.runOnce()).toMatchObject({ sent: 0, retried: 1 });
  let [n] = (await listNotifications(client)).notifications;
  expect(n).toMatchObject({ state: "pending", attempts: 1 });
  expect(n?.lastError).toMatch(/smtp_default/);
  expect(n?.lastError).not.toContain("s3cret");
  expect(n?.nextAttemptAt).toEqual(new Date(start.getTime() + 5000));
  // Not due before the delay; the second failure doubles it.
  advance(4);
  expect(await d.runOnce()).toMatchObject({ sent: 0, retried: 0 });
  advance(1);
  expect(await d.runOnce()).toMatchObject({ retried: 1 });
  [n] = (await listNotifications(client)).notifications;
  expect(n?.nextAttemptAt).toEqual(new Date(start.getTime() + 5000 + 10_000));
  // The server comes back on the same port.
  const back = await startSmtpTestServer({ login: "alerts", password: "s3cret", port });
  try {
    advance(10);
    expect(await d.runOnce()).toMatchObject({ sent: 1 });
    expect(back.received.map((m) => m.mail.subject)).toEqual([
      "[updraft] FAILED sales.load manual__2026-03-01T09:00:00+00:00 (try 2/2)",
    ]);
    [n] = (await listNotifications(client)).notifications;
    expect(n).toMatchObject({ state: "sent", attempts: 3, lastError: null });
  } finally {
    await back.close();
  }
});

test("after the last attempt a notification is failed, logged and listed; a 404 from Slack at once", async () => {
  const port = await freePort();
  const { d, advance, errors } = dispatcher(
    { smtp_default: smtpConnection(port), slack_default: slackConnection() },
    { maxAttempts: 2 },
  );
  slack.reply = (res) => {
    res.statusCode = 404;
    res.end("no_service");
  };
  await record(failure(), start);
  expect(await d.runOnce()).toMatchObject({ retried: 1, failed: 1 });
  advance(5);
  expect(await d.runOnce()).toMatchObject({ retried: 0, failed: 1 });
  const failed = await listNotifications(client, { state: "failed" });
  expect(failed.notifications.map((n) => [n.channel, n.attempts])).toEqual([
    ["slack", 1],
    ["email", 2],
  ]);
  expect(failed.notifications.find((n) => n.channel === "slack")?.lastError).toMatch(/404/);
  expect(failed.notifications.map((n) => n.lastError).join(" ")).not.toMatch(/secret-token|s3cret/);
  expect(errors.filter((e) => e.startsWith("notification undeliverable"))).toHaveLength(2);
  advance(60);
  expect(await d.runOnce()).toMatchObject({ sent: 0, retried: 0, failed: 0 });
});

test("a connection that does not exist is retried (it may be added), then found", async () => {
  const connections: Record<string, Connection> = {};
  const { d, advance } = dispatcher(connections);
  await record(failure(), start, [both[0]!]);
  expect(await d.runOnce()).toMatchObject({ retried: 1 });
  expect((await listNotifications(client)).notifications[0]?.lastError).toMatch(
    /smtp_default.*no such connection/,
  );
  connections.smtp_default = smtpConnection(smtp.port);
  advance(5);
  expect(await d.runOnce()).toMatchObject({ sent: 1 });
});

test("started, it delivers a recorded notification at once, woken by the database", async () => {
  const { d } = dispatcher(
    { smtp_default: smtpConnection(smtp.port) },
    { clock: () => new Date(), pollIntervalMs: 60_000 },
  );
  await d.start();
  try {
    await record(failure(), new Date(), [both[0]!]);
    const deadline = Date.now() + 5000;
    while (smtp.received.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(smtp.received).toHaveLength(1);
  } finally {
    await d.stop();
  }
});
