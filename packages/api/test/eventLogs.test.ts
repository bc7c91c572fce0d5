// The audit log: every mutating call recorded as Airflow's action_logging records it (event named
// for Airflow's endpoint, owner the caller, dag_id / run_id / task_id from the body or the path,
// `extra` the query, path and body with secrets masked — a connection's password and its extra's
// values, a variable's value, secrets inside a trigger's conf — plus the method), refused and
// failed attempts included, dry runs left out; and GET /eventLogs (Airflow's filters, paging,
// ordering) and GET /eventLogs/{event_log_id} reading it, for every role.
import { recordAuditEvent } from "@updraft/store";
import { type Role } from "../src";
import { useApi } from "./support/apiTest";
import { responseLog } from "./support/responseLog";
import { expectMatchesSpec } from "./support/spec";
import { createRun, storeDags } from "./fixtures/taskInstances/taskInstanceRuns";

const api = useApi();

const LIST = "/api/v2/eventLogs";
const ONE = "/api/v2/eventLogs/{event_log_id}";
const SECRETS = ["conf-s3cret", "var-s3cret", "conn-s3cret", "extra-s3cret", "bulk-s3cret"];
const seen = responseLog();

interface Entry {
  readonly event_log_id: number;
  readonly when: string;
  readonly event: string;
  readonly owner: string | null;
  readonly dag_id: string | null;
  readonly run_id: string | null;
  readonly task_id: string | null;
  readonly extra: string | null;
}

/** A call as `username` (of `role`). */
function as(role: Role, username: string) {
  const token = api().tokenFor(role, username);
  const agent = api().as(role);
  const withToken = <T extends { set(f: string, v: string): T }>(t: T) =>
    t.set("Authorization", `Bearer ${token}`);
  return {
    post: (url: string, body: object = {}) => withToken(agent.post(url)).send(body),
    patch: (url: string, body: object = {}) => withToken(agent.patch(url)).send(body),
    delete: (url: string) => withToken(agent.delete(url)),
  };
}

async function list(query = "", role: Role = "Viewer") {
  const res = seen.keep(await api().as(role).get(`${LIST}${query}`));
  expectMatchesSpec(res, "GET", LIST);
  return res;
}

const events = (body: { event_logs: Entry[] }) => body.event_logs.map((e) => e.event);

/** The entries recorded by the calls, in order. */
let recorded: Entry[];
const entry = (event: string, nth = 0): Entry => {
  const found = recorded.filter((e) => e.event === event)[nth];
  if (found === undefined) throw new Error(`no ${event} entry #${nth}`);
  return found;
};
const extraOf = (e: Entry): unknown => JSON.parse(e.extra ?? "null");

const RUN = "/api/v2/dags/ti_chain/dagRuns";

beforeAll(async () => {
  const { client } = api();
  const cache = await storeDags(client);
  await createRun(client, cache, "ti_chain", "seeded", new Date("2026-03-01T00:00:00Z"));
  const alice = as("User", "alice");
  const olga = as("Op", "olga");
  const root = as("Admin", "root");
  const vera = as("Viewer", "vera");
  const expectStatus = async (call: Promise<{ status: number }>, status: number) =>
    expect((await call).status).toBe(status);
  await expectStatus(
    alice.post(`${RUN}?note_hint=x`, {
      dag_run_id: "audit_1",
      logical_date: null,
      conf: { target: "dw", db_password: "conf-s3cret" },
    }),
    200,
  );
  await expectStatus(alice.patch("/api/v2/dags/ti_chain", { is_paused: true }), 200);
  await expectStatus(alice.post(`${RUN}/audit_1/clear`, { dry_run: true }), 200);
  await expectStatus(alice.post(`${RUN}/audit_1/clear`, { dry_run: false }), 200);
  await expectStatus(alice.post("/api/v2/dags/ti_chain/clearTaskInstances", {}), 200);
  await expectStatus(
    alice.patch(`${RUN}/seeded/taskInstances/extract`, { new_state: "success" }),
    200,
  );
  await expectStatus(
    alice.post(`${RUN}/seeded/taskInstances/extract/xcomEntries`, { key: "k", value: 1 }),
    201,
  );
  await expectStatus(alice.delete(`${RUN}/nope`), 404);
  await expectStatus(olga.post("/api/v2/variables", { key: "api_key", value: "var-s3cret" }), 201);
  await expectStatus(
    olga.patch("/api/v2/variables", {
      actions: [{ action: "create", entities: [{ key: "plain", value: "bulk-s3cret" }] }],
    }),
    200,
  );
  await expectStatus(olga.delete("/api/v2/variables/api_key"), 204);
  await expectStatus(
    root.post("/api/v2/connections", {
      connection_id: "audited",
      conn_type: "postgres",
      login: "etl",
      password: "conn-s3cret",
      extra: JSON.stringify({ token: "extra-s3cret", region: "eu" }),
    }),
    201,
  );
  await expectStatus(
    root.patch("/api/v2/connections", {
      actions: [
        {
          action: "update",
          entities: [{ connection_id: "audited", conn_type: "postgres", password: "bulk-s3cret" }],
        },
        { action: "delete", entities: ["audited"] },
      ],
    }),
    200,
  );
  await expectStatus(vera.post("/api/v2/pools", { name: "p", slots: 1 }), 403);
  await expectStatus(
    root.patch("/api/v2/pools/default_pool?update_mask=slots", { slots: 64 }),
    200,
  );
  recorded = (await list("?limit=100")).body.event_logs as Entry[];
});

