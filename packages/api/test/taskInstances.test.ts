// Reading task instances: the list (one run, `~` across runs and DAGs, filters, pagination,
// order_by), one instance (unmapped and mapped), listMapped, and the tries from the history —
// every response checked against Airflow's spec, errors included.
import request from "supertest";
import type { DagCache } from "@updraft/scheduler";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";
import {
  createRun,
  expand,
  runTry,
  setStates,
  startRun,
  storeDags,
} from "./fixtures/taskInstances/taskInstanceRuns";

const api = useApi();

const LIST = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances";
const ONE = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}";
const MAPPED_ONE = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/{map_index}";
const LIST_MAPPED = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/listMapped";
const TRIES = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/tries";
const TRY =
  "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/tries/{task_try_number}";
const MAPPED_TRIES =
  "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/{map_index}/tries";
const MAPPED_TRY =
  "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/{map_index}/tries/{task_try_number}";

type Ti = Record<string, unknown>;
const ids = (body: { task_instances: Ti[] }) =>
  body.task_instances.map((ti) =>
    ti.map_index === -1
      ? `${String(ti.dag_run_id)}/${String(ti.task_id)}`
      : `${String(ti.dag_run_id)}/${String(ti.task_id)}[${String(ti.map_index)}]`,
  );

/** GET as a Viewer, checked against the spec's `template`. */
async function get(url: string, template: string) {
  const res = await api().as("Viewer").get(url);
  expectMatchesSpec(res, "GET", template);
  return res;
}

let cache: DagCache;

beforeAll(async () => {
  const { client } = api();
  cache = await storeDags(client);
  await createRun(client, cache, "ti_chain", "run_1", new Date("2026-01-05T00:00:00Z"));
  await createRun(client, cache, "ti_chain", "run_2", new Date("2026-01-06T00:00:00Z"));
  await createRun(client, cache, "ti_mapped", "mapped_run");
  await startRun(client, "ti_chain", "run_1");
  const key = (taskId: string) => ({ dagId: "ti_chain", runId: "run_1", taskId, mapIndex: -1 });
  await runTry(client, key("extract"), "success", ["extracting", "done"]);
  await runTry(client, key("transform"), "up_for_retry", ["boom"]);
  await runTry(client, key("transform"), "failed", ["boom again"]);
  await setStates(client, "ti_chain", "run_1", { load: "upstream_failed" });
  await setStates(client, "ti_chain", "run_2", { extract: "success" });
  await expand(client, "ti_mapped", "mapped_run", "double", 3);
  await setStates(client, "ti_mapped", "mapped_run", {
    numbers: "success",
    "double[0]": "success",
    "double[1]": "failed",
  });
});

