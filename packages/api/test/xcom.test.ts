// XCom entries of task instances: the list (no values; `~` across DAGs, runs and tasks; key and
// map_index filters; limit/offset) and one entry with its value, natively or as a string; 404s
// and 422s in Airflow's shapes.
import type { DagCache } from "@updraft/scheduler";
import { setXcom } from "@updraft/store";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";
import { createRun, expand, snapshot, storeDags } from "./fixtures/taskInstances/taskInstanceRuns";

const api = useApi();

const LIST = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries";
const ONE =
  "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries/{xcom_key}";

type Entry = Record<string, unknown>;
const keys = (body: { xcom_entries: Entry[] }) =>
  body.xcom_entries.map(
    (x) => `${String(x.run_id)}/${String(x.task_id)}[${String(x.map_index)}]/${String(x.key)}`,
  );

async function get(url: string, template: string) {
  const res = await api().as("Viewer").get(url);
  expectMatchesSpec(res, "GET", template);
  return res;
}

let cache: DagCache;

beforeAll(async () => {
  const { client } = api();
  cache = await storeDags(client);
  await createRun(client, cache, "ti_chain", "x_1", new Date("2026-06-01T00:00:00Z"));
  await createRun(client, cache, "ti_chain", "x_2", new Date("2026-06-02T00:00:00Z"));
  await createRun(client, cache, "ti_mapped", "xm_1");
  await expand(client, "ti_mapped", "xm_1", "double", 2);
  const at = new Date("2026-06-01T01:02:03.456Z");
  const push = (runId: string, taskId: string, key: string, value: unknown, mapIndex = -1) =>
    setXcom(client, {
      dagId: runId.startsWith("xm") ? "ti_mapped" : "ti_chain",
      runId,
      taskId,
      key,
      value,
      mapIndex,
      now: at,
    });
  await push("x_1", "extract", "return_value", 1);
  await push("x_1", "extract", "stats", { rows: 10, tables: ["a", "b"] });
  await push("x_1", "transform", "return_value", "two");
  await push("x_2", "extract", "return_value", null);
  await push("xm_1", "double", "return_value", 2, 0);
  await push("xm_1", "double", "return_value", 4, 1);
});

describe("GET …/xcomEntries", () => {
  test("one task instance's entries, without values", async () => {
    const res = await get(
      "/api/v2/dags/ti_chain/dagRuns/x_1/taskInstances/extract/xcomEntries",
      LIST,
    );
    expect(res.status).toBe(200);
    expect(res.body.total_entries).toBe(2);
    expect(keys(res.body)).toEqual(["x_1/extract[-1]/return_value", "x_1/extract[-1]/stats"]);
    expect(res.body.xcom_entries[0]).toEqual({
      key: "return_value",
      timestamp: "2026-06-01T01:02:03.456000Z",
      logical_date: "2026-06-01T00:00:00Z",
      map_index: -1,
      task_id: "extract",
      dag_id: "ti_chain",
      run_id: "x_1",
      dag_display_name: "Task instance chain",
      task_display_name: "extract",
      run_after: "2026-06-01T00:00:00Z",
    });
  });

  test("`~` across tasks, runs and DAGs; xcom_key and map_index filters", async () => {
    const run = await get("/api/v2/dags/ti_chain/dagRuns/x_1/taskInstances/~/xcomEntries", LIST);
    expect(run.body.total_entries).toBe(3);
    const all = await get("/api/v2/dags/~/dagRuns/~/taskInstances/~/xcomEntries", LIST);
    expect(all.body.total_entries).toBe(6);
    const byKey = await get(
      "/api/v2/dags/~/dagRuns/~/taskInstances/~/xcomEntries?xcom_key=stats",
      LIST,
    );
    expect(keys(byKey.body)).toEqual(["x_1/extract[-1]/stats"]);
    const mapped = await get(
      "/api/v2/dags/ti_mapped/dagRuns/xm_1/taskInstances/double/xcomEntries?map_index=1",
      LIST,
    );
    expect(keys(mapped.body)).toEqual(["xm_1/double[1]/return_value"]);
    expect(mapped.body.xcom_entries[0]).toMatchObject({
      dag_display_name: "ti_mapped",
      logical_date: null,
    });
  });

  test("limit and offset", async () => {
    const base = "/api/v2/dags/~/dagRuns/~/taskInstances/~/xcomEntries";
    const first = await get(`${base}?limit=4`, LIST);
    const rest = await get(`${base}?limit=4&offset=4`, LIST);
    expect(first.body.xcom_entries).toHaveLength(4);
    expect(rest.body.xcom_entries).toHaveLength(2);
    expect(rest.body.total_entries).toBe(6);
    expect(new Set([...keys(first.body), ...keys(rest.body)]).size).toBe(6);
  });

  test("no such DAG, run or task: an empty list, as in Airflow; SQL in ids changes nothing", async () => {
    const before = await snapshot(api().client);
    const evil = encodeURIComponent("a'; delete from xcom; --");
    const res = await get(
      `/api/v2/dags/${evil}/dagRuns/${evil}/taskInstances/${evil}/xcomEntries`,
      LIST,
    );
    expect(res.body).toEqual({ xcom_entries: [], total_entries: 0 });
    expect(await snapshot(api().client)).toEqual(before);
  });

  test("bad map_index or limit: 422", async () => {
    for (const [query, field] of [
      ["map_index=-2", "map_index"],
      ["map_index=one", "map_index"],
      ["limit=-5", "limit"],
    ]) {
      const res = await get(`/api/v2/dags/~/dagRuns/~/taskInstances/~/xcomEntries?${query}`, LIST);
      expect([query, res.status, res.body.detail[0].loc]).toEqual([query, 422, ["query", field]]);
    }
  });
});

