// GET /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/wait: NDJSON lines of the run's state, the
// first at once and then one per `interval`, ending when the run finishes with the return XComs
// of the `result` tasks (a mapped task's as a list); a finished run answers one line; the
// stream stops polling when the client goes away; 404 and 422 in Airflow's words.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type SqlClient, setXcom } from "@updraft/store";
import { createApiApp } from "../src";
import { TEST_SECRET, useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const api = useApi();
const WAIT = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/wait";

const waitUrl = (runId: string, query: string) =>
  `/api/v2/dags/waiting/dagRuns/${runId}/wait?${query}`;

interface Stream {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly lines: Record<string, unknown>[];
  /** True when the server ended the response (not the test). */
  readonly ended: boolean;
}

/**
 * GETs `path` on `port` and collects its NDJSON lines until the server ends the response, or
 * `stopAt` holds (then the test hangs up), or eight seconds pass.
 */
function stream(
  port: number,
  path: string,
  options: {
    readonly headers?: Record<string, string>;
    readonly onLine?: (lines: Record<string, unknown>[]) => Promise<void>;
    readonly stopAt?: (lines: Record<string, unknown>[]) => boolean;
  } = {},
): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const lines: Record<string, unknown>[] = [];
    const req = http.get({ port, path, headers: options.headers }, (res) => {
      const done = (ended: boolean) =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers["content-type"],
          lines,
          ended,
        });
      let buffer = "";
      res.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8");
        let end: number;
        while ((end = buffer.indexOf("\n")) >= 0) {
          lines.push(JSON.parse(buffer.slice(0, end)) as Record<string, unknown>);
          buffer = buffer.slice(end + 1);
          if (options.stopAt?.(lines) === true) {
            req.destroy();
            return done(false);
          }
          void options.onLine?.(lines).catch(reject);
        }
      });
      res.on("end", () => {
        if (buffer !== "") lines.push(JSON.parse(buffer) as Record<string, unknown>);
        done(true);
      });
    });
    req.on("error", (error) =>
      error.message.includes("socket hang up") ? undefined : reject(error),
    );
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status: 0, contentType: undefined, lines, ended: false });
    }, 8000);
    req.on("close", () => clearTimeout(timer));
  });
}

/** Listens on a free port of 127.0.0.1. */
async function listen(app: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(app);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, port: (server.address() as AddressInfo).port };
}

function shut(server: http.Server): Promise<void> {
  return new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });
}

const setRunState = (runId: string, state: string) =>
  api().client.query("update dag_run set state = $2 where dag_id = 'waiting' and run_id = $1", [
    runId,
    state,
  ]);

