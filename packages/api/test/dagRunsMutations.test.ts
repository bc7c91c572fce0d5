// Changing DAG runs: trigger (POST …/dagRuns), mark and annotate (PATCH), delete, and clear —
// what each writes, the role each needs (a Viewer gets 403 and nothing changes), and the input
// each refuses (wrong types, unknown fields, a body over the 1 MB limit, SQL meta-characters in
// ids) with nothing changed. Every response is checked against Airflow's OpenAPI file.
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import request from "supertest";
import { useApi } from "./support/apiTest";
import { rolesFrom } from "./support/roles";
import { expectMatchesSpec } from "./support/spec";
import { tableSnapshot } from "./support/tableSnapshot";

const api = useApi();
const FIXTURES = path.join(__dirname, "fixtures", "dagRuns");
const LIST = "/api/v2/dags/{dag_id}/dagRuns";
const ONE = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}";
const CLEAR = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/clear";

beforeAll(async () => {
  await processDagsFolder(api().client, { dagsFolder: FIXTURES });
});

/** Every run and task instance, to show that a refused request changed nothing. */
const snapshot = () =>
  tableSnapshot(
    api().client,
    "select * from dag_run order by id",
    "select * from task_instance order by dag_id, run_id, task_id",
  );

async function trigger(dagId: string, body: Record<string, unknown>) {
  const res = await api().as("User").post(`/api/v2/dags/${dagId}/dagRuns`).send(body);
  expectMatchesSpec(res, "POST", LIST);
  return res;
}

const runUrl = (dagId: string, runId: string) =>
  `/api/v2/dags/${encodeURIComponent(dagId)}/dagRuns/${encodeURIComponent(runId)}`;

async function taskStates(dagId: string, runId: string): Promise<Record<string, string | null>> {
  const result = await api().client.query<{ task_id: string; state: string | null }>(
    "select task_id, state from task_instance where dag_id = $1 and run_id = $2",
    [dagId, runId],
  );
  return Object.fromEntries(result.rows.map((r) => [r.task_id, r.state]));
}

async function setTaskStates(dagId: string, runId: string, states: Record<string, string | null>) {
  for (const [taskId, state] of Object.entries(states))
    await api().client.query(
      `update task_instance set state = $4::text,
         start_date = case when $4::text is null then null else now() end
       where dag_id = $1 and run_id = $2 and task_id = $3`,
      [dagId, runId, taskId, state],
    );
}

const taskIds = (body: { task_instances: { task_id: string }[] }) =>
  body.task_instances.map((ti) => ti.task_id);

async function runState(dagId: string, runId: string): Promise<string | undefined> {
  const result = await api().client.query<{ state: string }>(
    "select state from dag_run where dag_id = $1 and run_id = $2",
    [dagId, runId],
  );
  return result.rows[0]?.state;
}

