// GET /dags (filters, paging, ordering), GET /dags/{dag_id}, GET /dags/{dag_id}/details and the
// pausing PATCHes, over DAGs the DAG processor stored from test/fixtures/dags; every response is
// checked against Airflow's spec.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import request from "supertest";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const FIXTURES = path.join(__dirname, "fixtures", "dags");
const folder = mkdtempSync(path.join(tmpdir(), "updraft-api-dags-"));
const api = useApi({ dagsFolder: folder });

const LIST = "/api/v2/dags";
const ONE = "/api/v2/dags/{dag_id}";
const DETAILS = "/api/v2/dags/{dag_id}/details";

interface DagBody {
  readonly dag_id: string;
  readonly is_paused: boolean;
  readonly is_stale: boolean;
  readonly [field: string]: unknown;
}

interface Listed {
  readonly status: number;
  readonly body: { readonly dags: readonly DagBody[]; readonly total_entries: number };
}

async function list(query: string, role: "Viewer" | "User" = "Viewer"): Promise<Listed> {
  const res = await api().as(role).get(`${LIST}${query}`);
  expectMatchesSpec(res, "GET", LIST);
  return res;
}

/**
 * Airflow answers a bad order_by with 400, but the spec declares no 400 for list operations:
 * the body is checked against HTTPExceptionResponse through an operation that declares it.
 */
function expectHttpException(res: { status: number; body: unknown }): void {
  expectMatchesSpec(res, "GET", "/api/v2/dags/{dag_id}");
}

const ids = (res: Listed): string[] => res.body.dags.map((d) => d.dag_id);

async function pausedStates(): Promise<Record<string, boolean>> {
  const rows = await api().client.query<{ dag_id: string; is_paused: boolean }>(
    "select dag_id, is_paused from dag order by dag_id",
  );
  return Object.fromEntries(rows.rows.map((r) => [r.dag_id, r.is_paused]));
}

