// GET …/taskInstances/{task_id}/logs/{try_number}: a try's log lines from the store as
// structured messages, in JSON and in NDJSON, read in pages with a continuation token while the
// try runs and until its log ends; connection passwords redacted; unknown tries 404, bad
// parameters and forged tokens 422.
import type { DagCache } from "@updraft/scheduler";
import {
  appendTaskLogs,
  createConnection,
  finishTaskInstance,
  type TaskInstanceKey,
} from "@updraft/store";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";
import {
  createRun,
  expand,
  runTry,
  startRun,
  storeDags,
} from "./fixtures/taskInstances/taskInstanceRuns";

const api = useApi();

const LOGS = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/logs/{try_number}";
const PASSWORD = "s3cr3t@pass";

const key = (taskId: string): TaskInstanceKey => ({
  dagId: "ti_chain",
  runId: "log_run",
  taskId,
  mapIndex: -1,
});
const logUrl = (taskId: string, tryNumber: number | string, query = "") =>
  `/api/v2/dags/ti_chain/dagRuns/log_run/taskInstances/${taskId}/logs/${tryNumber}${query}`;

interface Message {
  readonly event: string;
  readonly timestamp?: string;
  readonly level?: string;
}

/** GET a log as JSON, checked against the spec. */
async function getJson(url: string) {
  const res = await api().as("Viewer").get(url).set("Accept", "application/json");
  expectMatchesSpec(res, "GET", LOGS);
  return res;
}

/** GET a log as NDJSON; each line is checked against the spec's StructuredLogMessage. */
async function getNdjson(url: string) {
  const res = await api()
    .as("Viewer")
    .get(url)
    .set("Accept", "application/x-ndjson")
    .buffer(true)
    .parse((response, done) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => done(null, text));
    });
  const text = res.body as string;
  const messages = text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Message);
  const header: unknown = res.headers["airflow-continuation-token"];
  const token = typeof header === "string" ? header : undefined;
  if (res.status === 200)
    expectMatchesSpec(
      { status: 200, body: { content: messages, continuation_token: token ?? null } },
      "GET",
      LOGS,
    );
  return { status: res.status, type: res.type, messages, token, text };
}

const events = (body: { content: Message[] }) => body.content.map((m) => m.event);

let cache: DagCache;
let transformTry: number;

beforeAll(async () => {
  const { client } = api();
  cache = await storeDags(client);
  await createConnection(client, {
    connId: "warehouse",
    connType: "postgres",
    login: "loader",
    password: PASSWORD,
  });
  await createConnection(client, { connId: "tiny", connType: "http", password: "abc" });
  await createRun(client, cache, "ti_chain", "log_run", new Date("2026-05-01T00:00:00Z"));
  await startRun(client, "ti_chain", "log_run");
  await runTry(client, key("extract"), "up_for_retry", ["first try", "it failed"]);
  await runTry(client, key("extract"), "success", [
    "second try",
    `connecting as loader:${PASSWORD}@db`,
    `postgresql://loader:${encodeURIComponent(PASSWORD)}@db/warehouse`,
    "short passwords stay: abc",
  ]);
  await runTry(
    client,
    key("load"),
    "success",
    Array.from({ length: 1500 }, (_, i) => `row ${i + 1}`),
  );
  transformTry = await runTry(client, key("transform"), "running", ["started", "working"]);
  await createRun(client, cache, "ti_mapped", "log_mapped", new Date("2026-05-01T00:00:00Z"));
  await startRun(client, "ti_mapped", "log_mapped");
  await expand(client, "ti_mapped", "log_mapped", "double", 2);
  await runTry(
    client,
    { dagId: "ti_mapped", runId: "log_mapped", taskId: "double", mapIndex: 1 },
    "success",
    ["doubling 2"],
  );
});