describe("GET …/dagRuns/{dag_run_id}/taskInstances", () => {
  test("one run's task instances, with Airflow's fields", async () => {
    const res = await get(
      "/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances?order_by=task_id",
      LIST,
    );
    expect(res.status).toBe(200);
    expect(res.body.total_entries).toBe(3);
    expect(ids(res.body)).toEqual(["run_1/extract", "run_1/load", "run_1/transform"]);
    const [extract, load, transform] = res.body.task_instances as Ti[];
    expect(extract).toMatchObject({
      dag_id: "ti_chain",
      dag_display_name: "Task instance chain",
      task_display_name: "extract",
      state: "success",
      try_number: 1,
      max_tries: 2,
      hostname: "worker-1",
      pid: 4242,
      pool: "default_pool",
      logical_date: "2026-01-05T00:00:00Z",
      run_after: "2026-01-05T00:00:00Z",
      executor_config: "{}",
      dag_version: null,
    });
    expect(typeof extract?.operator_name).toBe("string");
    expect(extract?.start_date).toMatch(/Z$/);
    expect(load).toMatchObject({ state: "upstream_failed", try_number: 0 });
    expect(transform).toMatchObject({ state: "failed", try_number: 2 });
  });

  test("`~` lists across runs and across DAGs", async () => {
    const allRuns = await get("/api/v2/dags/ti_chain/dagRuns/~/taskInstances", LIST);
    expect(allRuns.body.total_entries).toBe(6);
    const everything = await get("/api/v2/dags/~/dagRuns/~/taskInstances?limit=100", LIST);
    expect(everything.body.total_entries).toBe(11);
    const byRunId = await get("/api/v2/dags/~/dagRuns/mapped_run/taskInstances", LIST);
    expect(byRunId.body.total_entries).toBe(5);
  });

  test.each([
    ["state=success", ["run_1/extract", "run_2/extract"]],
    ["state=no_status&state=upstream_failed", ["run_1/load", "run_2/load", "run_2/transform"]],
    ["state=none&task_id=load", ["run_2/load"]],
    ["task_id=transform", ["run_1/transform", "run_2/transform"]],
    ["try_number=2", ["run_1/transform"]],
    ["try_number=0&try_number=1&task_id=extract", ["run_1/extract", "run_2/extract"]],
    ["pool=default_pool&queue=default&task_id=load", ["run_1/load", "run_2/load"]],
    ["pool=other_pool", []],
    ["logical_date_gte=2026-01-06T00:00:00Z&task_id=extract", ["run_2/extract"]],
    ["run_after_lt=2026-01-06&task_id=extract", ["run_1/extract"]],
    [
      "start_date_gte=2000-01-01T00:00:00%2B00:00",
      ["run_1/extract", "run_1/load", "run_1/transform", "run_2/extract"],
    ],
    ["duration_gte=0&state=failed", ["run_1/transform"]],
    ["updated_at_gte=2000-01-01T00:00:00Z&updated_at_lt=2000-01-02T00:00:00Z", []],
    ["run_id_pattern=run_2&task_display_name_pattern=ext", ["run_2/extract"]],
    [
      "task_display_name_pattern=load%20|%20extr&run_id_pattern=_1",
      ["run_1/extract", "run_1/load"],
    ],
    ["map_index=-1&task_id=extract", ["run_1/extract", "run_2/extract"]],
  ])("filter %s", async (filter, expected) => {
    const res = await get(
      `/api/v2/dags/ti_chain/dagRuns/~/taskInstances?${filter}&order_by=run_id&order_by=task_id`,
      LIST,
    );
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expected);
    expect(res.body.total_entries).toBe(expected.length);
  });

  test("map_index and operator filters, on the mapped DAG", async () => {
    const res = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances?map_index=1&map_index=2",
      LIST,
    );
    expect(ids(res.body)).toEqual(["mapped_run/double[1]", "mapped_run/double[2]"]);
    const [first] = res.body.task_instances as Ti[];
    const byOperator = await get(
      `/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances?operator=${encodeURIComponent(String(first?.operator))}&task_id=double`,
      LIST,
    );
    expect(byOperator.body.total_entries).toBe(3);
  });

  test("limit and offset page through total_entries; limit is capped at 100", async () => {
    const base =
      "/api/v2/dags/~/dagRuns/~/taskInstances?order_by=run_id&order_by=task_id&order_by=map_index";
    const first = await get(`${base}&limit=4`, LIST);
    const second = await get(`${base}&limit=4&offset=4`, LIST);
    const rest = await get(`${base}&limit=4&offset=8`, LIST);
    expect([first, second, rest].map((r): unknown => r.body.total_entries)).toEqual([11, 11, 11]);
    const pages = [first, second, rest].flatMap((r) => ids(r.body));
    expect(pages).toHaveLength(11);
    expect(new Set(pages).size).toBe(11);
    expect(pages.slice(0, 5)).toEqual([
      "mapped_run/double[0]",
      "mapped_run/double[1]",
      "mapped_run/double[2]",
      "mapped_run/numbers",
      "mapped_run/total",
    ]);
    const capped = await get(`${base}&limit=1000`, LIST);
    expect(capped.body.task_instances).toHaveLength(11);
    const none = await get(`${base}&limit=0`, LIST);
    expect(none.body).toEqual({ task_instances: [], total_entries: 11 });
  });

  test("order_by: descending, several criteria, nulls last, the default map_index", async () => {
    const byStart = await get(
      "/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances?order_by=-start_date",
      LIST,
    );
    // Marking load upstream_failed gave it a start date, after transform's second try.
    expect(ids(byStart.body)).toEqual(["run_1/load", "run_1/transform", "run_1/extract"]);
    const byState = await get(
      "/api/v2/dags/ti_chain/dagRuns/~/taskInstances?order_by=state,-logical_date&order_by=task_id",
      LIST,
    );
    expect(ids(byState.body)).toEqual([
      "run_1/transform",
      "run_2/extract",
      "run_1/extract",
      "run_1/load",
      "run_2/load",
      "run_2/transform",
    ]);
    const byDefault = await get("/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances", LIST);
    expect((byDefault.body.task_instances as Ti[]).map((ti) => ti.map_index)).toEqual([
      -1, -1, 0, 1, 2,
    ]);
  });

  test("order_by an attribute Airflow does not allow, or more than ten, is a 400", async () => {
    const unknown = await get(
      "/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances?order_by=hostname",
      LIST,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toBe(
      "Ordering with 'hostname' is disallowed or the attribute does not exist on the model",
    );
    const many = await get(
      `/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances?${Array.from({ length: 11 }, () => "order_by=state").join("&")}`,
      LIST,
    );
    expect(many.status).toBe(400);
  });

  test("bad query values are a 422 in pydantic's shape", async () => {
    const cases: [string, string][] = [
      ["state=done", "state"],
      ["limit=-1", "limit"],
      ["offset=x", "offset"],
      ["try_number=one", "try_number"],
      ["start_date_gte=yesterday", "start_date_gte"],
      ["duration_lt=long", "duration_lt"],
    ];
    for (const [query, field] of cases) {
      const res = await get(`/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances?${query}`, LIST);
      expect([query, res.status]).toEqual([query, 422]);
      // A repeatable parameter's item is named by its position too, as pydantic does.
      const loc = res.body.detail[0].loc as unknown[];
      expect(loc.slice(0, 2)).toEqual(["query", field]);
    }
  });

  test("an unknown run or DAG is a 404 with Airflow's words; SQL in ids changes nothing", async () => {
    const noRun = await get("/api/v2/dags/ti_chain/dagRuns/nope/taskInstances", LIST);
    expect(noRun.status).toBe(404);
    expect(noRun.body).toEqual({ detail: "DagRun with run_id: `nope` was not found" });
    const otherDagsRun = await get("/api/v2/dags/ti_chain/dagRuns/mapped_run/taskInstances", LIST);
    expect(otherDagsRun.status).toBe(404);
    const noDag = await get("/api/v2/dags/nope/dagRuns/~/taskInstances", LIST);
    expect(noDag.status).toBe(404);
    expect(noDag.body).toEqual({ detail: "The Dag with ID: `nope` was not found" });
    const evil = encodeURIComponent("a'; drop table task_instance; --");
    const injected = await get(`/api/v2/dags/${evil}/dagRuns/${evil}/taskInstances`, LIST);
    expect(injected.status).toBe(404);
    const count = await api().client.query("select count(*)::int as n from task_instance");
    expect(count.rows[0]?.n).toBe(11);
  });

  test("without a token: 401", async () => {
    const res = await request(api().app).get("/api/v2/dags/~/dagRuns/~/taskInstances");
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "GET", LIST);
  });
});

