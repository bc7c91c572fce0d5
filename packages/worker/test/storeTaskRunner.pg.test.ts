// The store-backed TaskRunner against a real Postgres: each test brings task instances of a
// fresh run of the fixture DAG to `queued`, delivers a job, and checks what the store holds.
import path from "node:path";
import { nextRetryDatetime } from "@updraft/engine";
import type { TaskOutcome } from "@updraft/executor";
import {
  createConnection,
  createPgClient,
  getTaskInstance,
  listNotifications,
  migrateUrl,
  SCHEMA_KEY,
  pullXcoms,
  setTaskInstanceStates,
  setVariable,
  type SqlClient,
  type TaskInstanceRow,
} from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { createDagFileLoader } from "@updraft/runtime";
import { createStoreTaskRunner, type StoreTaskRunnerOptions, type TaskFinishedEvent } from "../src";
import { createStoreTaskInstance } from "../src/storeTaskInstance";
import {
  DAGS_FOLDER,
  historyStates,
  jobOf,
  logLines,
  queueTry,
  runningRun,
  syncFixtureDags,
  tryStates,
  waitUntil,
} from "./support/workerKit";

let db: TestDatabase;
let client: SqlClient;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  client = createPgClient({ connectionString: db.url });
  await syncFixtureDags(client);
  await createConnection(client, {
    connId: "warehouse",
    connType: "postgres",
    host: "db.internal",
    login: "loader",
    password: "s3cr3t-pass",
  });
  await setVariable(client, { key: "api_token", value: "tok-abcdef123" });
  await setVariable(client, { key: "x", value: "hello" });
});
afterAll(async () => {
  await client.close();
  await db.drop();
});

const runner = (options: Partial<StoreTaskRunnerOptions> = {}) =>
  createStoreTaskRunner({ client, hostname: "test-host", env: {}, ...options });
const live = () => new AbortController().signal;

async function current(ti: TaskInstanceRow): Promise<TaskInstanceRow> {
  const row = await getTaskInstance(client, ti);
  if (row === null) throw new Error("task instance vanished");
  return row;
}

async function returnValue(ti: TaskInstanceRow): Promise<unknown> {
  const [xcom] = await pullXcoms(client, {
    dagId: ti.dagId,
    runId: ti.runId,
    taskIds: [ti.taskId],
    mapIndexes: [ti.mapIndex],
  });
  return xcom?.value;
}

test("success stores the return value as XCom return_value and one try", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "produce");
  const events: TaskFinishedEvent[] = [];
  const outcome = await runner({ onFinished: (e) => events.push(e) })(jobOf(ti), live());
  expect(outcome).toEqual({ kind: "ran", state: "success" });
  const row = await current(ti);
  expect(row).toMatchObject({ state: "success", hostname: "test-host", pid: process.pid });
  expect(row.endDate).not.toBeNull();
  expect(await returnValue(ti)).toEqual({ n: 21 });
  expect(await tryStates(client, ti)).toEqual(["success"]);
  expect(events).toEqual([
    {
      key: { dagId: ti.dagId, runId: ti.runId, taskId: "produce", mapIndex: -1 },
      tryNumber: 1,
      outcome,
    },
  ]);
  const lines = await logLines(client, ti);
  expect(lines[0]?.message).toBe(
    "Executing <Task(@task): produce> on 2026-03-04 05:00:00+00:00, try 1/1",
  );
  expect(lines.at(-1)?.message).toMatch(/^Marking task as SUCCESS\. dag_id=worker_basics/);
});

test("XCom from upstream is pulled by a TaskFlow task", async () => {
  const run = await runningRun(client);
  const run1 = runner();
  await run1(jobOf(await queueTry(client, run, "produce")), live());
  const consume = await queueTry(client, run, "consume");
  expect(await run1(jobOf(consume), live())).toEqual({ kind: "ran", state: "success" });
  expect(await returnValue(consume)).toBe(42);
});

test("a BashOperator's output lines land in task_log with a password masked", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "echo_secret");
  expect(await runner()(jobOf(ti), live())).toEqual({ kind: "ran", state: "success" });
  const lines = await logLines(client, ti);
  const messages = lines.map((l) => l.message);
  expect(messages).toContain("connecting as loader with ***");
  expect(lines).toContainEqual({ level: "warning", message: "token ***" });
  expect(messages).toContain("done");
  expect(messages.join("\n")).not.toMatch(/s3cr3t-pass|tok-abcdef123/);
  expect(await returnValue(ti)).toBe("done");
});

