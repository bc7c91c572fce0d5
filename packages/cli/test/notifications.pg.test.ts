// `updraft notifications list` over Postgres: the outbox as operators read it.
import { recordAlerts } from "@updraft/notify";
import {
  claimDueNotifications,
  completeNotification,
  createPgClient,
  migrateUrl,
  SCHEMA_KEY,
} from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { cli } from "./support/cli";

let db: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  env = { UPDRAFT_DATABASE_URL: db.url };
  const client = createPgClient({ connectionString: db.url });
  try {
    await recordAlerts(client, {
      facts: {
        event: "failure",
        scope: "task",
        dagId: "sales",
        taskId: "load",
        runId: "r1",
        mapIndex: -1,
        logicalDate: null,
        tryNumber: 2,
        maxTries: 2,
        error: "boom",
        logTail: [],
        durationSeconds: 1,
        url: null,
      },
      requests: [
        { channel: "email", connId: "smtp_default", to: ["oncall@example.com"] },
        { channel: "slack", connId: "slack_default" },
      ],
      windowSeconds: 600,
    });
    const claimed = await claimDueNotifications(client, { limit: 10, leaseSeconds: 30 });
    const email = claimed.find((n) => n.channel === "email")!;
    await completeNotification(client, {
      id: email.id,
      outcome: { sent: false, error: "connect ECONNREFUSED 127.0.0.1:25", retryAt: null },
    });
  } finally {
    await client.close();
  }
});
afterAll(() => db.drop());

type Json = Record<string, string | number | null>;

test("lists the outbox newest first; --state picks the undeliverable ones with their error", async () => {
  const all = await cli(["notifications", "list", "-o", "json"], env);
  expect(all.code).toBe(0);
  const rows = JSON.parse(all.out) as Json[];
  expect(rows.map((r) => [r.channel, r.state, r.to, r.dag_id, r.task_id, r.try_number])).toEqual([
    ["slack", "sending", "(webhook's channel)", "sales", "load", 2],
    ["email", "failed", "oncall@example.com", "sales", "load", 2],
  ]);
  const failed = await cli(["notifications", "list", "--state", "failed", "-o", "json"], env);
  expect(
    (JSON.parse(failed.out) as Json[]).map((r) => [r.event, r.attempts, r.last_error]),
  ).toEqual([["failure", 1, "connect ECONNREFUSED 127.0.0.1:25"]]);
  const table = await cli(["notifications", "list"], env);
  expect(table.out).toMatch(/oncall@example\.com/);
});

test("a wrong --state is refused with the states it accepts", async () => {
  const result = await cli(["notifications", "list", "--state", "lost"], env);
  expect(result.code).toBe(1);
  expect(result.err).toContain(
    '--state: expected one of pending, sending, sent, failed, suppressed, got "lost"',
  );
});
