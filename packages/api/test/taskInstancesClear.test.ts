// POST /dags/{dag_id}/clearTaskInstances: the dry run (the default) lists and changes nothing;
// a real clear gives the instances no status (a running one `restarting`) and re-queues their
// runs unless reset_dag_runs is false; runs by id, by logical date range and with past/future;
// tasks with their downstream, mapped instances by [task_id, map_index]; only failed / only
// running; Viewers and bad bodies refused with nothing changed.
import type { DagCache } from "@updraft/scheduler";
import { useApi } from "./support/apiTest";
import { expectRefusedUnchanged } from "./support/roles";
import { expectMatchesSpec } from "./support/spec";
import {
  createRun,
  expand,
  runStateOf,
  runTry,
  setRunState,
  setStates,
  snapshot,
  startRun,
  statesOf,
  storeDags,
} from "./fixtures/taskInstances/taskInstanceRuns";

const api = useApi();

const CLEAR = "/api/v2/dags/{dag_id}/clearTaskInstances";

type Ti = Record<string, unknown>;
const listed = (body: { task_instances: Ti[] }) =>
  body.task_instances.map((ti) => {
    const index = ti.map_index === -1 ? "" : `[${String(ti.map_index)}]`;
    return `${String(ti.dag_run_id)}/${String(ti.task_id)}${index} ${String(ti.state)}`;
  });

/** POST a clear of `dagId` as `role`, checked against the spec. */
async function clear(body: unknown, dagId = "ti_chain", role: "User" | "Viewer" = "User") {
  const res = await api()
    .as(role)
    .post(`/api/v2/dags/${dagId}/clearTaskInstances`)
    .send(body as object);
  expectMatchesSpec(res, "POST", CLEAR);
  return res;
}

let cache: DagCache;

beforeAll(async () => {
  const { client } = api();
  cache = await storeDags(client);
  for (const [runId, day] of [
    ["c_1", "01"],
    ["c_2", "02"],
    ["c_3", "03"],
  ] as const)
    await createRun(client, cache, "ti_chain", runId, new Date(`2026-04-${day}T00:00:00Z`));
  await createRun(client, cache, "ti_chain", "c_manual", null, new Date("2026-05-01T00:00:00Z"));
  await createRun(client, cache, "ti_mapped", "mm_1");
  await setStates(client, "ti_chain", "c_1", {
    extract: "success",
    transform: "failed",
    load: "upstream_failed",
  });
  await setStates(client, "ti_chain", "c_2", {
    extract: "failed",
    transform: "upstream_failed",
    load: "upstream_failed",
  });
  await setStates(client, "ti_chain", "c_manual", { extract: "failed" });
  for (const runId of ["c_1", "c_2", "c_manual"])
    await setRunState(client, "ti_chain", runId, "failed");
  await startRun(client, "ti_chain", "c_3");
  await setStates(client, "ti_chain", "c_3", { extract: "success" });
  await runTry(
    client,
    { dagId: "ti_chain", runId: "c_3", taskId: "transform", mapIndex: -1 },
    "running",
  );
  await expand(client, "ti_mapped", "mm_1", "double", 3);
  await setStates(client, "ti_mapped", "mm_1", {
    numbers: "success",
    "double[0]": "failed",
    "double[1]": "failed",
    "double[2]": "success",
  });
  await setRunState(client, "ti_mapped", "mm_1", "failed");
});