test("AIRFLOW_CONN_ and AIRFLOW_VAR_ env values win over the store and are masked", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "echo_secret");
  const env = {
    AIRFLOW_CONN_WAREHOUSE: "postgresql://env%20user:env-pa%3Ass@db.example.com:5432/dw",
    AIRFLOW_VAR_API_TOKEN: "env-token-999",
  };
  expect(await runner({ env })(jobOf(ti), live())).toMatchObject({ state: "success" });
  const messages = (await logLines(client, ti)).map((l) => l.message);
  expect(messages).toContain("connecting as env user with ***");
  expect(messages).toContain("token ***");
  expect(messages.join("\n")).not.toMatch(/env-pa|env-token-999/);
});

test("a duplicate delivery of the same try is dropped and changes nothing", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "produce");
  const run1 = runner();
  // Two deliveries at once: exactly one runs.
  const outcomes = await Promise.all([run1(jobOf(ti), live()), run1(jobOf(ti), live())]);
  expect(outcomes.map((o) => o.kind).sort()).toEqual(["dropped", "ran"]);
  const before = await current(ti);
  const logCount = (await logLines(client, ti)).length;
  // A late re-delivery after the try finished.
  const late = await run1(jobOf(ti), live());
  expect(late).toMatchObject({ kind: "dropped" });
  expect(await current(ti)).toEqual(before);
  expect(await tryStates(client, ti)).toEqual(["success"]);
  expect(await logLines(client, ti)).toHaveLength(logCount);
});

test("a failing task with retries=2 becomes up_for_retry with next_retry_at = the engine formula, and failed on the last try", async () => {
  const run = await runningRun(client);
  const run1 = runner();
  const states: string[] = [];
  for (let tryNumber = 1; tryNumber <= 3; tryNumber++) {
    const ti = await queueTry(client, run, "flaky");
    expect(ti.tryNumber).toBe(tryNumber);
    const outcome = (await run1(jobOf(ti), live())) as Extract<TaskOutcome, { kind: "ran" }>;
    states.push(outcome.state);
    const row = await current(ti);
    expect(row.state).toBe(outcome.state);
    if (outcome.state === "up_for_retry") {
      const expected = nextRetryDatetime(row.endDate!, {
        retryDelayMs: 10_000,
        retryExponentialBackoff: 2,
        maxRetryDelayMs: null,
        tryNumber,
        dagId: "worker_basics",
        taskId: "flaky",
        logicalDate: run.logicalDate,
      });
      expect(row.nextRetryAt).toEqual(expected);
      // 10 s * 2^(try-1) plus a jitter below that.
      const delay = expected.getTime() - row.endDate!.getTime();
      expect(delay).toBeGreaterThanOrEqual(10_000 * 2 ** (tryNumber - 1));
      expect(delay).toBeLessThan(2 * 10_000 * 2 ** (tryNumber - 1));
    }
    const messages = (await logLines(client, ti)).map((l) => l.message);
    expect(messages).toContain("Task failed with exception: Error: the warehouse is down");
    expect(messages.some((m) => m.includes("at ") && m.includes("the warehouse is down"))).toBe(
      true,
    );
    if (tryNumber < 3)
      expect(messages).toContain("Error in on_retry_callback: Error: retry callback exploded");
  }
  expect(states).toEqual(["up_for_retry", "up_for_retry", "failed"]);
});

test("AirflowSkipException marks the task skipped", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "skipper");
  expect(await runner()(jobOf(ti), live())).toEqual({ kind: "ran", state: "skipped" });
  expect((await current(ti)).state).toBe("skipped");
  expect(await tryStates(client, ti)).toEqual(["skipped"]);
});

test("executionTimeout of 200 ms on a task that sleeps 10 s ends as up_for_retry/failed within ~1 s", async () => {
  const run = await runningRun(client);
  const run1 = runner();
  // A bash `sleep 10` (killed through the signal), with a retry left.
  const bash = await queueTry(client, run, "slow_bash");
  let started = Date.now();
  expect(await run1(jobOf(bash), live())).toEqual({ kind: "ran", state: "up_for_retry" });
  expect(Date.now() - started).toBeLessThan(1500);
  const messages = (await logLines(client, bash)).map((l) => l.message);
  expect(messages.some((m) => m.startsWith("Task failed with exception: AirflowTaskTimeout"))).toBe(
    true,
  );
  // A task that ignores its signal, no retries: the race still ends the try.
  const stubborn = await queueTry(client, run, "stubborn");
  started = Date.now();
  expect(await run1(jobOf(stubborn), live())).toEqual({ kind: "ran", state: "failed" });
  expect(Date.now() - started).toBeLessThan(1500);
  expect(await returnValue(stubborn)).toBeUndefined();
});