describe("GET …/xcomEntries/{xcom_key}", () => {
  const url = (path: string) => `/api/v2/dags/ti_chain/dagRuns/x_1/taskInstances/${path}`;

  test("the value, natively", async () => {
    const one = await get(url("extract/xcomEntries/return_value"), ONE);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ key: "return_value", task_id: "extract", value: 1 });
    const stats = await get(url("extract/xcomEntries/stats?deserialize=true"), ONE);
    expect(stats.body.value).toEqual({ rows: 10, tables: ["a", "b"] });
    const nothing = await get(
      "/api/v2/dags/ti_chain/dagRuns/x_2/taskInstances/extract/xcomEntries/return_value",
      ONE,
    );
    expect(nothing.body.value).toBeNull();
  });

  test("stringify: the JSON text (a string as it is)", async () => {
    const stats = await get(url("extract/xcomEntries/stats?stringify=true"), ONE);
    expect(stats.body.value).toBe('{"rows":10,"tables":["a","b"]}');
    const text = await get(url("transform/xcomEntries/return_value?stringify=true"), ONE);
    expect(text.body.value).toBe("two");
    const number = await get(url("extract/xcomEntries/return_value?stringify=1"), ONE);
    expect(number.body.value).toBe("1");
  });

  test("a mapped instance's value by map_index", async () => {
    const res = await get(
      "/api/v2/dags/ti_mapped/dagRuns/xm_1/taskInstances/double/xcomEntries/return_value?map_index=1",
      ONE,
    );
    expect(res.body).toMatchObject({ map_index: 1, value: 4 });
  });

  test("404 for an unknown key, index, task or run; 422 for bad parameters", async () => {
    for (const path of [
      url("extract/xcomEntries/nope"),
      url("extract/xcomEntries/return_value?map_index=3"),
      url("load/xcomEntries/return_value"),
      `/api/v2/dags/ti_chain/dagRuns/${encodeURIComponent("x'; --")}/taskInstances/extract/xcomEntries/return_value`,
    ]) {
      const res = await get(path, ONE);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body.detail).toMatch(/^XCom entry with key: `.*` not found$/);
    }
    for (const [query, field] of [
      ["map_index=-3", "map_index"],
      ["stringify=perhaps", "stringify"],
      ["deserialize=2", "deserialize"],
    ]) {
      const res = await get(url(`extract/xcomEntries/return_value?${query}`), ONE);
      expect([query, res.status, res.body.detail[0].loc]).toEqual([query, 422, ["query", field]]);
    }
  });
});
