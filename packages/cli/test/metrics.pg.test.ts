// /metrics from real processes started through the CLI's own commands: a scheduler and a worker
// on Postgres + Redis (JSON logs) run a succeeding and a failing DAG, whose failure alerts on a
// real HTTP server standing in for Slack; the api-server serves /metrics without a token only
// when enabled; standalone serves its scheduler's and executor's metrics on the API port.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateUrl, SCHEMA_KEY } from "@updraft/store";
import {
  createTestDatabase,
  FakeSlack,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from "@updraft/testing";
import { CLI_DAGS, cli, startCli } from "./support/cli";
import { sampleNames, sampleValue } from "./support/prometheusText";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
});
afterAll(() => db.drop());

const scrape = async (url: string): Promise<string> => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
};

/** The `url` field of a JSON log line (the metrics listener's). */
const urlOf = (line: string): string => (JSON.parse(line) as { url: string }).url;

describe("updraft scheduler + updraft worker with UPDRAFT_METRICS_ENABLED", () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = new FakeSlack();
    await slack.start();
  });
  afterAll(() => slack.stop());

  test("count runs, tries, alerts and loop passes, and report an empty queue", async () => {
    const env = {
      UPDRAFT_DATABASE_URL: db.url,
      UPDRAFT_REDIS_URL: testRedisUrl(),
      UPDRAFT_REDIS_PREFIX: testRedisPrefix(),
      UPDRAFT_DAGS_FOLDER: CLI_DAGS,
      UPDRAFT_METRICS_ENABLED: "true",
      UPDRAFT_METRICS_HOST: "127.0.0.1",
      UPDRAFT_METRICS_PORT: "0",
      UPDRAFT_LOG_FORMAT: "json",
      UPDRAFT_ALERT_RULES: JSON.stringify([
        { match: { dagIds: ["cli_fails"], scope: "task" }, slack: { connId: "slack_default" } },
      ]),
      AIRFLOW_CONN_SLACK_DEFAULT: JSON.stringify({
        conn_type: "slackwebhook",
        password: `http://127.0.0.1:${slack.port}/services/T0/B0/token`,
      }),
    };
    const scheduler = startCli(["scheduler"], env);
    const worker = startCli(["worker", "--concurrency", "4"], env);
    let schedulerMetrics = "";
    let workerMetrics = "";
    try {
      const schedulerUrl = urlOf(await scheduler.waitFor(/"msg":"metrics listening"/));
      const workerUrl = urlOf(await worker.waitFor(/"msg":"metrics listening"/));
      await scheduler.waitFor(/"msg":"scheduler started"/);
      await worker.waitFor(/"msg":"worker started"/);
      for (const dagId of ["cli_ok", "cli_fails"]) {
        expect((await cli(["dags", "unpause", dagId], env)).code).toBe(0);
        expect((await cli(["dags", "trigger", dagId, "-r", "manual__metrics"], env)).code).toBe(0);
      }
      await scheduler.waitFor(/"dag_id":"cli_ok".*"msg":"dag run success"/);
      await scheduler.waitFor(/"dag_id":"cli_fails".*"msg":"dag run failed"/);
      await scheduler.waitFor(/"dag_id":"cli_fails".*"msg":"notification sent"/);
      schedulerMetrics = await scrape(schedulerUrl);
      workerMetrics = await scrape(workerUrl);
    } finally {
      expect(await worker.stop()).toBe(0);
      expect(await scheduler.stop()).toBe(0);
    }

    const s = (name: string, labels?: Record<string, string>) =>
      sampleValue(schedulerMetrics, name, labels);
    expect(s("updraft_dag_run_finished_total", { dag_id: "cli_ok", state: "success" })).toBe(1);
    expect(s("updraft_dag_run_finished_total", { dag_id: "cli_fails", state: "failed" })).toBe(1);
    expect(
      s("updraft_dag_run_duration_seconds_count", { dag_id: "cli_ok", state: "success" }),
    ).toBe(1);
    expect(s("updraft_scheduler_loop_duration_seconds_count")).toBeGreaterThan(0);
    expect(s("updraft_alerts_sent_total", { channel: "slack", outcome: "sent" })).toBe(1);
    expect(s("updraft_executor_queued_tasks")).toBe(0);
    expect(s("updraft_queue_depth", { queue: "default" })).toBe(0);
    expect(sampleNames(schedulerMetrics).has("updraft_process_cpu_seconds_total")).toBe(true);
    // The tries ran in the worker: the scheduler's process counts none.
    expect(sampleNames(schedulerMetrics).has("updraft_task_instance_finished_total")).toBe(false);
    expect(slack.received).toHaveLength(1);

    const w = (labels: Record<string, string>) =>
      sampleValue(workerMetrics, "updraft_task_instance_finished_total", labels);
    for (const taskId of ["hello", "shout", "end"])
      expect(w({ dag_id: "cli_ok", task_id: taskId, state: "success" })).toBe(1);
    expect(w({ dag_id: "cli_fails", task_id: "boom", state: "failed" })).toBe(1);
    expect(
      sampleValue(workerMetrics, "updraft_task_instance_duration_seconds_count", {
        dag_id: "cli_ok",
        state: "success",
      }),
    ).toBe(3);
  }, 60_000);

  test("the worker's JSON log lines carry the try's ids", async () => {
    const env = {
      UPDRAFT_DATABASE_URL: db.url,
      UPDRAFT_REDIS_URL: testRedisUrl(),
      UPDRAFT_REDIS_PREFIX: testRedisPrefix(),
      UPDRAFT_DAGS_FOLDER: CLI_DAGS,
      UPDRAFT_LOG_FORMAT: "json",
    };
    const scheduler = startCli(["scheduler"], env);
    const worker = startCli(["worker"], env);
    let line: string;
    try {
      await scheduler.waitFor(/"msg":"scheduler started"/);
      await worker.waitFor(/"msg":"worker started"/);
      expect((await cli(["dags", "trigger", "cli_ok", "-r", "manual__json_logs"], env)).code).toBe(
        0,
      );
      line = await worker.waitFor(/"task_id":"end".*"msg":"task success"/);
      // Metrics are off: no listener was started.
      expect(worker.lines.some((l) => l.includes("metrics listening"))).toBe(false);
    } finally {
      expect(await worker.stop()).toBe(0);
      expect(await scheduler.stop()).toBe(0);
    }
    expect(JSON.parse(line)).toMatchObject({
      level: "info",
      dag_id: "cli_ok",
      run_id: "manual__json_logs",
      task_id: "end",
      try_number: 1,
    });
  }, 60_000);
});

