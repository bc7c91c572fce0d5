// Marking task instances (PATCH …/taskInstances/{task_id}[/{map_index}]) and the dry run: the
// states after, the failed downstream resumed, notes, update_mask, upstream/downstream and
// past/future, mapped instances; Viewers refused and bad input refused with nothing changed.
import type { DagCache } from "@updraft/scheduler";
import { useApi } from "./support/apiTest";
import { expectRefusedUnchanged } from "./support/roles";
import { expectMatchesSpec } from "./support/spec";
import {
  createRun,
  expand,
  runStateOf,
  setRunState,
  setStates,
  snapshot,
  statesOf,
  storeDags,
} from "./fixtures/taskInstances/taskInstanceRuns";

const api = useApi();

const PATCH = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}";
const PATCH_MAPPED =
  "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/{map_index}";
const DRY_RUN = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/dry_run";
const DRY_RUN_MAPPED =
  "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/{map_index}/dry_run";

type Ti = Record<string, unknown>;
const listed = (body: { task_instances: Ti[] }) =>
  body.task_instances.map((ti) => {
    const index = ti.map_index === -1 ? "" : `[${String(ti.map_index)}]`;
    return `${String(ti.dag_run_id)}/${String(ti.task_id)}${index} ${String(ti.state)}`;
  });

/** PATCH `url` with `body` as `role`, checked against the spec's `template`. */
async function patch(
  url: string,
  body: unknown,
  template: string,
  role: "User" | "Viewer" = "User",
) {
  const res = await api()
    .as(role)
    .patch(url)
    .send(body as object);
  expectMatchesSpec(res, "PATCH", template);
  return res;
}

const url = (runId: string, taskId: string, rest = "") =>
  `/api/v2/dags/ti_chain/dagRuns/${runId}/taskInstances/${taskId}${rest}`;

let cache: DagCache;

beforeAll(async () => {
  const { client } = api();
  cache = await storeDags(client);
  for (const [runId, day] of [
    ["p_1", "01"],
    ["p_2", "02"],
    ["p_3", "03"],
  ] as const)
    await createRun(client, cache, "ti_chain", runId, new Date(`2026-03-${day}T00:00:00Z`));
  await createRun(client, cache, "ti_chain", "p_manual");
  await createRun(client, cache, "ti_mapped", "m_1");
  await expand(client, "ti_mapped", "m_1", "double", 3);
  await setStates(client, "ti_chain", "p_1", {
    extract: "success",
    transform: "failed",
    load: "upstream_failed",
  });
  await setRunState(client, "ti_chain", "p_1", "failed");
  for (const runId of ["p_2", "p_3"])
    await setStates(client, "ti_chain", runId, { extract: "success" });
});