describe("a finished try", () => {
  test("JSON: its lines as structured messages, and no continuation token", async () => {
    const res = await getJson(logUrl("extract", 1));
    expect(res.status).toBe(200);
    expect(res.body.continuation_token).toBeNull();
    expect(res.body.content).toEqual([
      { event: "first try", level: "info", timestamp: expect.stringMatching(/Z$/) },
      { event: "it failed", level: "error", timestamp: expect.stringMatching(/Z$/) },
    ]);
  });

  test("connection passwords are redacted, plain and URL-encoded; short ones are not", async () => {
    const res = await getJson(logUrl("extract", 2));
    expect(events(res.body)).toEqual([
      "second try",
      "connecting as loader:***@db",
      "postgresql://loader:***@db/warehouse",
      "short passwords stay: abc",
    ]);
    expect(JSON.stringify(res.body)).not.toContain("s3cr3t");
  });

  test("NDJSON: one JSON message per line, no token header once the log has ended", async () => {
    const res = await getNdjson(logUrl("extract", 2));
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/x-ndjson");
    expect(res.messages.map((m) => m.event)).toEqual([
      "second try",
      "connecting as loader:***@db",
      "postgresql://loader:***@db/warehouse",
      "short passwords stay: abc",
    ]);
    expect(res.token).toBeUndefined();
    expect(res.text).not.toContain("s3cr3t");
  });

  test("a long log comes in pages of 1000 lines; full_content reads it whole", async () => {
    const first = await getJson(logUrl("load", 1));
    expect(first.body.content).toHaveLength(1000);
    expect(first.body.content[999].event).toBe("row 1000");
    expect(typeof first.body.continuation_token).toBe("string");
    const rest = await getJson(logUrl("load", 1, `?token=${first.body.continuation_token}`));
    expect(rest.body.content).toHaveLength(500);
    expect(rest.body.content[0].event).toBe("row 1001");
    expect(rest.body.continuation_token).toBeNull();
    const whole = await getJson(logUrl("load", 1, "?full_content=true"));
    expect(whole.body.content).toHaveLength(1500);
    expect(whole.body.continuation_token).toBeNull();
    const ndjson = await getNdjson(logUrl("load", 1, "?full_content=true"));
    expect(ndjson.messages).toHaveLength(1500);
  });

  test("a mapped instance's log by map_index", async () => {
    const res = await api()
      .as("Viewer")
      .get("/api/v2/dags/ti_mapped/dagRuns/log_mapped/taskInstances/double/logs/1?map_index=1");
    expectMatchesSpec(res, "GET", LOGS);
    expect(events(res.body)).toEqual(["doubling 2"]);
    const unmapped = await api()
      .as("Viewer")
      .get("/api/v2/dags/ti_mapped/dagRuns/log_mapped/taskInstances/double/logs/1");
    expectMatchesSpec(unmapped, "GET", LOGS);
    expect(unmapped.status).toBe(404);
  });
});

describe("a running try", () => {
  test("is read on with the continuation token until its log ends", async () => {
    const first = await getJson(logUrl("transform", transformTry));
    expect(events(first.body)).toEqual(["started", "working"]);
    const token = first.body.continuation_token as string;
    expect(typeof token).toBe("string");
    const nothingYet = await getJson(logUrl("transform", transformTry, `?token=${token}`));
    expect(nothingYet.body.content).toEqual([]);
    expect(typeof nothingYet.body.continuation_token).toBe("string");

    await appendTaskLogs(api().client, {
      ...key("transform"),
      tryNumber: transformTry,
      lines: [{ message: "more" }, { message: "almost" }],
    });
    const ndjson = await getNdjson(logUrl("transform", transformTry, `?token=${token}`));
    expect(ndjson.messages.map((m) => m.event)).toEqual(["more", "almost"]);
    expect(typeof ndjson.token).toBe("string");

    await finishTaskInstance(api().client, {
      ...key("transform"),
      tryNumber: transformTry,
      state: "success",
      logLines: [{ message: "done" }],
    });
    const last = await getJson(logUrl("transform", transformTry, `?token=${ndjson.token}`));
    expect(events(last.body)).toEqual(["done"]);
    expect(last.body.continuation_token).toBeNull();
  });
});

describe("refused", () => {
  test("a try that never was, an unknown task or run: 404 TaskInstance not found", async () => {
    for (const url of [
      logUrl("extract", 3),
      logUrl("nope", 1),
      `/api/v2/dags/ti_chain/dagRuns/${encodeURIComponent("a'; drop table task_log; --")}/taskInstances/extract/logs/1`,
    ]) {
      const res = await getJson(url);
      expect([url, res.status, res.body]).toEqual([url, 404, { detail: "TaskInstance not found" }]);
    }
    const lines = await api().client.query("select count(*)::int as n from task_log");
    expect(lines.rows[0]?.n).toBeGreaterThan(1500);
  });

  test("bad try numbers, booleans and tokens: 422", async () => {
    const cases: [string, (string | number)[]][] = [
      [logUrl("extract", -1), ["path", "try_number"]],
      [logUrl("extract", "first"), ["path", "try_number"]],
      [logUrl("extract", 1, "?full_content=maybe"), ["query", "full_content"]],
      [logUrl("extract", 1, "?map_index=x"), ["query", "map_index"]],
      [logUrl("extract", 1, "?token=forged"), ["query", "token"]],
    ];
    const first = await getJson(logUrl("load", 1));
    const [payload, signature] = String(first.body.continuation_token).split(".");
    const tampered = `${Buffer.from(JSON.stringify({ log_pos: 1 })).toString("base64url")}.${signature}`;
    expect(payload).not.toBe(tampered.split(".")[0]);
    cases.push([logUrl("load", 1, `?token=${tampered}`), ["query", "token"]]);
    for (const [url, loc] of cases) {
      const res = await getJson(url);
      expect([url, res.status, res.body.detail[0].loc]).toEqual([url, 422, loc]);
    }
  });
});