describe("POST /api/v2/dags/{dag_id}/dagRuns (trigger)", () => {
  test("a User triggers a queued manual run, triggered_by rest_api, with its task instances", async () => {
    const res = await trigger("api_params", {
      logical_date: null,
      dag_run_id: "by_api",
      conf: { limit: 7 },
      note: "from the test",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dag_run_id: "by_api",
      dag_id: "api_params",
      logical_date: null,
      data_interval_start: null,
      data_interval_end: null,
      run_type: "manual",
      state: "queued",
      triggered_by: "rest_api",
      conf: { limit: 7 },
      note: "from the test",
      dag_display_name: "api_params",
    });
    expect(res.body.queued_at).toEqual(expect.any(String));
    expect(await taskStates("api_params", "by_api")).toEqual({ noop: null });
  });

  test("a generated run id; a logical date gives the timetable's interval, or the one asked for", async () => {
    const generated = await trigger("api_other", { logical_date: null });
    expect(generated.status).toBe(200);
    expect(generated.body.dag_run_id).toMatch(/^manual__\d{4}-\d{2}-\d{2}T/);
    const dated = await trigger("api_daily", {
      logical_date: "2026-01-05T00:00:00Z",
      dag_run_id: "dated",
    });
    expect(dated.status).toBe(200);
    expect(dated.body).toMatchObject({
      logical_date: "2026-01-05T00:00:00Z",
      // Airflow 3's @daily is a CronTriggerTimetable: a manual run's interval has no length.
      data_interval_start: "2026-01-05T00:00:00Z",
      data_interval_end: "2026-01-05T00:00:00Z",
    });
    const explicit = await trigger("api_daily", {
      logical_date: "2026-01-07T00:00:00+00:00",
      data_interval_start: "2026-01-01T00:00:00Z",
      data_interval_end: "2026-01-07T00:00:00Z",
      run_after: "2026-01-08T00:00:00",
      dag_run_id: "explicit",
    });
    expect(explicit.status).toBe(200);
    expect(explicit.body).toMatchObject({
      logical_date: "2026-01-07T00:00:00Z",
      data_interval_start: "2026-01-01T00:00:00Z",
      data_interval_end: "2026-01-07T00:00:00Z",
      run_after: "2026-01-08T00:00:00Z",
    });
    const stored = await api().as("Viewer").get(runUrl("api_daily", "explicit"));
    expect(stored.body.data_interval_start).toBe("2026-01-01T00:00:00Z");
  });

  test("an existing run id or logical date is a 409; an unknown DAG a 404", async () => {
    const before = await snapshot();
    const dup = await trigger("api_params", { logical_date: null, dag_run_id: "by_api" });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toBe(
      "A DAG Run of DAG 'api_params' with run_id 'by_api' already exists",
    );
    const sameDate = await trigger("api_daily", { logical_date: "2026-01-05T00:00:00Z" });
    expect(sameDate.status).toBe(409);
    expect(sameDate.body.detail).toMatch(/with logical_date '2026-01-05T00:00:00.000Z'/);
    const unknown = await trigger("nope", { logical_date: null });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ detail: "DAG with dag_id: 'nope' not found" });
    expect(await snapshot()).toEqual(before);
  });

  test("params, run ids and dates the trigger refuses are 400s, and nothing is written", async () => {
    const before = await snapshot();
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ["api_params", { logical_date: null, conf: { limit: 0 } }, /limit/],
      ["api_params", { logical_date: null, conf: { limit: "many" } }, /limit/],
      ["api_chain", { logical_date: null, dag_run_id: "a'; drop table dag; --" }, /does not match/],
      ["api_chain", { logical_date: null, dag_run_id: "x".repeat(251) }, /at most 250/],
      ["api_chain", { logical_date: "2999-01-01T00:00:00Z" }, /must not be in the future/],
      ["api_chain", { logical_date: null, partition_key: "p1" }, /partition/],
    ];
    for (const [dagId, body, message] of cases) {
      const res = await trigger(dagId, body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.body.detail).toMatch(message);
    }
    await api().client.query("update dag set has_import_errors = true where dag_id = 'api_other'");
    const broken = await trigger("api_other", { logical_date: null });
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toBe(
      "DAG with dag_id: 'api_other' has import errors and cannot be triggered",
    );
    await api().client.query("update dag set has_import_errors = false where dag_id = 'api_other'");
    expect(await snapshot()).toEqual(before);
    expect((await api().client.query("select 1 from dag")).rowCount).toBe(4);
  });

  test("a body Airflow's pydantic model refuses is a 422 naming the field", async () => {
    const before = await snapshot();
    const cases: [unknown, (string | number)[]][] = [
      [{}, ["body", "logical_date"]],
      [{ logical_date: null, conf: [1, 2] }, ["body", "conf"]],
      [{ logical_date: null, conf: "{}" }, ["body", "conf"]],
      [{ logical_date: null, note: 5 }, ["body", "note"]],
      [{ logical_date: null, dag_run_id: 7 }, ["body", "dag_run_id"]],
      [{ logical_date: "2026-01-01T00:00:00" }, ["body", "logical_date"]],
      [{ logical_date: "soon" }, ["body", "logical_date"]],
      [{ logical_date: null, run_after: "later" }, ["body", "run_after"]],
      [{ logical_date: null, execution_date: "2026-01-01T00:00:00Z" }, ["body", "execution_date"]],
      [
        { logical_date: "2026-01-01T00:00:00Z", data_interval_start: "2026-01-01T00:00:00Z" },
        ["body"],
      ],
      [[{ logical_date: null }], ["body"]],
    ];
    for (const [body, loc] of cases) {
      const res = await trigger("api_chain", body as Record<string, unknown>);
      expect([body, res.status]).toEqual([body, 422]);
      expect([body, res.body.detail[0].loc]).toEqual([body, loc]);
    }
    const notJson = await api()
      .as("User")
      .post("/api/v2/dags/api_chain/dagRuns")
      .set("Content-Type", "application/json")
      .send("{nope");
    expect(notJson.status).toBe(422);
    expectMatchesSpec(notJson, "POST", LIST);
    expect(await snapshot()).toEqual(before);
  });

  test("a conf over the 1 MB body limit is a 413, and nothing is written", async () => {
    const before = await snapshot();
    const res = await api()
      .as("User")
      .post("/api/v2/dags/api_chain/dagRuns")
      .send({ logical_date: null, conf: { blob: "x".repeat(1_100_000) } });
    expect(res.status).toBe(413);
    // Airflow's spec declares no 413 (its server answers before the app): the body is
    // Airflow's HTTPExceptionResponse, checked through the operation's 400.
    expect(res.body).toEqual({ detail: "Request body too large" });
    expectMatchesSpec({ status: 400, body: res.body }, "POST", LIST);
    expect(await snapshot()).toEqual(before);
  });

  test("a Viewer gets 403 and no run; without a token 401", async () => {
    const before = await snapshot();
    const res = await api()
      .as("Viewer")
      .post("/api/v2/dags/api_chain/dagRuns")
      .send({ logical_date: null, dag_run_id: "viewer_try" });
    expect(res.status).toBe(403);
    expectMatchesSpec(res, "POST", LIST);
    const anonymous = await request(api().app)
      .post("/api/v2/dags/api_chain/dagRuns")
      .send({ logical_date: null });
    expect(anonymous.status).toBe(401);
    expectMatchesSpec(anonymous, "POST", LIST);
    expect(await snapshot()).toEqual(before);
    for (const role of rolesFrom("Op")) {
      const ok = await api()
        .as(role)
        .post("/api/v2/dags/api_chain/dagRuns")
        .send({ logical_date: null, dag_run_id: `by_${role}` });
      expect([role, ok.status]).toEqual([role, 200]);
    }
  });
});