async function addRun(dagId: string, runId: string, state: string, startedAt: string | null) {
  await api().client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, state, start_date)
     values ($1, $2, 'manual', coalesce($4::timestamptz, now()), $3, $4::timestamptz)`,
    [dagId, runId, state, startedAt],
  );
}

beforeAll(async () => {
  cpSync(FIXTURES, folder, { recursive: true });
  writeFileSync(path.join(folder, "broken.ts"), 'throw new Error("boom at import");\n');
  await processDagsFolder(api().client, { dagsFolder: folder });
  // legacy_dag's file goes away: the next pass marks it stale.
  rmSync(path.join(folder, "legacy.ts"));
  await processDagsFolder(api().client, { dagsFolder: folder });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("GET /api/v2/dags", () => {
  test("lists the DAGs that are not stale, by dag_id, with Airflow's DAGResponse fields", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(["asset_consumer", "cleanup_weekly", "etl_daily", "reporting"]);
    expect(res.body.total_entries).toBe(4);
    const etl = res.body.dags.find((d) => d.dag_id === "etl_daily");
    expect(etl).toMatchObject({
      dag_display_name: "warehouse load",
      is_paused: true,
      is_stale: false,
      description: "Loads the warehouse every day",
      timetable_summary: "@daily",
      relative_fileloc: "apiDags.ts",
      fileloc: path.join(folder, "apiDags.ts"),
      owners: ["data-team"],
      max_active_tasks: 16,
      max_active_runs: 16,
      has_task_concurrency_limits: false,
      has_import_errors: false,
      bundle_name: null,
      allowed_run_types: null,
      tags: [
        { name: "daily", dag_id: "etl_daily", dag_display_name: "warehouse load" },
        { name: "etl", dag_id: "etl_daily", dag_display_name: "warehouse load" },
      ],
    });
    expect(etl?.file_token).toEqual(expect.stringMatching(/^[\w-]+\.[\w-]+$/));
    expect(etl?.last_parsed_time).toEqual(expect.stringMatching(/Z$/));
    const reporting = res.body.dags.find((d) => d.dag_id === "reporting");
    expect(reporting).toMatchObject({
      dag_display_name: "reporting",
      is_paused: false,
      max_active_tasks: 4,
      has_task_concurrency_limits: true,
      timetable_summary: "None",
    });
  });

  test("exclude_stale=false lists the stale DAG too", async () => {
    const res = await list("?exclude_stale=false");
    expect(ids(res)).toContain("legacy_dag");
    expect(res.body.dags.find((d) => d.dag_id === "legacy_dag")?.is_stale).toBe(true);
    expect(res.body.total_entries).toBe(5);
  });

  test.each([
    ["?tags=etl", ["cleanup_weekly", "etl_daily"]],
    ["?tags=etl&tags=reports", ["cleanup_weekly", "etl_daily", "reporting"]],
    ["?tags=etl&tags=daily&tags_match_mode=all", ["etl_daily"]],
    ["?tags=etl&tags=daily&tags_match_mode=any", ["cleanup_weekly", "etl_daily"]],
    ["?owners=ANALY", ["reporting"]],
    ["?owners=analytics&owners=data-team", ["etl_daily", "reporting"]],
    ["?dag_id_pattern=etl", ["etl_daily"]],
    ["?dag_id_pattern=%25_weekly", ["cleanup_weekly"]],
    ["?dag_id_pattern=reporting%20%7C%20cleanup", ["cleanup_weekly", "reporting"]],
    ["?dag_id_pattern=~", ["asset_consumer", "cleanup_weekly", "etl_daily", "reporting"]],
    ["?dag_display_name_pattern=WAREHOUSE%20l", ["etl_daily"]],
    ["?paused=false", ["reporting"]],
    ["?paused=true", ["asset_consumer", "cleanup_weekly", "etl_daily"]],
    ["?has_import_errors=false", ["asset_consumer", "cleanup_weekly", "etl_daily", "reporting"]],
    ["?has_import_errors=true", []],
    ["?exclude_stale=false&tags=etl&paused=true", ["cleanup_weekly", "etl_daily", "legacy_dag"]],
    ["?unknown_param=1", ["asset_consumer", "cleanup_weekly", "etl_daily", "reporting"]],
  ])("filters %s", async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
    expect(res.body.total_entries).toBe(expected.length);
  });

  test("pages with limit and offset; total_entries counts every match", async () => {
    const res = await list("?limit=2&offset=1");
    expect(ids(res)).toEqual(["cleanup_weekly", "etl_daily"]);
    expect(res.body.total_entries).toBe(4);
    const past = await list("?offset=10");
    expect(past.body).toEqual({ dags: [], total_entries: 4 });
    const none = await list("?limit=0");
    expect(none.body).toEqual({ dags: [], total_entries: 4 });
  });

  test("a limit above 100 is capped at 100", async () => {
    const client = api().client;
    await client.query(
      "insert into dag (dag_id) select 'bulk_' || lpad(i::text, 3, '0') from generate_series(1, 120) i",
    );
    try {
      const res = await list("?limit=1000");
      expect(res.status).toBe(200);
      expect(res.body.dags).toHaveLength(100);
      expect(res.body.total_entries).toBe(124);
    } finally {
      await client.query("delete from dag where dag_id like 'bulk\\_%'");
    }
  });

  test.each([
    ["?order_by=-dag_id", ["reporting", "etl_daily", "cleanup_weekly", "asset_consumer"]],
    ["?order_by=dag_display_name", ["asset_consumer", "cleanup_weekly", "reporting", "etl_daily"]],
    ["?order_by=-dag_display_name", ["etl_daily", "reporting", "cleanup_weekly", "asset_consumer"]],
  ])("orders by %s", async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
  });

  test("orders by next_dagrun with nulls last, dag_id breaking ties", async () => {
    const client = api().client;
    await client.query("update dag set next_dagrun = $2 where dag_id = $1", [
      "reporting",
      new Date("2026-03-01T00:00:00Z"),
    ]);
    await client.query("update dag set next_dagrun = $2 where dag_id = $1", [
      "etl_daily",
      new Date("2026-02-01T00:00:00Z"),
    ]);
    try {
      const res = await list("?order_by=next_dagrun");
      expect(ids(res)).toEqual(["etl_daily", "reporting", "asset_consumer", "cleanup_weekly"]);
      const etl = res.body.dags[0];
      expect(etl?.next_dagrun_logical_date).toBe("2026-02-01T00:00:00Z");
      const desc = await list("?order_by=-next_dagrun");
      expect(ids(desc)).toEqual(["reporting", "etl_daily", "cleanup_weekly", "asset_consumer"]);
    } finally {
      await client.query("update dag set next_dagrun = null");
    }
  });

  test("a bad order_by is 400 with Airflow's message", async () => {
    const res = await api().as("Viewer").get(`${LIST}?order_by=fileloc`);
    expect(res.status).toBe(400);
    expectHttpException(res);
    expect(res.body).toEqual({
      detail: "Ordering with 'fileloc' is disallowed or the attribute does not exist on the model",
    });
  });

  test.each([
    ["limit=-1", "limit"],
    ["limit=ten", "limit"],
    ["offset=1.5", "offset"],
    ["paused=maybe", "paused"],
    ["exclude_stale=2", "exclude_stale"],
    ["tags_match_mode=some", "tags_match_mode"],
    ["last_dag_run_state=done", "last_dag_run_state"],
  ])("?%s is 422 naming the parameter", async (query, name) => {
    const res = await api().as("Viewer").get(`${LIST}?${query}`);
    expect(res.status).toBe(422);
    expectMatchesSpec(res, "GET", LIST);
    expect(res.body.detail[0].loc).toEqual(["query", name]);
  });

  test("without a token it is 401", async () => {
    const res = await request(api().app).get(LIST);
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "GET", LIST);
  });
});

describe("the latest run of each DAG", () => {
  beforeAll(async () => {
    await addRun("etl_daily", "r1", "success", "2026-02-01T00:00:00Z");
    await addRun("etl_daily", "r2", "failed", "2026-02-02T00:00:00Z");
    await addRun("etl_daily", "r3", "queued", null);
    await addRun("reporting", "r1", "running", "2026-02-03T00:00:00Z");
    await addRun("cleanup_weekly", "r1", "success", "2026-01-15T00:00:00Z");
  });

  afterAll(async () => {
    await api().client.query("delete from dag_run");
  });

  test.each([
    ["failed", ["etl_daily"]],
    ["running", ["reporting"]],
    ["success", ["cleanup_weekly"]],
    ["queued", []],
  ])("last_dag_run_state=%s filters on the latest started run", async (state, expected) => {
    const res = await list(`?last_dag_run_state=${state}`);
    expect(ids(res)).toEqual(expected);
    expect(res.body.total_entries).toBe(expected.length);
  });

  test.each([
    ["last_run_start_date", ["cleanup_weekly", "etl_daily", "reporting", "asset_consumer"]],
    ["-last_run_start_date", ["reporting", "etl_daily", "cleanup_weekly", "asset_consumer"]],
    ["start_date", ["cleanup_weekly", "etl_daily", "reporting", "asset_consumer"]],
    ["last_run_state", ["etl_daily", "reporting", "cleanup_weekly", "asset_consumer"]],
    ["-state", ["cleanup_weekly", "reporting", "etl_daily", "asset_consumer"]],
  ])(
    "order_by=%s sorts by the latest started run, DAGs without one last",
    async (order, expected) => {
      const res = await list(`?order_by=${order}`);
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual(expected);
    },
  );

  test("details count the DAG's queued and running runs", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/etl_daily/details");
    expectMatchesSpec(res, "GET", DETAILS);
    expect(res.body.active_runs_count).toBe(1);
  });
});

describe("GET /api/v2/dags/{dag_id} and /details", () => {
  test("one DAG, as the list shows it", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/etl_daily");
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", ONE);
    const listed = await list("?dag_id_pattern=etl_daily");
    expect(res.body).toEqual(listed.body.dags[0]);
  });

  test("the details add what the serialized DAG knows", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/etl_daily/details");
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", DETAILS);
    expect(res.body).toMatchObject({
      dag_id: "etl_daily",
      dag_display_name: "warehouse load",
      catchup: false,
      dag_run_timeout: "PT1H",
      doc_md: "# ETL\nRuns every day.",
      start_date: "2026-01-01T00:00:00Z",
      end_date: null,
      timezone: "UTC",
      is_paused_upon_creation: null,
      render_template_as_native_obj: false,
      concurrency: 16,
      active_runs_count: 0,
      is_favorite: false,
      latest_dag_version: null,
      asset_expression: null,
    });
    expect(res.body.params.region).toMatchObject({ value: "eu", schema: { type: "string" } });
    expect(res.body.default_args).toMatchObject({ retries: 1 });
    expect(res.body.last_parsed).toEqual(expect.stringMatching(/Z$/));
  });

  test("an asset-scheduled DAG shows its asset expression", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/asset_consumer/details");
    expectMatchesSpec(res, "GET", DETAILS);
    expect(res.body.asset_expression).toEqual({
      all: [{ asset: { uri: "s3://bucket/sales", name: "s3://bucket/sales", group: "asset" } }],
    });
    expect(res.body.timetable_summary).toEqual(expect.any(String));
  });

  test("a stale DAG can still be read", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/legacy_dag");
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", ONE);
    expect(res.body.is_stale).toBe(true);
  });

  test.each([
    ["nope", "nope"],
    ["a'%3B%20drop%20table%20dag%3B%20--", "a'; drop table dag; --"],
    ["%25", "%"],
  ])("an unknown id (%s) is 404 with Airflow's message, nothing changed", async (raw, dagId) => {
    const before = await pausedStates();
    for (const [url, template] of [
      [`/api/v2/dags/${raw}`, ONE],
      [`/api/v2/dags/${raw}/details`, DETAILS],
    ] as const) {
      const res = await api().as("Viewer").get(url);
      expect(res.status).toBe(404);
      expectMatchesSpec(res, "GET", template);
      expect(res.body).toEqual({ detail: `The Dag with ID: \`${dagId}\` was not found` });
    }
    expect(await pausedStates()).toEqual(before);
  });

  test("a DAG that was never serialized is 404", async () => {
    await api().client.query("insert into dag (dag_id) values ('bare_dag')");
    try {
      const res = await api().as("Viewer").get("/api/v2/dags/bare_dag");
      expect(res.status).toBe(404);
      expectMatchesSpec(res, "GET", ONE);
    } finally {
      await api().client.query("delete from dag where dag_id = 'bare_dag'");
    }
  });
});

