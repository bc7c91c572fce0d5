// The queue-depth metric the AWS stack scales workers on, as the scheduler writes it: CloudWatch
// Embedded Metric Format records on stdout with the names infra/src/queueDepthMetric.ts expects
// (namespace Updraft, QueueDepth, dimensions Prefix and Queue), one per queue, zeros included.
import { migrateUrl, SCHEMA_KEY } from "@updraft/store";
import {
  createTestDatabase,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from "@updraft/testing";
import { publishQueueDepthEmf, queueDepthEmfLine } from "../src/observability/queueDepthEmf";
import { CLI_DAGS, startCli } from "./support/cli";

interface EmfRecord {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: unknown[] }[];
  };
  Prefix: string;
  Queue: string;
  QueueDepth: number;
}

test("a record names the namespace, metric and dimensions the stack scales on", () => {
  const at = new Date("2026-12-02T10:00:00Z");
  expect(JSON.parse(queueDepthEmfLine("updraft", "etl", 7, at))).toEqual({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: "Updraft",
          Dimensions: [["Prefix", "Queue"]],
          Metrics: [{ Name: "QueueDepth", Unit: "Count" }],
        },
      ],
    },
    Prefix: "updraft",
    Queue: "etl",
    QueueDepth: 7,
  });
});

test("one record per queue at once, zeros too; one heap counts as the default queue", async () => {
  const lines: string[] = [];
  const stop = publishQueueDepthEmf({
    read: () =>
      Promise.resolve({
        total: 3,
        perQueue: new Map([
          ["default", 3],
          ["etl", 0],
        ]),
      }),
    prefix: "p1",
    out: (line) => lines.push(line),
    onError: (error) => {
      throw error;
    },
  });
  stop();
  await new Promise((resolve) => setImmediate(resolve));
  expect(lines.map((l) => JSON.parse(l) as EmfRecord).map((r) => [r.Queue, r.QueueDepth])).toEqual([
    ["default", 3],
    ["etl", 0],
  ]);

  const local: string[] = [];
  publishQueueDepthEmf({
    read: () => Promise.resolve({ total: 2, perQueue: new Map() }),
    prefix: "p1",
    out: (line) => local.push(line),
    onError: () => undefined,
  })();
  await new Promise((resolve) => setImmediate(resolve));
  expect((JSON.parse(local[0]!) as EmfRecord).Queue).toBe("default");
});

test("a failed read is reported, not thrown", async () => {
  const errors: unknown[] = [];
  publishQueueDepthEmf({
    read: () => Promise.reject(new Error("redis down")),
    prefix: "p1",
    out: () => undefined,
    onError: (error) => errors.push(error),
  })();
  await new Promise((resolve) => setImmediate(resolve));
  expect(String(errors[0])).toContain("redis down");
});

describe("updraft scheduler with UPDRAFT_CLOUDWATCH_EMF=true", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  });
  afterAll(() => db.drop());

  test("writes the default queue's depth from BullMQ under its Redis prefix", async () => {
    const prefix = testRedisPrefix();
    const scheduler = startCli(["scheduler"], {
      UPDRAFT_DATABASE_URL: db.url,
      UPDRAFT_REDIS_URL: testRedisUrl(),
      UPDRAFT_REDIS_PREFIX: prefix,
      UPDRAFT_DAGS_FOLDER: CLI_DAGS,
      UPDRAFT_CLOUDWATCH_EMF: "true",
    });
    try {
      const line = await scheduler.waitFor(/"_aws"/);
      const record = JSON.parse(line) as EmfRecord;
      expect(record).toMatchObject({ Prefix: prefix, Queue: "default", QueueDepth: 0 });
    } finally {
      expect(await scheduler.stop()).toBe(0);
    }
  }, 60_000);
});