describe("what the API records", () => {
  test("one entry per mutating call, named as Airflow names them; dry runs are left out", () => {
    expect(recorded.map((e) => e.event)).toEqual([
      "trigger_dag_run",
      "patch_dag",
      "clear_dag_run",
      "patch_task_instance",
      "create_xcom_entry",
      "delete_dag_run",
      "post_variable",
      "bulk_variables",
      "delete_variable",
      "post_connection",
      "bulk_connections",
      "post_pool",
      "patch_pool",
    ]);
    expect(recorded.map((e) => e.event_log_id)).toEqual(
      [...recorded.map((e) => e.event_log_id)].sort((a, b) => a - b),
    );
  });

  test("the owner is the caller; a refused (403) and a failed (404) attempt are on record", () => {
    expect(entry("trigger_dag_run").owner).toBe("alice");
    expect(entry("post_variable").owner).toBe("olga");
    expect(entry("post_connection").owner).toBe("root");
    expect(entry("post_pool")).toMatchObject({ owner: "vera", dag_id: null });
    expect(entry("delete_dag_run")).toMatchObject({ dag_id: "ti_chain", run_id: "nope" });
  });

  test("ids in their columns, from the body before the path; the rest in extra with the method", () => {
    expect(entry("trigger_dag_run")).toMatchObject({
      dag_id: "ti_chain",
      run_id: "audit_1",
      task_id: null,
    });
    expect(extraOf(entry("trigger_dag_run"))).toEqual({
      note_hint: "x",
      dag_run_id: "audit_1",
      logical_date: null,
      conf: { target: "dw", db_password: "***" },
      method: "POST",
    });
    expect(extraOf(entry("patch_dag"))).toEqual({ is_paused: true, method: "PATCH" });
    expect(extraOf(entry("clear_dag_run"))).toEqual({ dry_run: false, method: "POST" });
    expect(entry("patch_task_instance")).toMatchObject({
      dag_id: "ti_chain",
      run_id: "seeded",
      task_id: "extract",
    });
    expect(extraOf(entry("patch_task_instance"))).toEqual({
      new_state: "success",
      method: "PATCH",
    });
    expect(entry("create_xcom_entry")).toMatchObject({ run_id: "seeded", task_id: "extract" });
    expect(extraOf(entry("patch_pool"))).toEqual({
      update_mask: "slots",
      pool_name: "default_pool",
      slots: 64,
      method: "PATCH",
    });
  });

  test("a variable's value is masked whatever its key; without a body the path is kept", () => {
    expect(extraOf(entry("post_variable"))).toEqual({
      key: "api_key",
      value: "***",
      method: "POST",
    });
    expect(extraOf(entry("bulk_variables"))).toEqual({
      actions: [{ action: "create", entities: [{ key: "plain", value: "***" }] }],
      method: "PATCH",
    });
    expect(extraOf(entry("delete_variable"))).toEqual({
      variable_key: "api_key",
      method: "DELETE",
    });
  });

  test("a connection's password is masked and of its extra only the keys are kept", () => {
    expect(extraOf(entry("post_connection"))).toEqual({
      connection_id: "audited",
      conn_type: "postgres",
      login: "etl",
      password: "***",
      extra: { token: "***", region: "***" },
      method: "POST",
    });
    expect(extraOf(entry("bulk_connections"))).toEqual({
      actions: [
        {
          action: "update",
          entities: [{ connection_id: "audited", conn_type: "postgres", password: "***" }],
        },
        { action: "delete", entities: ["audited"] },
      ],
      method: "PATCH",
    });
  });

  test("no secret reaches the log table", async () => {
    const rows = await api().client.query<{ extra: string }>("select extra from log");
    const all = rows.rows.map((r) => r.extra).join("\n");
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });
});