describe("PATCH /api/v2/dags/{dag_id}", () => {
  afterEach(async () => {
    await api().client.query("update dag set is_paused = (dag_id <> 'reporting')");
  });

  test("a User pauses and unpauses a DAG", async () => {
    const res = await api().as("User").patch("/api/v2/dags/etl_daily").send({ is_paused: false });
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "PATCH", ONE);
    expect(res.body).toMatchObject({
      dag_id: "etl_daily",
      is_paused: false,
      dag_display_name: "warehouse load",
    });
    expect((await pausedStates()).etl_daily).toBe(false);
    const again = await api()
      .as("Op")
      .patch("/api/v2/dags/etl_daily?update_mask=is_paused")
      .send({ is_paused: true });
    expect(again.status).toBe(200);
    expectMatchesSpec(again, "PATCH", ONE);
    expect((await pausedStates()).etl_daily).toBe(true);
  });

  test("a Viewer is refused with 403 and nothing changes", async () => {
    const before = await pausedStates();
    const res = await api().as("Viewer").patch("/api/v2/dags/etl_daily").send({ is_paused: false });
    expect(res.status).toBe(403);
    expectMatchesSpec(res, "PATCH", ONE);
    expect(await pausedStates()).toEqual(before);
  });

  test.each([
    [{ is_paused: false, owners: ["x"] }, ["body", "owners"], "extra_forbidden"],
    [{ is_paused: "false" }, ["body", "is_paused"], "boolean_type"],
    [{}, ["body", "is_paused"], "boolean_type"],
    [[false], ["body"], "object_type"],
  ])("a bad body %j is 422 and nothing changes", async (body, loc, type) => {
    const before = await pausedStates();
    const res = await api().as("User").patch("/api/v2/dags/etl_daily").send(body);
    expect(res.status).toBe(422);
    expectMatchesSpec(res, "PATCH", ONE);
    expect(res.body.detail).toContainEqual(expect.objectContaining({ loc, type }));
    expect(await pausedStates()).toEqual(before);
  });

  test("no body at all is 422", async () => {
    const res = await api().as("User").patch("/api/v2/dags/etl_daily");
    expect(res.status).toBe(422);
    expectMatchesSpec(res, "PATCH", ONE);
  });

  test("an update_mask naming anything but is_paused is 400, nothing changed", async () => {
    const before = await pausedStates();
    const res = await api()
      .as("User")
      .patch("/api/v2/dags/etl_daily?update_mask=description")
      .send({ is_paused: false });
    expect(res.status).toBe(400);
    expectMatchesSpec(res, "PATCH", ONE);
    expect(res.body).toEqual({
      detail: "Only `is_paused` field can be updated through the REST API",
    });
    expect(await pausedStates()).toEqual(before);
  });

  test.each([["nope"], ["a'%3B%20update%20dag%20set%20is_paused%3Dfalse%3B%20--"]])(
    "an unknown id (%s) is 404, nothing changed",
    async (raw) => {
      const before = await pausedStates();
      const res = await api().as("User").patch(`/api/v2/dags/${raw}`).send({ is_paused: false });
      expect(res.status).toBe(404);
      expectMatchesSpec(res, "PATCH", ONE);
      expect(res.body).toEqual({
        detail: `Dag with id: ${decodeURIComponent(raw)} was not found`,
      });
      expect(await pausedStates()).toEqual(before);
    },
  );
});