describe("PATCH /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}", () => {
  async function patch(runId: string, body: unknown, query = "", role: "User" | "Viewer" = "User") {
    const res = await api()
      .as(role)
      .patch(`${runUrl("api_chain", runId)}${query}`)
      .send(body as object);
    expectMatchesSpec(res, "PATCH", ONE);
    return res;
  }

  beforeAll(async () => {
    for (const runId of ["to_success", "to_failed", "to_queued", "noted"])
      expect((await trigger("api_chain", { logical_date: null, dag_run_id: runId })).status).toBe(
        200,
      );
  });

  test("success: the run and every task instance not in success become success", async () => {
    await setTaskStates("api_chain", "to_success", { extract: "failed", transform: "running" });
    const res = await patch("to_success", { state: "success" });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe("success");
    expect(res.body.end_date).toEqual(expect.any(String));
    expect(await taskStates("api_chain", "to_success")).toEqual({
      extract: "success",
      transform: "success",
      load: "success",
    });
  });

  test("failed: running instances fail, unfinished ones are skipped, finished ones stay", async () => {
    await setTaskStates("api_chain", "to_failed", { extract: "success", transform: "running" });
    const res = await patch("to_failed", { state: "failed" });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe("failed");
    expect(await taskStates("api_chain", "to_failed")).toEqual({
      extract: "success",
      transform: "failed",
      load: "skipped",
    });
  });

  test("queued: only the run; the note is set, and update_mask limits what changes", async () => {
    await setTaskStates("api_chain", "to_queued", { extract: "success" });
    await api().client.query("update dag_run set state = 'failed' where run_id = 'to_queued'");
    const res = await patch("to_queued", { state: "queued", note: "again" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: "queued", note: "again", end_date: null });
    expect(await taskStates("api_chain", "to_queued")).toEqual({
      extract: "success",
      transform: null,
      load: null,
    });
    const masked = await patch(
      "noted",
      { state: "failed", note: "only this" },
      "?update_mask=note",
    );
    expect(masked.body).toMatchObject({ state: "queued", note: "only this" });
    const cleared = await patch("noted", { note: null });
    expect(cleared.body.note).toBeNull();
    const nothing = await patch("noted", {});
    expect(nothing.body).toMatchObject({ state: "queued", note: null });
  });

  test("refused: a Viewer (403), an unknown run (404), a bad body (422) — nothing changes", async () => {
    const before = await snapshot();
    const viewer = await patch("noted", { state: "success" }, "", "Viewer");
    expect(viewer.status).toBe(403);
    const unknown = await patch("nope", { state: "success" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe(
      "The DagRun with dag_id: `api_chain` and run_id: `nope` was not found",
    );
    const meta = await patch("x'; update dag_run set state = 'failed'; --", { state: "success" });
    expect(meta.status).toBe(404);
    for (const body of [
      { state: "running" },
      { state: 1 },
      { note: 5 },
      { note: "n".repeat(1001) },
      { state: "success", end_date: "2026-01-01T00:00:00Z" },
      "success",
    ]) {
      const res = await patch("noted", body);
      expect([body, res.status]).toEqual([body, 422]);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("DELETE /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}", () => {
  test("a User deletes a run and its task instances; then it is a 404", async () => {
    expect((await trigger("api_chain", { logical_date: null, dag_run_id: "doomed" })).status).toBe(
      200,
    );
    const viewer = await api().as("Viewer").delete(runUrl("api_chain", "doomed"));
    expect(viewer.status).toBe(403);
    expectMatchesSpec(viewer, "DELETE", ONE);
    expect(await runState("api_chain", "doomed")).toBe("queued");
    const res = await api().as("User").delete(runUrl("api_chain", "doomed"));
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(await runState("api_chain", "doomed")).toBeUndefined();
    expect(await taskStates("api_chain", "doomed")).toEqual({});
    const again = await api().as("User").delete(runUrl("api_chain", "doomed"));
    expect(again.status).toBe(404);
    expectMatchesSpec(again, "DELETE", ONE);
  });

  test("SQL meta-characters in ids are a 404, and nothing is deleted", async () => {
    const before = await snapshot();
    for (const [dagId, runId] of [
      ["api_chain", "' or '1'='1"],
      ["' or '1'='1", "by_api"],
      ["api_chain", "%"],
    ]) {
      const res = await api().as("User").delete(runUrl(dagId!, runId!));
      expect(res.status).toBe(404);
      expectMatchesSpec(res, "DELETE", ONE);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("POST /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/clear", () => {
  async function clear(runId: string, body: unknown, role: "User" | "Viewer" = "User") {
    const res = await api()
      .as(role)
      .post(`${runUrl("api_chain", runId)}/clear`)
      .send(body as object);
    expectMatchesSpec(res, "POST", CLEAR);
    return res;
  }

  beforeAll(async () => {
    expect(
      (await trigger("api_chain", { logical_date: null, dag_run_id: "to_clear" })).status,
    ).toBe(200);
    await setTaskStates("api_chain", "to_clear", {
      extract: "success",
      transform: "failed",
      load: "upstream_failed",
    });
    await api().client.query(
      "update dag_run set state = 'failed', end_date = now() where run_id = 'to_clear'",
    );
  });

  test("dry run (the default): the task instances that would be cleared, nothing changed", async () => {
    const before = await snapshot();
    const all = await clear("to_clear", {});
    expect(all.status).toBe(200);
    expect(all.body.total_entries).toBe(3);
    expect(taskIds(all.body)).toEqual(["extract", "load", "transform"]);
    expect(all.body.task_instances[0]).toMatchObject({
      dag_id: "api_chain",
      dag_run_id: "to_clear",
      map_index: -1,
      state: "success",
      operator: "EmptyOperator",
      pool: "default_pool",
      executor_config: "{}",
      dag_display_name: "api_chain",
    });
    const failed = await clear("to_clear", { only_failed: true, dry_run: true });
    expect(taskIds(failed.body)).toEqual(["load", "transform"]);
    expect(await snapshot()).toEqual(before);
  });

  test("refused: a Viewer (403), an unknown run (404), a bad body (422) — nothing changes", async () => {
    const before = await snapshot();
    expect((await clear("to_clear", { dry_run: false }, "Viewer")).status).toBe(403);
    const unknown = await clear("nope", { dry_run: false });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe(
      "The DagRun with dag_id: `api_chain` and run_id: `nope` was not found",
    );
    for (const body of [
      { dry_run: "no" },
      { only_failed: 1 },
      { dry_run: false, task_ids: ["x"] },
    ]) {
      const res = await clear("to_clear", body);
      expect([body, res.status]).toEqual([body, 422]);
    }
    expect(await snapshot()).toEqual(before);
  });

  test("clearing only the failed: those lose their state, the run is queued again", async () => {
    const res = await clear("to_clear", { dry_run: false, only_failed: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dag_run_id: "to_clear", state: "queued", end_date: null });
    expect(await taskStates("api_chain", "to_clear")).toEqual({
      extract: "success",
      transform: null,
      load: null,
    });
  });
});
