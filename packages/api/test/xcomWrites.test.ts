// POST …/taskInstances/{task_id}/xcomEntries and PATCH …/xcomEntries/{xcom_key}: an entry created
// (201 XComResponseNative, any JSON value, a map index) and read back through the existing GETs;
// 409 for an entry that exists; 404s in Airflow's order and words for an unknown DAG, task, run
// or entry; 422 for bad bodies — none of them changing anything. Writes need the User role.
import type { DagCache } from "@updraft/scheduler";
import { useApi } from "./support/apiTest";
import { expectRefusedUnchanged, rolesBelow } from "./support/roles";
import { expectMatchesSpec } from "./support/spec";
import { tableSnapshot } from "./support/tableSnapshot";
import { createRun, expand, storeDags } from "./fixtures/taskInstances/taskInstanceRuns";

const api = useApi();

const LIST = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries";
const ONE = `${LIST}/{xcom_key}`;
const entries = (dagId: string, runId: string, taskId: string) =>
  `/api/v2/dags/${dagId}/dagRuns/${runId}/taskInstances/${taskId}/xcomEntries`;

const xcoms = () =>
  tableSnapshot(
    api().client,
    "select dag_id, run_id, task_id, map_index, key, value, timestamp from xcom order by task_id, map_index, key",
  );

async function create(url: string, body: unknown, role: "User" | "Viewer" = "User") {
  const res = await api()
    .as(role)
    .post(url)
    .send(body as object);
  // Airflow answers an existing entry with 409, which its spec leaves out of this operation: the
  // body is checked as the HTTPExceptionResponse of an operation that declares one.
  if (res.status === 409) expectMatchesSpec(res, "POST", "/api/v2/variables");
  else expectMatchesSpec(res, "POST", LIST);
  return res;
}

async function update(url: string, body: unknown) {
  const res = await api()
    .as("User")
    .patch(url)
    .send(body as object);
  expectMatchesSpec(res, "PATCH", ONE);
  return res;
}

let cache: DagCache;

beforeAll(async () => {
  const { client } = api();
  cache = await storeDags(client);
  await createRun(client, cache, "ti_chain", "w_1", new Date("2026-07-01T00:00:00Z"));
  await createRun(client, cache, "ti_mapped", "wm_1");
  await expand(client, "ti_mapped", "wm_1", "double", 2);
});

describe("POST …/xcomEntries", () => {
  test("creates an entry: 201 XComResponseNative with the value as given", async () => {
    const res = await create(entries("ti_chain", "w_1", "extract"), {
      key: "stats",
      value: { rows: 12, tables: ["a", "b"], ok: true },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      key: "stats",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      logical_date: "2026-07-01T00:00:00Z",
      map_index: -1,
      task_id: "extract",
      dag_id: "ti_chain",
      run_id: "w_1",
      dag_display_name: "Task instance chain",
      task_display_name: "extract",
      run_after: "2026-07-01T00:00:00Z",
      value: { rows: 12, tables: ["a", "b"], ok: true },
    });
    const read = await api()
      .as("Viewer")
      .get(`${entries("ti_chain", "w_1", "extract")}/stats`);
    expectMatchesSpec(read, "GET", ONE);
    expect(read.body.value).toEqual({ rows: 12, tables: ["a", "b"], ok: true });
    const list = await api()
      .as("Viewer")
      .get(entries("ti_chain", "w_1", "~"));
    expectMatchesSpec(list, "GET", LIST);
    expect((list.body.xcom_entries as { key: string }[]).map((x) => x.key)).toEqual(["stats"]);
  });

  test("a null value and a mapped instance's entry", async () => {
    const res = await create(entries("ti_mapped", "wm_1", "double"), {
      key: "return_value",
      value: null,
      map_index: 1,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ map_index: 1, value: null, logical_date: null });
    const read = await api()
      .as("Viewer")
      .get(`${entries("ti_mapped", "wm_1", "double")}/return_value?map_index=1`);
    expect(read.status).toBe(200);
    expect(read.body.value).toBeNull();
    const other = await api()
      .as("Viewer")
      .get(`${entries("ti_mapped", "wm_1", "double")}/return_value?map_index=0`);
    expect(other.status).toBe(404);
  });

  test("409 when the entry exists; the stored value is kept", async () => {
    const url = entries("ti_chain", "w_1", "transform");
    expect((await create(url, { key: "once", value: 1 })).status).toBe(201);
    const before = await xcoms();
    const res = await create(url, { key: "once", value: 2 });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      detail: "The XCom with key: `once` with mentioned task instance already exists.",
    });
    expect(await xcoms()).toEqual(before);
  });

  test.each([
    ["nope", "w_1", "extract", "The Dag with ID: `nope` was not found"],
    ["ti_chain", "w_1", "nope", "Task with ID: `nope` not found in dag: `ti_chain`"],
    ["ti_chain", "nope", "extract", "Dag Run with ID: `nope` not found for dag: `ti_chain`"],
    ["ti_mapped", "w_1", "double", "Dag Run with ID: `w_1` not found for dag: `ti_mapped`"],
  ])("404 for dag %s, run %s, task %s", async (dagId, runId, taskId, detail) => {
    const before = await xcoms();
    const res = await create(entries(dagId, runId, taskId), { key: "k", value: 1 });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail });
    expect(await xcoms()).toEqual(before);
  });

  test.each([
    [{ value: 1 }, ["body", "key"], "Field required"],
    [{ key: "k" }, ["body", "value"], "Field required"],
    [{ key: "", value: 1 }, ["body", "key"], "String should have at least 1 character"],
    [
      { key: "k", value: 1, map_index: -2 },
      ["body", "map_index"],
      "Input should be greater than or equal to -1",
    ],
    [
      { key: "k", value: 1, map_index: "0" },
      ["body", "map_index"],
      "Input should be a valid integer",
    ],
    [{ key: "k", value: 1, dag_id: "x" }, ["body", "dag_id"], "Extra inputs are not permitted"],
  ])("422 for %j", async (body, loc, msg) => {
    const before = await xcoms();
    const res = await create(entries("ti_chain", "w_1", "extract"), body);
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([expect.objectContaining({ loc, msg })]);
    expect(await xcoms()).toEqual(before);
  });
});

