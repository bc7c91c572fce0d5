// The HTTP protocol underneath the driver: endpoints, envelopes, statementTypeId, gzip bodies.

import { gzipSync } from "node:zlib";
import type { LocalSnowflake } from "../src";
import { startLocalSnowflake } from "../src";
import { connect, destroy, exec } from "./driver";

let server: LocalSnowflake;

beforeAll(async () => {
  server = await startLocalSnowflake();
});

afterAll(async () => {
  await server.stop();
});

interface Envelope {
  success: boolean;
  code: string | null;
  message: string | null;
  data: Record<string, unknown> | null;
}

async function post(path: string, body: unknown, token?: string, gzip = false): Promise<Envelope> {
  const json = Buffer.from(JSON.stringify(body));
  const response = await fetch(`${server.accessUrl}${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(token === undefined ? {} : { Authorization: `Snowflake Token="${token}"` }),
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    },
    body: gzip ? gzipSync(json) : json,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Envelope;
}

async function login(): Promise<string> {
  const res = await post("/session/v1/login-request?databaseName=&schemaName=", {
    data: { LOGIN_NAME: "tester", PASSWORD: "x", ACCOUNT_NAME: "local" },
  });
  expect(res.success).toBe(true);
  return String(res.data?.["token"]);
}

const query = (token: string, sqlText: string, gzip = false): Promise<Envelope> =>
  post(
    "/queries/v1/query-request?requestId=r1",
    { sqlText, disableOfflineChunks: false },
    token,
    gzip,
  );

test("login answers tokens, session id and the parameters the driver needs", async () => {
  const res = await post("/session/v1/login-request", { data: { LOGIN_NAME: "a", PASSWORD: "b" } });
  expect(res.data).toMatchObject({
    token: expect.any(String),
    masterToken: expect.any(String),
    sessionId: expect.any(Number),
    validityInSeconds: expect.any(Number),
  });
  const params = Object.fromEntries(
    (res.data?.["parameters"] as { name: string; value: unknown }[]).map((p) => [p.name, p.value]),
  );
  expect(params).toMatchObject({
    TIMEZONE: "UTC",
    TIMESTAMP_OUTPUT_FORMAT: expect.any(String),
    DATE_OUTPUT_FORMAT: "YYYY-MM-DD",
  });
  expect(params["CLIENT_STAGE_ARRAY_BINDING_THRESHOLD"]).toBeGreaterThan(1_000_000_000);
});

test("request bodies may be gzipped or plain JSON", async () => {
  const token = await login();
  expect((await query(token, "select 1 as x", true)).data?.["rowset"]).toEqual([["1"]]);
  expect((await query(token, "select 2 as x", false)).data?.["rowset"]).toEqual([["2"]]);
});

test.each([
  ["select 1", 0x1000],
  ["create database proto_db", 0x6000],
  ["create table p (a int)", 0x6000],
  ["insert into p values (1)", 0x3100],
  ["update p set a = 2", 0x3200],
  ["merge into p using (select 2 as a) s on p.a = s.a when matched then delete", 0x3400],
  ["delete from p", 0x3300],
  ["begin", 0x5100],
  ["commit", 0x5200],
])("statementTypeId of %s is %i", async (sql, id) => {
  const token = sharedToken ?? (sharedToken = await login());
  const res = await query(token, sql);
  expect(res.success).toBe(true);
  expect(res.data?.["statementTypeId"]).toBe(id);
});
let sharedToken: string | undefined;

test("a SQL error is HTTP 200 with success false, a code, and data.sqlState / queryId", async () => {
  const token = await login();
  const res = await query(token, "select * from missing_table");
  expect(res).toMatchObject({
    success: false,
    code: "002003",
    data: { sqlState: "42S02", errorCode: "002003", queryId: expect.any(String) },
  });
});

test("telemetry, heartbeat and abort succeed; a deleted session's token is refused", async () => {
  const token = await login();
  expect((await post("/telemetry/send", { logs: [] }, token)).success).toBe(true);
  expect((await post("/session/heartbeat", {}, token)).success).toBe(true);
  expect((await post("/queries/v1/abort-request", { requestId: "r1" }, token)).success).toBe(true);
  expect((await post("/session?delete=true", {}, token)).success).toBe(true);
  const after = await query(token, "select 1");
  expect(after).toMatchObject({ success: false, code: "390104" });
});

test("the driver's heartbeat (isValidAsync) and destroy() go through", async () => {
  const conn = await connect(server);
  expect(await conn.isValidAsync()).toBe(true);
  await exec(conn, "select 1");
  await destroy(conn);
  expect(conn.isUp()).toBe(false);
});

test("asyncExec queries are fetched back with getResultsFromQueryId", async () => {
  const conn = await connect(server);
  const { stmt } = await exec(conn, "select 41 + 1 as answer", undefined, { asyncExec: true });
  const queryId = stmt.getQueryId();
  expect(await conn.getQueryStatus(queryId)).toBe("SUCCESS");
  const fetched = await conn.getResultsFromQueryId({ queryId });
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const out: unknown[] = [];
    fetched
      .streamRows()
      .on("data", (r: unknown) => out.push(r))
      .on("end", () => resolve(out))
      .on("error", reject);
  });
  expect(rows).toEqual([{ ANSWER: 42 }]);
  await destroy(conn);
});

test("describeOnly answers a query's columns without running it", async () => {
  const conn = await connect(server);
  await exec(conn, "create database described");
  await exec(conn, "create table d (a int, b string)");
  await exec(conn, "insert into d values (1, 'x')");
  const { stmt, rows } = await exec(conn, "select a, b from d where a = ?", [1], {
    describeOnly: true,
  });
  expect(rows).toEqual([]);
  expect((stmt.getColumns() ?? []).map((c) => [c.getName(), c.getType()])).toEqual([
    ["A", "fixed"],
    ["B", "text"],
  ]);
  await destroy(conn);
});