describe("GET one task instance", () => {
  test("an unmapped one by task_id", async () => {
    const res = await get("/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances/transform", ONE);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      task_id: "transform",
      dag_run_id: "run_1",
      map_index: -1,
      state: "failed",
      try_number: 2,
      rendered_fields: {},
    });
  });

  test("a mapped task needs its map index; with it, one instance", async () => {
    const noIndex = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double",
      ONE,
    );
    expect(noIndex.status).toBe(404);
    expect(noIndex.body).toEqual({
      detail: "Task instance is mapped, add the map_index value to the URL",
    });
    const one = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/1",
      MAPPED_ONE,
    );
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ task_id: "double", map_index: 1, state: "failed" });
  });

  test("404s and a 422 for a map index that is not a number", async () => {
    const missing = await get("/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances/nope", ONE);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe(
      "The Task Instance with dag_id: `ti_chain`, run_id: `run_1` and task_id: `nope` was not found",
    );
    const noIndex = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/7",
      MAPPED_ONE,
    );
    expect(noIndex.status).toBe(404);
    expect(noIndex.body.detail).toBe(
      "The Mapped Task Instance with dag_id: `ti_mapped`, run_id: `mapped_run`, task_id: `double`, and map_index: `7` was not found",
    );
    const bad = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/first",
      MAPPED_ONE,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["path", "map_index"]);
  });
});