describe("PATCH /api/v2/dags (bulk)", () => {
  afterEach(async () => {
    await api().client.query("update dag set is_paused = (dag_id <> 'reporting')");
  });

  test("pauses every DAG the filters match and answers with the page", async () => {
    const res = await api()
      .as("User")
      .patch(`${LIST}?dag_id_pattern=~&tags=etl`)
      .send({ is_paused: false });
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "PATCH", LIST);
    expect(ids(res as Listed)).toEqual(["cleanup_weekly", "etl_daily"]);
    expect((res.body as Listed["body"]).dags.every((d) => !d.is_paused)).toBe(true);
    expect(res.body.total_entries).toBe(2);
    expect(await pausedStates()).toMatchObject({
      cleanup_weekly: false,
      etl_daily: false,
      asset_consumer: true,
      legacy_dag: true,
    });
  });

  test("the filters select the DAGs before the update, and paging only limits the answer", async () => {
    const res = await api()
      .as("User")
      .patch(`${LIST}?dag_id_pattern=%25&paused=true&limit=1`)
      .send({ is_paused: false });
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "PATCH", LIST);
    expect(ids(res as Listed)).toEqual(["asset_consumer"]);
    expect(res.body.total_entries).toBe(3);
    expect(await pausedStates()).toMatchObject({
      asset_consumer: false,
      cleanup_weekly: false,
      etl_daily: false,
      legacy_dag: true,
    });
  });

  test("without a dag_id_pattern no DAG matches, as in Airflow", async () => {
    const before = await pausedStates();
    const res = await api().as("User").patch(`${LIST}?tags=etl`).send({ is_paused: false });
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "PATCH", LIST);
    expect(res.body).toEqual({ dags: [], total_entries: 0 });
    expect(await pausedStates()).toEqual(before);
  });

  test("a Viewer is refused, a bad body is 422, a bad mask 400; nothing changes", async () => {
    const before = await pausedStates();
    const viewer = await api()
      .as("Viewer")
      .patch(`${LIST}?dag_id_pattern=~`)
      .send({ is_paused: false });
    expect(viewer.status).toBe(403);
    expectMatchesSpec(viewer, "PATCH", LIST);
    const bad = await api().as("User").patch(`${LIST}?dag_id_pattern=~`).send({ paused: false });
    expect(bad.status).toBe(422);
    expectMatchesSpec(bad, "PATCH", LIST);
    const mask = await api()
      .as("User")
      .patch(`${LIST}?dag_id_pattern=~&update_mask=tags`)
      .send({ is_paused: false });
    expect(mask.status).toBe(400);
    expectMatchesSpec(mask, "PATCH", LIST);
    const query = await api()
      .as("User")
      .patch(`${LIST}?dag_id_pattern=~&paused=perhaps`)
      .send({ is_paused: false });
    expect(query.status).toBe(422);
    expectMatchesSpec(query, "PATCH", LIST);
    expect(await pausedStates()).toEqual(before);
  });
});