describe("refused, with nothing changed", () => {
  test("a Viewer may not clear, not even a dry run: 403", async () => {
    await expectRefusedUnchanged(
      () => snapshot(api().client),
      "User",
      async () => [
        await clear({ dry_run: false }, "ti_chain", "Viewer"),
        await clear({}, "ti_chain", "Viewer"),
      ],
    );
  });

  test.each([
    [{ dry_run: false, colour: "red" }, ["body", "colour"], "Extra inputs are not permitted"],
    [{ dry_run: "yes" }, ["body", "dry_run"], "valid boolean"],
    [{ dry_run: false, task_ids: [] }, ["body"], "task_ids list should have at least 1 element."],
    [{ dry_run: false, task_ids: [["double", "one"]] }, ["body", "task_ids", 0], ""],
    [
      { dry_run: false, start_date: "2026-04-02T00:00:00Z", end_date: "2026-04-01T00:00:00Z" },
      ["body"],
      "end_date is sooner than start_date",
    ],
    [
      { dry_run: false, dag_run_id: "c_1", start_date: "2026-04-01T00:00:00Z" },
      ["body"],
      "Exactly one of dag_run_id or start_date must be provided",
    ],
    [{ dry_run: false, start_date: "2026-04-01T00:00:00" }, ["body", "start_date"], "timezone"],
    [{ dry_run: false, end_date: "soon" }, ["body", "end_date"], "valid datetime"],
    [
      { dry_run: false, only_failed: true, only_running: true },
      ["body"],
      "only_failed and only_running both are set to True",
    ],
    [["transform"], ["body"], "valid dictionary"],
  ])("body %j: 422", async (body, loc, message) => {
    const before = await snapshot(api().client);
    const res = await clear(body);
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(loc);
    expect(res.body.detail[0].msg).toContain(message);
    expect(await snapshot(api().client)).toEqual(before);
  });

  test("unknown DAG or run: 404; past/future on a run without a logical date: 422", async () => {
    const before = await snapshot(api().client);
    const noDag = await clear({ dry_run: false }, "nope");
    expect(noDag.status).toBe(404);
    expect(noDag.body).toEqual({ detail: "The Dag with ID: `nope` was not found" });
    const noRun = await clear({ dry_run: false, dag_run_id: "nope" });
    expect(noRun.status).toBe(404);
    expect(noRun.body).toEqual({ detail: "Dag Run id nope not found in dag ti_chain" });
    const evil = "a'; drop table task_instance; --";
    expect((await clear({ dry_run: false }, encodeURIComponent(evil))).status).toBe(404);
    expect((await clear({ dry_run: false, dag_run_id: evil, task_ids: [evil] })).status).toBe(404);
    const manual = await clear({ dry_run: false, dag_run_id: "c_manual", include_past: true });
    expect(manual.status).toBe(422);
    expect(manual.body.detail[0].msg).toMatch(/^Cannot use include_past or include_future/);
    expect(await snapshot(api().client)).toEqual(before);
  });

  test("prevent_running_task refuses to clear a running instance: 409", async () => {
    const before = await snapshot(api().client);
    const res = await clear({
      dry_run: false,
      dag_run_id: "c_3",
      only_failed: false,
      prevent_running_task: true,
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/^AirflowClearRunningTaskException/);
    expect(await snapshot(api().client)).toEqual(before);
  });
});

describe("dry runs (the default) list and change nothing", () => {
  test("an empty body: every failed or upstream_failed instance of the DAG", async () => {
    const before = await snapshot(api().client);
    const res = await clear({});
    expect(res.status).toBe(200);
    expect(listed(res.body)).toEqual([
      "c_1/load upstream_failed",
      "c_1/transform failed",
      "c_2/extract failed",
      "c_2/load upstream_failed",
      "c_2/transform upstream_failed",
      "c_manual/extract failed",
    ]);
    expect(res.body.total_entries).toBe(6);
    expect(await snapshot(api().client)).toEqual(before);
  });

  test("one run, one task and its downstream, not only failed", async () => {
    const res = await clear({
      dag_run_id: "c_1",
      task_ids: ["transform"],
      include_downstream: true,
      only_failed: false,
    });
    expect(listed(res.body)).toEqual(["c_1/load upstream_failed", "c_1/transform failed"]);
    const upstream = await clear({
      dag_run_id: "c_1",
      task_ids: ["transform"],
      include_upstream: true,
      only_failed: false,
    });
    expect(listed(upstream.body)).toEqual(["c_1/extract success", "c_1/transform failed"]);
  });

  test("runs by logical date: a range, and past/future of a run", async () => {
    const range = await clear({
      start_date: "2026-04-02T00:00:00Z",
      end_date: "2026-04-03T00:00:00+00:00",
      task_ids: ["extract"],
    });
    expect(listed(range.body)).toEqual(["c_2/extract failed"]);
    const future = await clear({
      dag_run_id: "c_2",
      include_future: true,
      only_failed: false,
      task_ids: ["transform"],
    });
    expect(listed(future.body)).toEqual(["c_2/transform upstream_failed", "c_3/transform running"]);
    const past = await clear({ dag_run_id: "c_2", include_past: true, task_ids: ["load"] });
    expect(listed(past.body)).toEqual(["c_1/load upstream_failed", "c_2/load upstream_failed"]);
  });

  test("only_running, and a mapped instance by [task_id, map_index]", async () => {
    const running = await clear({ only_running: true });
    expect(listed(running.body)).toEqual(["c_3/transform running"]);
    const mapped = await clear({ dag_run_id: "mm_1", task_ids: [["double", 1]] }, "ti_mapped");
    expect(listed(mapped.body)).toEqual(["mm_1/double[1] failed"]);
    const whole = await clear({ dag_run_id: "mm_1", task_ids: ["double"] }, "ti_mapped");
    expect(listed(whole.body)).toEqual(["mm_1/double[0] failed", "mm_1/double[1] failed"]);
  });
});

describe("clearing", () => {
  test("a task and its downstream: no status, and the run back in the queue", async () => {
    const res = await clear({
      dry_run: false,
      dag_run_id: "c_1",
      task_ids: ["transform"],
      include_downstream: true,
    });
    expect(res.status).toBe(200);
    expect(listed(res.body)).toEqual(["c_1/load null", "c_1/transform null"]);
    expect(await statesOf(api().client, "ti_chain", "c_1")).toEqual({
      extract: "success",
      transform: null,
      load: null,
    });
    expect(await runStateOf(api().client, "ti_chain", "c_1")).toBe("queued");
    const transform = (res.body.task_instances as Ti[]).find((t) => t.task_id === "transform");
    expect(transform).toMatchObject({ try_number: 0, max_tries: 2 });
  });

  test("reset_dag_runs false leaves the run's state alone", async () => {
    const res = await clear({ dry_run: false, dag_run_id: "c_manual", reset_dag_runs: false });
    expect(listed(res.body)).toEqual(["c_manual/extract null"]);
    expect(await runStateOf(api().client, "ti_chain", "c_manual")).toBe("failed");
  });

  test("one mapped instance by [task_id, map_index]", async () => {
    const res = await clear(
      { dry_run: false, dag_run_id: "mm_1", task_ids: [["double", 1]] },
      "ti_mapped",
    );
    expect(listed(res.body)).toEqual(["mm_1/double[1] null"]);
    expect(await statesOf(api().client, "ti_mapped", "mm_1")).toMatchObject({
      "double[0]": "failed",
      "double[1]": null,
      "double[2]": "success",
    });
    expect(await runStateOf(api().client, "ti_mapped", "mm_1")).toBe("queued");
  });

  test("a running instance becomes restarting", async () => {
    const res = await clear({
      dry_run: false,
      dag_run_id: "c_3",
      task_ids: ["transform"],
      only_failed: false,
    });
    expect(listed(res.body)).toEqual(["c_3/transform restarting"]);
    expect(await runStateOf(api().client, "ti_chain", "c_3")).toBe("running");
  });

  test("nothing matching: an empty list", async () => {
    const res = await clear({ dry_run: false, task_ids: ["nope"] });
    expect(res.body).toEqual({ task_instances: [], total_entries: 0 });
  });
});