describe("GET /api/v2/eventLogs", () => {
  beforeAll(async () => {
    const { client } = api();
    const at = (iso: string) => new Date(iso);
    await recordAuditEvent(client, {
      event: "running",
      dagId: "ti_chain",
      runId: "seeded",
      taskId: "load",
      mapIndex: 3,
      tryNumber: 2,
      owner: "scheduler",
      dttm: at("2020-01-01T00:00:00Z"),
    });
    await recordAuditEvent(client, {
      event: "success",
      dagId: "other_dag",
      owner: "scheduler",
      extra: "plain text",
      dttm: at("2020-01-02T00:00:00Z"),
    });
  });

  test("an entry as Airflow's EventLogResponse", async () => {
    const res = await list("?event=running");
    expect(res.body).toEqual({
      event_logs: [
        {
          event_log_id: expect.any(Number),
          when: "2020-01-01T00:00:00Z",
          dag_id: "ti_chain",
          task_id: "load",
          run_id: "seeded",
          map_index: 3,
          try_number: 2,
          event: "running",
          logical_date: null,
          owner: "scheduler",
          extra: null,
          dag_display_name: "Task instance chain",
          task_display_name: "load",
        },
      ],
      total_entries: 1,
    });
    const unknownDag = await list("?event=success");
    expect(unknownDag.body.event_logs[0]).toMatchObject({
      dag_id: "other_dag",
      dag_display_name: null,
      extra: "plain text",
    });
  });

  test.each([
    ["?dag_id=ti_chain&event=running", ["running"]],
    ["?owner=scheduler", ["running", "success"]],
    ["?owner=alice&task_id=extract", ["patch_task_instance", "create_xcom_entry"]],
    ["?run_id=audit_1", ["trigger_dag_run", "clear_dag_run"]],
    ["?map_index=3", ["running"]],
    ["?try_number=2", ["running"]],
    ["?map_index=99999999999", []],
    ["?included_events=running&included_events=success", ["running", "success"]],
    [
      "?owner=olga&excluded_events=post_variable&excluded_events=delete_variable",
      ["bulk_variables"],
    ],
    ["?before=2020-01-02T00:00:00Z", ["running"]],
    ["?after=2020-01-01T00:00:00Z&before=2021-01-01", ["success"]],
    ["?event_pattern=connection", ["post_connection", "bulk_connections"]],
    ["?owner_pattern=VER", ["post_pool"]],
    ["?dag_id_pattern=other%20%7C%20nothing", ["success"]],
    ["?run_id_pattern=aud%25_1", ["trigger_dag_run", "clear_dag_run"]],
    ["?task_id_pattern=loa", ["running"]],
  ])("%s", async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(events(res.body)).toEqual(expected);
    expect(res.body.total_entries).toBe(expected.length);
  });

  test("ordering: by id by default, -when newest first, by owner then id; limit and offset", async () => {
    const all = await list("?limit=100");
    const total = all.body.total_entries as number;
    expect(total).toBe(recorded.length + 2);
    const newest = await list("?order_by=-when&limit=2");
    expect(events(newest.body)).toEqual(["patch_pool", "post_pool"]);
    expect(newest.body.total_entries).toBe(total);
    const byOwner = await list("?order_by=owner&order_by=-event_log_id&owner_pattern=o");
    expect((byOwner.body.event_logs as Entry[]).map((e) => e.owner)).toEqual([
      "olga",
      "olga",
      "olga",
      "root",
      "root",
      "root",
    ]);
    const page = await list("?limit=2&offset=1");
    expect(events(page.body)).toEqual(["patch_dag", "clear_dag_run"]);
    const logicalDate = await list("?order_by=logical_date&limit=1");
    expect(events(logicalDate.body)).toEqual(["trigger_dag_run"]);
  });

  test.each(["Viewer", "User", "Op", "Admin"] as const)("%s reads the audit log", async (role) => {
    const res = await list("?limit=1", role);
    expect(res.status).toBe(200);
  });

  test("bad parameters: 400 for an unknown order_by, 422 for bad values", async () => {
    const order = await api().as("Viewer").get(`${LIST}?order_by=password`);
    expect(order.status).toBe(400);
    expect(order.body.detail).toBe(
      "Ordering with 'password' is disallowed or the attribute does not exist on the model",
    );
    for (const query of ["?map_index=x", "?before=yesterday", "?limit=-1"]) {
      const res = await list(query);
      expect(res.status).toBe(422);
    }
  });
});

describe("GET /api/v2/eventLogs/{event_log_id}", () => {
  test("one entry", async () => {
    const first = entry("post_connection");
    const res = seen.keep(await api().as("Viewer").get(`${LIST}/${first.event_log_id}`));
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", ONE);
    expect(res.body).toEqual(first);
  });

  test("404 for an unknown id, 422 for one that is not an integer", async () => {
    for (const id of ["999999", "99999999999999999999"]) {
      const res = await api().as("Viewer").get(`${LIST}/${id}`);
      expect(res.status).toBe(404);
      expectMatchesSpec(res, "GET", ONE);
      expect(res.body.detail).toBe(`The Event Log with id: \`${id}\` not found`);
    }
    const bad = await api().as("Viewer").get(`${LIST}/abc`);
    expect(bad.status).toBe(422);
    expectMatchesSpec(bad, "GET", ONE);
  });
});

afterAll(() => {
  expect(seen.size()).toBeGreaterThan(20);
  seen.expectNoSecrets(SECRETS);
});
