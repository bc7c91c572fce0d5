import { loadConfig } from "../src";
import { problems } from "./support/configProblems";

describe("configuration", () => {
  test("defaults: LocalExecutor without Redis, Airflow's numbers, DAGs paused at creation", () => {
    const config = loadConfig({}, "/srv");
    expect(config).toMatchObject({
      dagsFolder: "/srv/dags",
      home: "/srv/.updraft",
      database: { kind: "pglite", dataDir: "/srv/.updraft/db" },
      executor: "LocalExecutor",
      redis: null,
      parallelism: 32,
      workerConcurrency: 16,
      taskHeartbeatTimeoutSeconds: 300,
      dagsArePausedAtCreation: true,
    });
  });

  test("a Redis URL makes BullMQExecutor the default, with the prefix updraft", () => {
    const config = loadConfig({ UPDRAFT_REDIS_URL: "redis://cache:6380/2" }, "/srv");
    expect(config.executor).toBe("BullMQExecutor");
    expect(config.redis).toEqual({ url: "redis://cache:6380/2", prefix: "updraft" });
    expect(
      loadConfig({ UPDRAFT_REDIS_URL: "rediss://h:6379", UPDRAFT_REDIS_PREFIX: "prod" }, "/srv")
        .redis,
    ).toEqual({ url: "rediss://h:6379", prefix: "prod" });
  });

  test.each([
    ["UPDRAFT_EXECUTOR", "LocalExecutor", { executor: "LocalExecutor" }],
    ["UPDRAFT_EXECUTOR", "BullMQExecutor", { executor: "BullMQExecutor" }],
    ["AIRFLOW__CORE__EXECUTOR", "CeleryExecutor", { executor: "BullMQExecutor" }],
    ["UPDRAFT_PARALLELISM", "8", { parallelism: 8 }],
    ["AIRFLOW__CORE__PARALLELISM", "64", { parallelism: 64 }],
    ["UPDRAFT_WORKER_CONCURRENCY", "4", { workerConcurrency: 4 }],
    ["AIRFLOW__CELERY__WORKER_CONCURRENCY", "2", { workerConcurrency: 2 }],
    ["UPDRAFT_TASK_HEARTBEAT_TIMEOUT", "60", { taskHeartbeatTimeoutSeconds: 60 }],
    [
      "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT",
      "120",
      { taskHeartbeatTimeoutSeconds: 120 },
    ],
    ["UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION", "false", { dagsArePausedAtCreation: false }],
    ["AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION", "False", { dagsArePausedAtCreation: false }],
    ["UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION", "TRUE", { dagsArePausedAtCreation: true }],
  ])("%s=%s is accepted", (name, value, expected) => {
    const env = { [name]: value, UPDRAFT_REDIS_URL: "redis://127.0.0.1:6379" };
    expect(loadConfig(env, "/srv")).toMatchObject(expected);
  });

  test("the Airflow broker URL is the Redis twin; UPDRAFT_ variables win over Airflow's", () => {
    const config = loadConfig(
      {
        AIRFLOW__CELERY__BROKER_URL: "redis://airflow:6379",
        AIRFLOW__CORE__PARALLELISM: "10",
        UPDRAFT_PARALLELISM: "3",
        AIRFLOW__CORE__EXECUTOR: "LocalExecutor",
        UPDRAFT_EXECUTOR: "BullMQExecutor",
      },
      "/srv",
    );
    expect(config.redis?.url).toBe("redis://airflow:6379");
    expect(config.parallelism).toBe(3);
    expect(config.executor).toBe("BullMQExecutor");
    expect(
      loadConfig(
        { UPDRAFT_REDIS_URL: "redis://mine:1", AIRFLOW__CELERY__BROKER_URL: "redis://theirs:2" },
        "/srv",
      ).redis?.url,
    ).toBe("redis://mine:1");
  });

  test.each([
    [
      "UPDRAFT_EXECUTOR",
      "KubernetesExecutor",
      'UPDRAFT_EXECUTOR: expected LocalExecutor, BullMQExecutor or CeleryExecutor, got "KubernetesExecutor"',
    ],
    [
      "AIRFLOW__CORE__EXECUTOR",
      "localexecutor",
      'AIRFLOW__CORE__EXECUTOR: expected LocalExecutor, BullMQExecutor or CeleryExecutor, got "localexecutor"',
    ],
    [
      "UPDRAFT_REDIS_URL",
      "http://h:6379",
      'UPDRAFT_REDIS_URL: expected a redis:// or rediss:// URL (redis://host:6379), got "http://h:6379"',
    ],
    [
      "AIRFLOW__CELERY__BROKER_URL",
      "amqp://guest:guest@rabbit//",
      'AIRFLOW__CELERY__BROKER_URL: expected a redis:// or rediss:// URL (redis://host:6379), got "amqp://guest:***@rabbit//"',
    ],
    [
      "UPDRAFT_REDIS_PREFIX",
      "a:b",
      "UPDRAFT_REDIS_PREFIX: expected a non-empty key prefix without ':' or spaces, got \"a:b\"",
    ],
    ["UPDRAFT_PARALLELISM", "0", 'UPDRAFT_PARALLELISM: expected an integer >= 1, got "0"'],
    [
      "AIRFLOW__CORE__PARALLELISM",
      "lots",
      'AIRFLOW__CORE__PARALLELISM: expected an integer >= 1, got "lots"',
    ],
    [
      "UPDRAFT_WORKER_CONCURRENCY",
      "1.5",
      'UPDRAFT_WORKER_CONCURRENCY: expected an integer >= 1, got "1.5"',
    ],
    [
      "AIRFLOW__CELERY__WORKER_CONCURRENCY",
      "-2",
      'AIRFLOW__CELERY__WORKER_CONCURRENCY: expected an integer >= 1, got "-2"',
    ],
    [
      "UPDRAFT_TASK_HEARTBEAT_TIMEOUT",
      "5m",
      'UPDRAFT_TASK_HEARTBEAT_TIMEOUT: expected a whole number of seconds >= 1, got "5m"',
    ],
    [
      "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT",
      "0",
      'AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT: expected a whole number of seconds >= 1, got "0"',
    ],
    [
      "UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION",
      "yes",
      'UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION: expected true or false, got "yes"',
    ],
    [
      "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION",
      "",
      'AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION: expected true or false, got ""',
    ],
  ])("%s=%s is refused with the variable named", (name, value, message) => {
    expect(problems({ UPDRAFT_REDIS_URL: "redis://127.0.0.1:6379", [name]: value })).toEqual([
      message,
    ]);
  });

  test("BullMQExecutor (or CeleryExecutor) without a Redis URL is a config error", () => {
    expect(problems({ UPDRAFT_EXECUTOR: "BullMQExecutor" })).toEqual([
      "UPDRAFT_EXECUTOR: BullMQExecutor needs a Redis URL; set UPDRAFT_REDIS_URL (or AIRFLOW__CELERY__BROKER_URL) to redis://host:6379",
    ]);
    expect(problems({ AIRFLOW__CORE__EXECUTOR: "CeleryExecutor" })[0]).toMatch(
      /^AIRFLOW__CORE__EXECUTOR: CeleryExecutor needs a Redis URL/,
    );
  });

  test("every problem is reported at once, and no password is printed", () => {
    const found = problems({
      UPDRAFT_EXECUTOR: "BullMQExecutor",
      UPDRAFT_REDIS_URL: "http://:hunter2@cache:6379",
      UPDRAFT_PARALLELISM: "0",
      UPDRAFT_DATABASE_URL: "mysql://u:secret@h/db",
    });
    expect(found).toHaveLength(3);
    expect(found.join("\n")).not.toMatch(/hunter2|secret/);
    expect(found).toContain(
      'UPDRAFT_REDIS_URL: expected a redis:// or rediss:// URL (redis://host:6379), got "http://:***@cache:6379"',
    );
  });

  test("alerts: Airflow's base URL and email connection twins, rules parsed, defaults", () => {
    expect(loadConfig({}, "/srv").alerts).toEqual({
      baseUrl: "http://localhost:8080",
      rules: [],
      windowSeconds: 900,
      maxAttempts: 8,
      emailConnId: "smtp_default",
    });
    const config = loadConfig(
      {
        AIRFLOW__API__BASE_URL: "https://airflow.example.com",
        AIRFLOW__EMAIL__EMAIL_CONN_ID: "smtp_ops",
        UPDRAFT_ALERT_WINDOW_SECONDS: "300",
        UPDRAFT_NOTIFICATION_MAX_ATTEMPTS: "3",
        UPDRAFT_ALERT_RULES: JSON.stringify([
          { match: { tags: ["prod"] }, slack: { channel: "#data-alerts" } },
        ]),
      },
      "/srv",
    );
    expect(config.alerts).toMatchObject({
      baseUrl: "https://airflow.example.com",
      emailConnId: "smtp_ops",
      windowSeconds: 300,
      maxAttempts: 3,
    });
    expect(config.alerts.rules).toHaveLength(1);
  });

  test("bad alert settings stop start-up, each named with what was expected", () => {
    const found = problems({
      UPDRAFT_BASE_URL: "localhost:8080",
      UPDRAFT_ALERT_WINDOW_SECONDS: "soon",
      UPDRAFT_ALERT_RULES: JSON.stringify([{ match: { tags: ["prod"] }, slack: { connId: "" } }]),
    });
    expect(found).toHaveLength(3);
    expect(found).toContain(
      'UPDRAFT_BASE_URL: expected an http:// or https:// URL (http://localhost:8080), got "localhost:8080"',
    );
    expect(found.join("\n")).toMatch(/UPDRAFT_ALERT_WINDOW_SECONDS: expected a whole number/);
    expect(found.join("\n")).toMatch(/UPDRAFT_ALERT_RULES\[0\]\.slack\.connId/);
  });
});
