// The live event stream (server-sent events): a view of all runs sees a run start and finish; a
// view of one run sees its task instances change; a view of one try sees its log lines as they
// are written; the cookie authenticates an EventSource; bad parameters are a 422.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { appendTaskLogs, createConnection } from "@updraft/store";
import { useApi } from "./support/apiTest";

const api = useApi();

interface SseEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Opens the stream and collects its events until `until` holds or the time runs out. */
function collect(
  port: number,
  path: string,
  headers: Record<string, string>,
  until: (events: SseEvent[]) => boolean,
  onOpen: () => Promise<void> = async () => undefined,
): Promise<{ status: number; events: SseEvent[] }> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const req = http.get({ port, path, headers }, (res) => {
      if (res.statusCode !== 200) {
        resolve({ status: res.statusCode ?? 0, events });
        res.resume();
        return;
      }
      let buffer = "";
      void onOpen().catch(reject);
      res.on("data", (chunk: Buffer) => {
        buffer += chunk.toString("utf8");
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event !== undefined && data !== undefined)
            events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
        if (until(events)) {
          req.destroy();
          resolve({ status: 200, events });
        }
      });
    });
    req.on("error", (error) =>
      error.message.includes("socket hang up") ? undefined : reject(error),
    );
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status: 200, events });
    }, 8000);
    req.on("close", () => clearTimeout(timer));
  });
}

describe("GET /api/v2/events", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer(api().app);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    port = (server.address() as AddressInfo).port;
    const { client } = api();
    await client.query("insert into dag (dag_id, fileloc) values ('live', '/dags/live.ts')");
    await client.query(
      `insert into dag_run (dag_id, run_id, run_type, run_after, state)
       values ('live', 'manual__1', 'manual', now(), 'queued')`,
    );
    await client.query(
      `insert into task_instance (dag_id, run_id, task_id, map_index, state, try_number)
       values ('live', 'manual__1', 'extract', -1, null, 0), ('live', 'manual__1', 'load', -1, null, 0)`,
    );
  });
  afterAll(
    () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  );

  const bearer = () => ({ Authorization: `Bearer ${api().tokenFor("Viewer")}` });
  const set = (sql: string) => api().client.query(sql);

  test("runs: the active ones at once, then a run finishing", async () => {
    const { status, events } = await collect(
      port,
      "/api/v2/events",
      bearer(),
      (seen) => seen.some((e) => e.data.state === "success"),
      async () => {
        await new Promise((done) => setTimeout(done, 300));
        await set(
          "update dag_run set state = 'running', updated_at = now() where run_id = 'manual__1'",
        );
        await new Promise((done) => setTimeout(done, 700));
        await set(
          "update dag_run set state = 'success', updated_at = now() where run_id = 'manual__1'",
        );
      },
    );
    expect(status).toBe(200);
    expect(events.map((e) => [e.event, e.data.dag_run_id, e.data.state])).toEqual([
      ["dag_run", "manual__1", "queued"],
      ["dag_run", "manual__1", "running"],
      ["dag_run", "manual__1", "success"],
    ]);
    await set(
      "update dag_run set state = 'running', updated_at = now() where run_id = 'manual__1'",
    );
  });

  test("one run: its task instances as they change, authenticated by the UI's cookie", async () => {
    const { events } = await collect(
      port,
      "/api/v2/events?dag_id=live&dag_run_id=manual__1",
      { Cookie: `_token=${api().tokenFor("Viewer")}` },
      (seen) => seen.some((e) => e.data.task_id === "load" && e.data.state === "running"),
      async () => {
        await new Promise((done) => setTimeout(done, 300));
        await set(
          "update task_instance set state = 'running', try_number = 1, updated_at = now() where task_id = 'load'",
        );
      },
    );
    expect(events[0]).toMatchObject({ event: "dag_run", data: { state: "running" } });
    expect(
      events.filter((e) => e.event === "task_instance").map((e) => [e.data.task_id, e.data.state]),
    ).toEqual([
      ["extract", null],
      ["load", null],
      ["load", "running"],
    ]);
  });

  test("one try: its log lines as they are written", async () => {
    const key = { dagId: "live", runId: "manual__1", taskId: "load", mapIndex: -1, tryNumber: 1 };
    await appendTaskLogs(api().client, {
      ...key,
      lines: [{ timestamp: new Date(), level: "info", message: "first" }],
    });
    const { events } = await collect(
      port,
      "/api/v2/events?dag_id=live&dag_run_id=manual__1&task_id=load&try_number=1",
      bearer(),
      (seen) => seen.flatMap((e) => e.data.content as { event: string }[]).length >= 2,
      async () => {
        await new Promise((done) => setTimeout(done, 300));
        await appendTaskLogs(api().client, {
          ...key,
          lines: [{ timestamp: new Date(), level: "warning", message: "second" }],
        });
      },
    );
    expect(
      events.flatMap((e) =>
        (e.data.content as { event: string; level: string }[]).map((l) => [l.level, l.event]),
      ),
    ).toEqual([
      ["info", "first"],
      ["warning", "second"],
    ]);
  });

  test("one try: a stored connection's password in a line is masked, as GET …/logs masks it", async () => {
    await createConnection(api().client, {
      connId: "warehouse",
      connType: "postgres",
      password: "s3cret-pass",
    });
    const key = {
      dagId: "live",
      runId: "manual__1",
      taskId: "extract",
      mapIndex: -1,
      tryNumber: 1,
    };
    await appendTaskLogs(api().client, {
      ...key,
      lines: [
        { timestamp: new Date(), level: "info", message: "connecting with s3cret-pass" },
        { timestamp: new Date(), level: "info", message: "url postgres://u:s3cret-pass@h/db" },
      ],
    });
    const { events } = await collect(
      port,
      "/api/v2/events?dag_id=live&dag_run_id=manual__1&task_id=extract&try_number=1",
      bearer(),
      (seen) => seen.flatMap((e) => e.data.content as unknown[]).length >= 2,
    );
    const lines = events.flatMap((e) =>
      (e.data.content as { event: string }[]).map((l) => l.event),
    );
    expect(lines).toEqual(["connecting with ***", "url postgres://u:***@h/db"]);
  });

  test("no token → 401; task_id without a run → 422", async () => {
    expect((await collect(port, "/api/v2/events", {}, () => true)).status).toBe(401);
    expect(
      (await collect(port, "/api/v2/events?dag_id=live&task_id=x", bearer(), () => true)).status,
    ).toBe(422);
  });
});