describe("PATCH …/xcomEntries/{xcom_key}", () => {
  test("replaces the value; the push time stays", async () => {
    const url = entries("ti_chain", "w_1", "load");
    const created = await create(url, { key: "cursor", value: "2026-07-01" });
    const res = await update(`${url}/cursor`, { value: { at: "2026-07-02", n: 3 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      key: "cursor",
      task_id: "load",
      map_index: -1,
      timestamp: created.body.timestamp,
      value: { at: "2026-07-02", n: 3 },
    });
    const read = await api().as("Viewer").get(`${url}/cursor?stringify=true`);
    expect(JSON.parse(String(read.body.value))).toEqual({ at: "2026-07-02", n: 3 });
  });

  test("map_index picks the entry of a mapped instance", async () => {
    const url = entries("ti_mapped", "wm_1", "double");
    await create(url, { key: "part", value: 0, map_index: 0 });
    await create(url, { key: "part", value: 10, map_index: 1 });
    const res = await update(`${url}/part`, { value: 11, map_index: 1 });
    expect(res.body).toMatchObject({ map_index: 1, value: 11 });
    const zero = await api().as("Viewer").get(`${url}/part?map_index=0`);
    expect(zero.body.value).toBe(0);
  });

  test("404 for an entry that does not exist (another key, map index, task or run)", async () => {
    const before = await xcoms();
    for (const [url, body] of [
      [`${entries("ti_chain", "w_1", "extract")}/missing`, { value: 1 }],
      [`${entries("ti_chain", "w_1", "extract")}/stats`, { value: 1, map_index: 3 }],
      [`${entries("ti_chain", "nope", "extract")}/stats`, { value: 1 }],
    ] as const) {
      const res = await update(url, body);
      expect(res.status).toBe(404);
      expect(res.body.detail).toMatch(
        /^The XCom with key: `\w+` with mentioned task instance doesn't exist\.$/,
      );
    }
    expect(await xcoms()).toEqual(before);
  });

  test("422 for a body without value or with other fields", async () => {
    const before = await xcoms();
    const url = `${entries("ti_chain", "w_1", "extract")}/stats`;
    const missing = await update(url, { map_index: -1 });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toEqual([
      expect.objectContaining({ loc: ["body", "value"], msg: "Field required" }),
    ]);
    const extra = await update(url, { value: 1, key: "other" });
    expect(extra.status).toBe(422);
    expect(await xcoms()).toEqual(before);
  });

  test("a key named dry_run reaches the XCom endpoint, not the task instance dry run", async () => {
    const url = entries("ti_chain", "w_1", "extract");
    await create(url, { key: "dry_run", value: "a" });
    const res = await update(`${url}/dry_run`, { value: "b" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: "dry_run", value: "b" });
  });
});

test("a Viewer cannot write XComs (403); nothing changes", async () => {
  const url = entries("ti_chain", "w_1", "extract");
  await expectRefusedUnchanged(xcoms, "User", async () =>
    Promise.all(
      rolesBelow("User").flatMap((role) => [
        api().as(role).post(url).send({ key: "viewer", value: 1 }),
        api().as(role).patch(`${url}/stats`).send({ value: 0 }),
      ]),
    ),
  );
});