/** What the scheduler's expansion would do: map indexes 0..2 of `double` beside its -1 placeholder. */
async function expandDouble(run: { dagId: string; runId: string }): Promise<void> {
  await client.query(
    `insert into task_instance (dag_id, run_id, task_id, map_index, max_tries, pool, queue,
       priority_weight, operator)
     select dag_id, run_id, task_id, i, max_tries, pool, queue, priority_weight, operator
     from task_instance, generate_series(0, 2) as i
     where dag_id = $1 and run_id = $2 and task_id = 'double' and map_index = -1`,
    [run.dagId, run.runId],
  );
}

test("a mapped instance runs with its own map index", async () => {
  const run = await runningRun(client);
  await expandDouble(run);
  await client.query(
    `delete from task_instance
     where dag_id = $1 and run_id = $2 and task_id = 'double' and map_index = -1`,
    [run.dagId, run.runId],
  );
  const ti = await queueTry(client, run, "double", 1);
  expect(await runner()(jobOf(ti), live())).toEqual({ kind: "ran", state: "success" });
  expect(await returnValue(ti)).toBe(40);
  expect((await current(ti)).state).toBe("success");
  expect((await getTaskInstance(client, { ...ti, mapIndex: 0 }))?.state).toBeNull();
});

test("template rendering of {{ ds }} and {{ var.value.x }} is stored as rendered fields", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "render");
  expect(await runner()(jobOf(ti), live())).toEqual({ kind: "ran", state: "success" });
  const ds = run.logicalDate!.toISOString().slice(0, 10);
  expect(await returnValue(ti)).toBe(`${ds} hello`);
  const { rows } = await client.query(
    `select rendered_fields from rendered_task_instance_fields
     where dag_id = $1 and run_id = $2 and task_id = 'render' and map_index = -1`,
    [run.dagId, run.runId],
  );
  expect(rows[0]?.rendered_fields).toMatchObject({ bashCommand: `echo "${ds} hello"` });
});

test("a try cleared while running (restarting) stops without an outcome and is handed back up_for_retry", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "long_running");
  const started = Date.now();
  const delivery = runner({ heartbeatIntervalMs: 50 })(jobOf(ti), live());
  await waitUntil(async () => (await current(ti)).state === "running");
  await setTaskInstanceStates(client, {
    changes: [{ ...ti, expectedState: "running", state: "restarting" }],
  });
  const outcome = await delivery;
  expect(outcome).toMatchObject({ kind: "dropped" });
  expect(Date.now() - started).toBeLessThan(3000);
  const row = await current(ti);
  expect(row.state).toBe("up_for_retry");
  expect(row.tryNumber).toBe(ti.tryNumber);
  expect(await historyStates(client, ti)).toEqual([]);
  expect(await returnValue(ti)).toBeUndefined();
});

test("the worker's shutdown signal ends the try as a failure (retried when tries are left)", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "long_running");
  const shutdown = new AbortController();
  const delivery = runner()(jobOf(ti), shutdown.signal);
  await waitUntil(async () => (await current(ti)).state === "running");
  shutdown.abort(new Error("worker shutting down"));
  expect(await delivery).toEqual({ kind: "ran", state: "failed" });
  const messages = (await logLines(client, ti)).map((l) => l.message);
  expect(messages).toContain("Task failed with exception: Error: worker shutting down");
});

test("an outlet asset records an asset event and queues the DAG scheduled on it", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "publish");
  expect(await runner()(jobOf(ti), live())).toEqual({ kind: "ran", state: "success" });
  const events = await client.query(
    `select a.uri, e.source_dag_id, e.source_task_id, e.source_run_id from asset_event e
     join asset a on a.id = e.asset_id where e.source_run_id = $1`,
    [run.runId],
  );
  expect(events.rows).toEqual([
    {
      uri: "s3://warehouse/report.csv",
      source_dag_id: "worker_basics",
      source_task_id: "publish",
      source_run_id: run.runId,
    },
  ]);
  const queued = await client.query("select target_dag_id from asset_dag_run_queue");
  expect(queued.rows).toContainEqual({ target_dag_id: "report_consumer" });
});

test("a DAG that cannot be loaded fails the try, with the reason in the log", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "produce");
  const broken = runner({
    loadDag: () => {
      throw new Error("SyntaxError in dags/worker_basics.ts");
    },
  });
  expect(await broken(jobOf(ti), live())).toEqual({ kind: "ran", state: "failed" });
  const messages = (await logLines(client, ti)).map((l) => l.message);
  expect(messages).toContain(
    "Task failed with exception: Error: SyntaxError in dags/worker_basics.ts",
  );
});

test("AirflowFailException fails the try at once, retries left or not", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "give_up");
  expect(ti.maxTries).toBe(3);
  expect(await runner()(jobOf(ti), live())).toEqual({ kind: "ran", state: "failed" });
  expect((await current(ti)).nextRetryAt).toBeNull();
});