describe("refused: Viewers, bad bodies, unknown ids — nothing changes", () => {
  test("a Viewer may not mark or dry-run: 403", async () => {
    await expectRefusedUnchanged(
      () => snapshot(api().client),
      "User",
      async () => [
        await patch(url("p_1", "transform"), { new_state: "success" }, PATCH, "Viewer"),
        await patch(
          url("p_1", "transform", "/dry_run"),
          { new_state: "success" },
          DRY_RUN,
          "Viewer",
        ),
      ],
    );
  });

  test.each([
    [
      { new_state: "running" },
      ["body", "new_state"],
      "'running' is not one of ['success', 'failed', 'skipped']",
    ],
    [{ new_state: null }, ["body", "new_state"], "'new_state' should not be empty"],
    [{ new_state: 3 }, ["body", "new_state"], "valid string"],
    [{ new_state: "success", colour: "red" }, ["body", "colour"], "Extra inputs are not permitted"],
    [{ note: "x".repeat(1001) }, ["body", "note"], "at most 1000 characters"],
    [{ new_state: "success", include_past: "yes" }, ["body", "include_past"], "valid boolean"],
    [["success"], ["body"], "valid dictionary"],
  ])("body %j: 422", async (body, loc, message) => {
    const before = await snapshot(api().client);
    const res = await patch(url("p_1", "transform"), body, PATCH);
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(loc);
    expect(res.body.detail[0].msg).toContain(message);
    expect(await snapshot(api().client)).toEqual(before);
  });

  test("unknown DAG, task, run or map index: 404 with Airflow's words", async () => {
    const before = await snapshot(api().client);
    const cases: [string, string, string][] = [
      [
        "/api/v2/dags/nope/dagRuns/p_1/taskInstances/extract",
        PATCH,
        "The Dag with ID: `nope` was not found",
      ],
      [url("p_1", "nope"), PATCH, "Task 'nope' not found in DAG 'ti_chain'"],
      [
        url("nope", "extract"),
        PATCH,
        "The Task Instance with dag_id: `ti_chain`, run_id: `nope`, task_id: `extract` and map_index: `None` was not found",
      ],
      [
        url("p_1", "extract", "/dry_run?map_index=3"),
        DRY_RUN,
        "The Task Instance with dag_id: `ti_chain`, run_id: `p_1`, task_id: `extract` and map_index: `3` was not found",
      ],
      [
        `/api/v2/dags/ti_mapped/dagRuns/m_1/taskInstances/double/7`,
        PATCH_MAPPED,
        "The Task Instance with dag_id: `ti_mapped`, run_id: `m_1`, task_id: `double` and map_index: `7` was not found",
      ],
    ];
    for (const [path, template, detail] of cases) {
      const res = await patch(path, { new_state: "failed" }, template);
      expect([path, res.status, res.body.detail]).toEqual([path, 404, detail]);
    }
    const evil = encodeURIComponent("a'; drop table task_instance; --");
    const injected = await patch(
      `/api/v2/dags/${evil}/dagRuns/${evil}/taskInstances/${evil}`,
      { new_state: "failed", note: "'; drop table dag; --" },
      PATCH,
    );
    expect(injected.status).toBe(404);
    expect(await snapshot(api().client)).toEqual(before);
  });

  test("include_past on a run without a logical date: 400", async () => {
    const before = await snapshot(api().client);
    const res = await patch(
      url("p_manual", "extract"),
      { new_state: "success", include_past: true },
      PATCH,
    );
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(
      /^Cannot use include_past or include_future with no logical_date/,
    );
    expect(await snapshot(api().client)).toEqual(before);
  });
});

describe("dry runs list what would change and change nothing", () => {
  test("the task itself, then with its downstream", async () => {
    const before = await snapshot(api().client);
    const alone = await patch(
      url("p_1", "transform", "/dry_run"),
      { new_state: "success" },
      DRY_RUN,
    );
    expect(alone.status).toBe(200);
    expect(listed(alone.body)).toEqual(["p_1/transform failed"]);
    const downstream = await patch(
      url("p_1", "transform", "/dry_run"),
      { new_state: "success", include_downstream: true },
      DRY_RUN,
    );
    expect(listed(downstream.body)).toEqual(["p_1/load upstream_failed", "p_1/transform failed"]);
    const upstream = await patch(
      url("p_1", "load", "/dry_run"),
      { new_state: "success", include_upstream: true },
      DRY_RUN,
    );
    expect(listed(upstream.body)).toEqual(["p_1/load upstream_failed", "p_1/transform failed"]);
    const noteOnly = await patch(url("p_1", "transform", "/dry_run"), { note: "hm" }, DRY_RUN);
    expect(listed(noteOnly.body)).toEqual(["p_1/transform failed"]);
    expect(noteOnly.body.task_instances[0].note).toBeNull();
    expect(await snapshot(api().client)).toEqual(before);
  });

  test("past and future runs by logical date; a mapped index", async () => {
    const before = await snapshot(api().client);
    const future = await patch(
      url("p_2", "extract", "/dry_run"),
      { new_state: "failed", include_future: true },
      DRY_RUN,
    );
    expect(listed(future.body)).toEqual(["p_2/extract success", "p_3/extract success"]);
    const past = await patch(
      url("p_2", "extract", "/dry_run"),
      { new_state: "failed", include_past: true },
      DRY_RUN,
    );
    expect(listed(past.body)).toEqual(["p_1/extract success", "p_2/extract success"]);
    const mapped = await patch(
      "/api/v2/dags/ti_mapped/dagRuns/m_1/taskInstances/double/1/dry_run",
      { new_state: "skipped" },
      DRY_RUN_MAPPED,
    );
    expect(listed(mapped.body)).toEqual(["m_1/double[1] null"]);
    expect(await snapshot(api().client)).toEqual(before);
  });
});