async function addRun(client: SqlClient, runId: string, state: string) {
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, state)
     values ('waiting', $1, 'manual', now(), $2)`,
    [runId, state],
  );
}

let server: http.Server;
let port: number;
const bearer = () => ({ Authorization: `Bearer ${api().tokenFor("Viewer")}` });

beforeAll(async () => {
  ({ server, port } = await listen(api().app));
  const { client } = api();
  await client.query("insert into dag (dag_id) values ('waiting')");
  await addRun(client, "done", "success");
  for (const [taskId, mapIndex, value] of [
    ["extract", -1, { rows: 3 }],
    ["double", 1, 4],
    ["double", 0, 2],
  ] as const)
    await setXcom(client, {
      dagId: "waiting",
      runId: "done",
      taskId,
      mapIndex,
      key: "return_value",
      value,
    });
  await setXcom(client, {
    dagId: "waiting",
    runId: "done",
    taskId: "extract",
    key: "other",
    value: "not a result",
  });
});
afterAll(() => shut(server));

describe("GET …/dagRuns/{dag_run_id}/wait", () => {
  test("a running run: a line now, more while it runs, the last one when it fails", async () => {
    await addRun(api().client, "live", "running");
    const result = await stream(port, waitUrl("live", "interval=0.05&result=extract"), {
      headers: bearer(),
      onLine: async (lines) => {
        if (lines.length === 2) await setRunState("live", "failed");
      },
    });
    expect(result.status).toBe(200);
    expect(result.contentType).toBe("application/x-ndjson");
    expect(result.ended).toBe(true);
    expect(result.lines.at(-1)).toEqual({ state: "failed", results: {} });
    expect(result.lines.slice(0, -1).every((line) => line.state === "running")).toBe(true);
    expect(result.lines.length).toBeGreaterThanOrEqual(3);
  });

  test("a queued run becomes running, then success", async () => {
    await addRun(api().client, "later", "queued");
    const result = await stream(port, waitUrl("later", "interval=0.05"), {
      headers: bearer(),
      onLine: async (lines) => {
        if (lines.length === 1) await setRunState("later", "running");
        if (lines.at(-1)?.state === "running") await setRunState("later", "success");
      },
    });
    expect(result.ended).toBe(true);
    const states = result.lines.map((line) => line.state);
    expect(states[0]).toBe("queued");
    expect(states).toContain("running");
    expect(result.lines.at(-1)).toEqual({ state: "success" });
  });

  test("a finished run: one line with the result tasks' return values", async () => {
    const res = await api()
      .as("Viewer")
      .get(waitUrl("done", "interval=5&result=double&result=extract&result=missing"));
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", WAIT);
    expect(res.text).toBe(
      `${JSON.stringify({ state: "success", results: { double: [2, 4], extract: { rows: 3 } } })}\n`,
    );
    const plain = await api().as("Viewer").get(waitUrl("done", "interval=5"));
    expect(plain.text).toBe('{"state":"success"}\n');
  });

  test("the client hanging up stops the polling", async () => {
    await addRun(api().client, "forever", "running");
    let polls = 0;
    // The API over a client that counts the run reads of the waiter.
    const counting: SqlClient = {
      ...api().client,
      query: (text, params) => {
        if (text.includes("from dag_run where dag_id = $1 and run_id = $2")) polls += 1;
        return api().client.query(text, params);
      },
    };
    const app = createApiApp({
      client: counting,
      auth: { secret: TEST_SECRET, enabled: false },
      log: () => undefined,
    });
    const own = await listen(app);
    try {
      const result = await stream(own.port, waitUrl("forever", "interval=0.02"), {
        stopAt: (lines) => lines.length === 3,
      });
      expect(result.lines).toEqual([
        { state: "running" },
        { state: "running" },
        { state: "running" },
      ]);
      await new Promise<void>(function wait(done) {
        own.server.getConnections((_error, count) =>
          count === 0 ? done() : setTimeout(() => wait(done), 10),
        );
      });
      const afterHangUp = polls;
      // Twenty intervals: a waiter still polling would read the run again in that time.
      await new Promise((done) => setTimeout(done, 400));
      expect(polls).toBe(afterHangUp);
    } finally {
      await shut(own.server);
    }
  });

  test("a run deleted while waited on ends the stream", async () => {
    await addRun(api().client, "doomed", "running");
    const result = await stream(port, waitUrl("doomed", "interval=0.05"), {
      headers: bearer(),
      onLine: async (lines) => {
        if (lines.length === 1)
          await api().client.query("delete from dag_run where run_id = 'doomed'");
      },
    });
    expect(result.ended).toBe(true);
    expect(result.lines.every((line) => line.state === "running")).toBe(true);
  });

  test("an unknown run: 404 in Airflow's words", async () => {
    const res = await api().as("Viewer").get(waitUrl("nope' or '1'='1", "interval=1"));
    expect(res.status).toBe(404);
    expectMatchesSpec(res, "GET", WAIT);
    expect(res.body.detail).toBe(
      "The DagRun with dag_id: `waiting` and run_id: `nope' or '1'='1` was not found",
    );
  });

  test.each([
    ["", "Field required"],
    ["interval=0", "Input should be greater than 0"],
    ["interval=-1", "Input should be greater than 0"],
    ["interval=soon", "Input should be a valid number"],
  ])("interval %j: 422", async (query, message) => {
    const res = await api().as("Viewer").get(waitUrl("done", query));
    expect(res.status).toBe(422);
    expectMatchesSpec(res, "GET", WAIT);
    expect(res.body.detail[0].loc).toEqual(["query", "interval"]);
    expect(res.body.detail[0].msg).toContain(message);
  });
});