describe("updraft scheduler's queue depth", () => {
  test("tries enqueued with no worker to take them show per queue and in total", async () => {
    const env = {
      UPDRAFT_DATABASE_URL: db.url,
      UPDRAFT_REDIS_URL: testRedisUrl(),
      UPDRAFT_REDIS_PREFIX: testRedisPrefix(),
      UPDRAFT_DAGS_FOLDER: CLI_DAGS,
      UPDRAFT_METRICS_ENABLED: "true",
      UPDRAFT_METRICS_HOST: "127.0.0.1",
      UPDRAFT_METRICS_PORT: "0",
    };
    const scheduler = startCli(["scheduler"], env);
    try {
      const url = /url=(\S+)/.exec(await scheduler.waitFor(/metrics listening/))![1]!;
      await scheduler.waitFor(/scheduler started/);
      expect(sampleValue(await scrape(url), "updraft_executor_queued_tasks")).toBe(0);
      expect((await cli(["dags", "unpause", "cli_params"], env)).code).toBe(0);
      expect((await cli(["dags", "trigger", "cli_params", "-r", "manual__depth"], env)).code).toBe(
        0,
      );
      // The trigger wakes the scheduler, which enqueues the run's one task; nothing consumes it.
      const deadline = Date.now() + 20_000;
      let text = await scrape(url);
      while (sampleValue(text, "updraft_executor_queued_tasks") !== 1 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        text = await scrape(url);
      }
      expect(sampleValue(text, "updraft_executor_queued_tasks")).toBe(1);
      expect(sampleValue(text, "updraft_queue_depth", { queue: "default" })).toBe(1);
    } finally {
      expect(await scheduler.stop()).toBe(0);
    }
  }, 60_000);
});

describe("updraft api-server /metrics", () => {
  const env = {
    UPDRAFT_DATABASE_URL: db?.url ?? "",
    UPDRAFT_API_SECRET_KEY: "a-secret-of-at-least-thirty-two-characters!",
    UPDRAFT_API_HOST: "127.0.0.1",
    UPDRAFT_API_PORT: "0",
  };
  const apiUrl = async (server: ReturnType<typeof startCli>): Promise<string> =>
    /url=(\S+)\/api\/v2/.exec(await server.waitFor(/api server listening/))![1]!;

  test("is served without a token when enabled, while the API still asks for one", async () => {
    const server = startCli(["api-server"], {
      ...env,
      UPDRAFT_DATABASE_URL: db.url,
      UPDRAFT_METRICS_ENABLED: "true",
    });
    try {
      const line = await server.waitFor(/api server listening/);
      const url = await apiUrl(server);
      expect(line).toContain(`metrics=${url}/metrics`);
      const text = await scrape(`${url}/metrics`);
      expect(sampleNames(text).has("updraft_nodejs_eventloop_lag_seconds")).toBe(true);
      expect((await fetch(`${url}/api/v2/dags`)).status).toBe(401);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  test("is not served when metrics are off", async () => {
    const server = startCli(["api-server"], { ...env, UPDRAFT_DATABASE_URL: db.url });
    try {
      const response = await fetch(`${await apiUrl(server)}/metrics`);
      // Whatever the app answers (401, 404, or the UI's index.html when built), no samples.
      expect(String(response.headers.get("content-type"))).not.toMatch(/version=0\.0\.4/);
      expect(await response.text()).not.toMatch(/^# TYPE updraft_/m);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe("updraft standalone /metrics", () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), "updraft-metrics-"));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test("the API port serves the in-process scheduler's and executor's metrics", async () => {
    const standalone = startCli(["standalone"], {
      UPDRAFT_HOME: home,
      UPDRAFT_DAGS_FOLDER: CLI_DAGS,
      UPDRAFT_API_HOST: "127.0.0.1",
      UPDRAFT_API_PORT: "0",
      UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION: "false",
      UPDRAFT_METRICS_ENABLED: "true",
    });
    let text: string;
    try {
      const url = /standalone \| API on (\S+)\/api\/v2/.exec(
        await standalone.waitFor(/standalone \| API on /),
      )![1]!;
      await standalone.waitFor(/standalone \| scheduler running/);
      await standalone.waitFor(/dag run success .*dag_id=cli_once/, 30_000);
      text = await scrape(`${url}/metrics`);
    } finally {
      expect(await standalone.stop()).toBe(0);
    }
    expect(
      sampleValue(text, "updraft_dag_run_finished_total", {
        dag_id: "cli_once",
        state: "success",
      }),
    ).toBe(1);
    expect(
      sampleValue(text, "updraft_task_instance_finished_total", {
        dag_id: "cli_once",
        task_id: "once",
        state: "success",
      }),
    ).toBe(1);
    expect(sampleValue(text, "updraft_executor_queued_tasks")).toBe(0);
  }, 60_000);
});