describe("GET …/{task_id}/listMapped", () => {
  test("the mapped instances, filtered and ordered as the list is", async () => {
    const all = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/listMapped",
      LIST_MAPPED,
    );
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual([
      "mapped_run/double[0]",
      "mapped_run/double[1]",
      "mapped_run/double[2]",
    ]);
    const failed = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/listMapped?state=failed&order_by=-map_index",
      LIST_MAPPED,
    );
    expect(ids(failed.body)).toEqual(["mapped_run/double[1]"]);
    const filteredOut = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/listMapped?state=skipped",
      LIST_MAPPED,
    );
    expect(filteredOut.body).toEqual({ task_instances: [], total_entries: 0 });
  });

  test("a task that is not mapped, or not in the DAG, is a 404", async () => {
    const unmapped = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/numbers/listMapped",
      LIST_MAPPED,
    );
    expect(unmapped.status).toBe(404);
    expect(unmapped.body).toEqual({ detail: "Task id numbers is not mapped" });
    const unknown = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/nope/listMapped",
      LIST_MAPPED,
    );
    expect(unknown.body).toEqual({ detail: "Task id nope not found" });
  });
});

describe("tries", () => {
  test("every try of a task instance, from its history and its current row", async () => {
    const res = await get(
      "/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances/transform/tries",
      TRIES,
    );
    expect(res.status).toBe(200);
    expect(res.body.total_entries).toBe(2);
    expect(
      (res.body.task_instances as Ti[]).map((t) => [t.try_number, t.state, t.hostname]),
    ).toEqual([
      [1, "up_for_retry", "worker-1"],
      [2, "failed", "worker-1"],
    ]);
    const never = await get("/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances/load/tries", TRIES);
    expect((never.body.task_instances as Ti[]).map((t) => [t.try_number, t.state])).toEqual([
      [0, "upstream_failed"],
    ]);
  });

  test("one try; a try that never was is a 404", async () => {
    const first = await get(
      "/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances/transform/tries/1",
      TRY,
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ try_number: 1, state: "up_for_retry", max_tries: 2 });
    const missing = await get(
      "/api/v2/dags/ti_chain/dagRuns/run_1/taskInstances/transform/tries/5",
      TRY,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe(
      "The Task Instance with dag_id: `ti_chain`, run_id: `run_1`, task_id: `transform`, try_number: `5` and map_index: `-1` was not found",
    );
  });

  test("a mapped instance's tries, by map index in the path", async () => {
    const res = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/2/tries",
      MAPPED_TRIES,
    );
    expect((res.body.task_instances as Ti[]).map((t) => [t.map_index, t.try_number])).toEqual([
      [2, 0],
    ]);
    const one = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/2/tries/0",
      MAPPED_TRY,
    );
    expect(one.status).toBe(200);
    const unknown = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/9/tries",
      MAPPED_TRIES,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe(
      "The Task Instance with dag_id: `ti_mapped`, run_id: `mapped_run`, task_id: `double` and map_index: `9` was not found",
    );
    const bad = await get(
      "/api/v2/dags/ti_mapped/dagRuns/mapped_run/taskInstances/double/2/tries/last",
      MAPPED_TRY,
    );
    expect(bad.status).toBe(422);
  });
});