test("AirflowRescheduleException puts the try up_for_reschedule until its date", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "wait_for_file");
  expect(await runner()(jobOf(ti), live())).toEqual({ kind: "ran", state: "up_for_reschedule" });
  const { rows } = await client.query(
    `select r.reschedule_date from task_reschedule r join task_instance ti
       on ti.id = r.task_instance_id
     where ti.dag_id = $1 and ti.run_id = $2 and ti.task_id = 'wait_for_file'`,
    [run.dagId, run.runId],
  );
  expect(rows).toEqual([{ reschedule_date: new Date("2030-01-01T00:00:00Z") }]);
});

test("xcom_pull of a mapped upstream returns every map index's value, in order", async () => {
  const run = await runningRun(client);
  await expandDouble(run);
  const run1 = runner();
  for (const mapIndex of [2, 0, 1])
    await run1(jobOf(await queueTry(client, run, "double", mapIndex)), live());
  await run1(jobOf(await queueTry(client, run, "produce")), live());
  const dag = createDagFileLoader()("worker_basics", path.join(DAGS_FOLDER, "worker_basics.ts"));
  const key = { dagId: run.dagId, runId: run.runId, taskId: "consume", mapIndex: -1 };
  const { handle } = createStoreTaskInstance({
    client,
    key,
    tryNumber: 1,
    maxTries: 0,
    startDate: new Date(),
    dag,
  });
  expect(await handle.xcomPull({ taskIds: "double" })).toEqual([20, 40, 60]);
  expect(await handle.xcomPull({ taskIds: "double", mapIndexes: 1 })).toBe(40);
  expect(await handle.xcomPull({ taskIds: "double", mapIndexes: [2, 0] })).toEqual([60, 20]);
  expect(await handle.xcomPull({ taskIds: ["produce", "double"] })).toEqual([
    { n: 21 },
    [20, 40, 60],
  ]);
  expect(await handle.xcomPull({ taskIds: "skipper", default: "none" })).toBe("none");
  expect(await handle.xcomPull({ taskIds: "produce", key: "other", default: 0 })).toBe(0);
});

test("a failing try's alerts are recorded after its outcome: notifiers, email args and rules, secrets masked", async () => {
  const run = await runningRun(client, "worker_alerts");
  const alerting = runner({
    alerts: {
      route: ({ tags, event }) =>
        tags.includes("prod") && event === "failure"
          ? [{ channel: "slack", connId: "slack_alerts", slackChannel: "#data-alerts" }]
          : [],
    },
  });
  const first = await queueTry(client, run, "leaky");
  expect(await alerting(jobOf(first), live())).toMatchObject({ state: "up_for_retry" });
  const second = await queueTry(client, run, "leaky");
  expect(await alerting(jobOf(second), live())).toMatchObject({ state: "failed" });
  const { notifications } = await listNotifications(client, { dagId: "worker_alerts" });
  const sent = notifications
    .filter((n) => n.runId === run.runId)
    .map((n) => [n.event, n.tryNumber, n.channel, n.connId, n.target])
    .reverse();
  // The retry: only its notifier (emailOnRetry is off); the failure: two notifiers, the email
  // args (the same inbox as the SmtpNotifier: one email) and the prod rule.
  expect(sent).toEqual([
    ["retry", 1, "slack", "slack_default", {}],
    ["failure", 2, "slack", "slack_default", { channel: "#loads" }],
    ["failure", 2, "email", "smtp_default", { to: ["oncall@example.com"] }],
    ["failure", 2, "slack", "slack_alerts", { channel: "#data-alerts" }],
  ]);
  const retry = notifications.find((n) => n.event === "retry" && n.runId === run.runId)!;
  expect(retry.facts).toMatchObject({
    scope: "task",
    dagId: "worker_alerts",
    taskId: "leaky",
    tryNumber: 1,
    maxTries: 2,
    text: `retrying the load of ${run.logicalDate!.toISOString().slice(0, 10)}`,
  });
  const failure = notifications.find((n) => n.event === "failure" && n.runId === run.runId)!;
  expect(failure.facts.error).toBe("login refused for password ***");
  expect(failure.facts.logTail).toContain("connecting with ***");
  expect(JSON.stringify(notifications)).not.toContain("s3cr3t-pass");
});

test("notifiers on a skipped try are not sent; the task log says why", async () => {
  const run = await runningRun(client, "worker_alerts");
  const ti = await queueTry(client, run, "skipping");
  expect(await runner()(jobOf(ti), live())).toMatchObject({ state: "skipped" });
  const { notifications } = await listNotifications(client, { dagId: "worker_alerts" });
  expect(notifications.filter((n) => n.runId === run.runId)).toEqual([]);
  expect((await logLines(client, ti)).map((l) => l.message)).toContain(
    "Notifications from on_skipped_callback are not sent (only on failure, retry and success)",
  );
});