describe("PATCH sets states", () => {
  test("marking a failed task success resumes its failed downstream and re-queues the run", async () => {
    const res = await patch(url("p_1", "transform"), { new_state: "SUCCESS" }, PATCH);
    expect(res.status).toBe(200);
    expect(listed(res.body)).toEqual(["p_1/transform success"]);
    expect(res.body.total_entries).toBe(1);
    expect(await statesOf(api().client, "ti_chain", "p_1")).toEqual({
      extract: "success",
      transform: "success",
      load: null,
    });
    expect(await runStateOf(api().client, "ti_chain", "p_1")).toBe("queued");
  });

  test("marking it again is a 409 and changes nothing", async () => {
    const before = await snapshot(api().client);
    const res = await patch(url("p_1", "transform"), { new_state: "success" }, PATCH);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ detail: "Task id transform is already in success state" });
    expect(await snapshot(api().client)).toEqual(before);
  });

  test("include_future marks the later runs by logical date, not the earlier", async () => {
    const res = await patch(
      url("p_2", "extract"),
      { new_state: "skipped", include_future: true },
      PATCH,
    );
    expect(res.status).toBe(200);
    expect(listed(res.body)).toEqual(["p_2/extract skipped"]);
    expect((await statesOf(api().client, "ti_chain", "p_2")).extract).toBe("skipped");
    expect((await statesOf(api().client, "ti_chain", "p_3")).extract).toBe("skipped");
    expect((await statesOf(api().client, "ti_chain", "p_1")).extract).toBe("success");
  });

  test("a mapped instance by path, another by query, then all of them", async () => {
    const one = await patch(
      "/api/v2/dags/ti_mapped/dagRuns/m_1/taskInstances/double/1",
      { new_state: "skipped" },
      PATCH_MAPPED,
    );
    expect(listed(one.body)).toEqual(["m_1/double[1] skipped"]);
    const byQuery = await patch(
      "/api/v2/dags/ti_mapped/dagRuns/m_1/taskInstances/double?map_index=2",
      { new_state: "failed" },
      PATCH,
    );
    expect(listed(byQuery.body)).toEqual(["m_1/double[2] failed"]);
    expect(await statesOf(api().client, "ti_mapped", "m_1")).toMatchObject({
      "double[0]": null,
      "double[1]": "skipped",
      "double[2]": "failed",
    });
    const all = await patch(
      "/api/v2/dags/ti_mapped/dagRuns/m_1/taskInstances/double",
      { new_state: "success" },
      PATCH,
    );
    expect(listed(all.body)).toEqual([
      "m_1/double[0] success",
      "m_1/double[1] success",
      "m_1/double[2] success",
    ]);
  });
});

describe("notes and update_mask", () => {
  test("a note alone is written; the state stays", async () => {
    const res = await patch(url("p_3", "load"), { note: "waiting on the vendor" }, PATCH);
    expect(res.status).toBe(200);
    expect(res.body.task_instances[0]).toMatchObject({
      note: "waiting on the vendor",
      state: null,
    });
  });

  test("update_mask=note writes the note and leaves the state alone", async () => {
    const res = await patch(
      url("p_3", "load", "?update_mask=note"),
      { new_state: "failed", note: "masked" },
      PATCH,
    );
    expect(res.body.task_instances[0]).toMatchObject({ note: "masked", state: null });
    const keep = await patch(url("p_3", "load"), { note: null }, PATCH);
    expect(keep.body.task_instances[0].note).toBe("masked");
    const cleared = await patch(url("p_3", "load", "?update_mask=note"), { note: null }, PATCH);
    expect(cleared.body.task_instances[0].note).toBeNull();
  });

  test("state and note together", async () => {
    const res = await patch(url("p_3", "load"), { new_state: "failed", note: "gave up" }, PATCH);
    expect(res.body.task_instances[0]).toMatchObject({ note: "gave up", state: "failed" });
    expect(res.body.task_instances[0].end_date).toMatch(/Z$/);
  });
});
