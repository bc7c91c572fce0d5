// Reading DAG runs: GET /dags/{dag_id}/dagRuns (one DAG, or all with `~`) with Airflow's filters,
// ranges, pagination and order_by; GET of one run; the batch POST /dags/~/dagRuns/list. Every
// response is checked against Airflow's OpenAPI file.
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import type { SqlClient } from "@updraft/store";
import request from "supertest";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const api = useApi();
const FIXTURES = path.join(__dirname, "fixtures", "dagRuns");
const LIST = "/api/v2/dags/{dag_id}/dagRuns";
const ONE = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}";
const BATCH = "/api/v2/dags/{dag_id}/dagRuns/list";

interface RunSeed {
  readonly dagId: string;
  readonly runId: string;
  readonly runType?: string;
  readonly state: string;
  readonly logicalDate?: string | null;
  readonly runAfter: string;
  readonly startDate?: string | null;
  readonly endDate?: string | null;
  readonly updatedAt?: string;
  readonly conf?: Record<string, unknown>;
  readonly triggeredBy?: string | null;
}

async function insertRun(client: SqlClient, run: RunSeed): Promise<void> {
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, logical_date, data_interval_start,
       data_interval_end, run_after, state, queued_at, start_date, end_date, conf, triggered_by,
       updated_at)
     values ($1, $2, $3, $4, $4, case when $4::timestamptz is not null then $5::timestamptz end,
       $5, $6, $5, $7, $8, $9, $10, coalesce($11, now()))`,
    [
      run.dagId,
      run.runId,
      run.runType ?? "scheduled",
      run.logicalDate ?? null,
      run.runAfter,
      run.state,
      run.startDate ?? null,
      run.endDate ?? null,
      JSON.stringify(run.conf ?? {}),
      run.triggeredBy === undefined ? "timetable" : run.triggeredBy,
      run.updatedAt ?? null,
    ],
  );
}

/** Nine runs over three DAGs, inserted in this order (so their ids follow it). */
const RUNS: readonly RunSeed[] = [
  ...(["success", "failed", "success", "running", "queued"] as const).map((state, i): RunSeed => ({
    dagId: "api_daily",
    runId: `scheduled__2026-01-0${i + 1}T00:00:00+00:00`,
    state,
    logicalDate: `2026-01-0${i + 1}T00:00:00Z`,
    runAfter: `2026-01-0${i + 2}T00:00:00Z`,
    startDate: state === "queued" ? null : `2026-01-0${i + 2}T00:00:0${i}Z`,
    endDate:
      state === "running" || state === "queued" ? null : `2026-01-0${i + 2}T00:0${i + 1}:00Z`,
    updatedAt: `2026-02-0${i + 1}T00:00:00Z`,
  })),
  {
    dagId: "api_chain",
    runId: "manual__a",
    runType: "manual",
    state: "success",
    runAfter: "2026-01-10T00:00:00Z",
    startDate: "2026-01-10T00:00:00Z",
    endDate: "2026-01-10T00:00:30.5Z",
    conf: { team: "blue" },
    triggeredBy: "rest_api",
  },
  {
    dagId: "api_chain",
    runId: "manual__b",
    runType: "manual",
    state: "failed",
    runAfter: "2026-01-11T00:00:00Z",
    startDate: "2026-01-11T00:00:00Z",
    endDate: "2026-01-11T00:10:00Z",
    conf: { team: "red" },
    triggeredBy: "cli",
  },
  {
    dagId: "api_chain",
    runId: "backfill__2026-01-01T00:00:00+00:00",
    runType: "backfill",
    state: "queued",
    logicalDate: "2026-01-01T00:00:00Z",
    runAfter: "2026-01-12T00:00:00Z",
    triggeredBy: "backfill",
  },
  {
    dagId: "api_other",
    runId: "manual__other",
    runType: "manual",
    state: "running",
    runAfter: "2026-01-13T00:00:00Z",
    startDate: "2026-01-13T00:00:00Z",
    triggeredBy: null,
  },
];

const ids = (body: { dag_runs: { dag_run_id: string }[] }) =>
  body.dag_runs.map((r) => r.dag_run_id);
const daily = (day: number) => `scheduled__2026-01-0${day}T00:00:00+00:00`;
const ALL_IN_ID_ORDER = RUNS.map((r) => r.runId);

beforeAll(async () => {
  const { client } = api();
  await processDagsFolder(client, { dagsFolder: FIXTURES });
  for (const run of RUNS) await insertRun(client, run);
});

async function list(query: string, dagId = "~") {
  const res = await api().as("Viewer").get(`/api/v2/dags/${dagId}/dagRuns${query}`);
  expectMatchesSpec(res, "GET", LIST);
  return res;
}

describe("GET /api/v2/dags/{dag_id}/dagRuns", () => {
  test("`~` lists every DAG's runs, by id, with Airflow's fields", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    expect(res.body.total_entries).toBe(9);
    expect(ids(res.body)).toEqual(ALL_IN_ID_ORDER);
    const runs = res.body.dag_runs as { dag_run_id: string }[];
    const manualA = runs.find((r) => r.dag_run_id === "manual__a");
    expect(manualA).toEqual({
      dag_run_id: "manual__a",
      dag_id: "api_chain",
      logical_date: null,
      queued_at: "2026-01-10T00:00:00Z",
      start_date: "2026-01-10T00:00:00Z",
      end_date: "2026-01-10T00:00:30.500000Z",
      duration: 30.5,
      data_interval_start: null,
      data_interval_end: null,
      run_after: "2026-01-10T00:00:00Z",
      last_scheduling_decision: null,
      run_type: "manual",
      state: "success",
      triggered_by: "rest_api",
      triggering_user_name: null,
      conf: { team: "blue" },
      note: null,
      dag_versions: [],
      bundle_version: null,
      dag_display_name: "api_chain",
      partition_key: null,
    });
    const first = res.body.dag_runs[0];
    expect(first).toMatchObject({
      dag_id: "api_daily",
      dag_display_name: "Daily load",
      logical_date: "2026-01-01T00:00:00Z",
      data_interval_start: "2026-01-01T00:00:00Z",
      data_interval_end: "2026-01-02T00:00:00Z",
      duration: 60,
    });
  });

  test("one DAG's runs; an unknown DAG is a 404 as Airflow words it", async () => {
    const res = await list("", "api_chain");
    expect(res.body.total_entries).toBe(3);
    expect(ids(res.body)).toEqual([
      "manual__a",
      "manual__b",
      "backfill__2026-01-01T00:00:00+00:00",
    ]);
    const missing = await list("", "nope");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: "The DAG with dag_id: `nope` was not found" });
  });

  test("state and run_type are repeatable filters", async () => {
    const failedOrQueued = await list("?state=failed&state=queued");
    expect(ids(failedOrQueued.body)).toEqual([
      daily(2),
      daily(5),
      "manual__b",
      "backfill__2026-01-01T00:00:00+00:00",
    ]);
    expect(failedOrQueued.body.total_entries).toBe(4);
    const backfill = await list("?run_type=backfill&run_type=manual&state=queued");
    expect(ids(backfill.body)).toEqual(["backfill__2026-01-01T00:00:00+00:00"]);
    const bad = await list("?state=bogus");
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["query", "state", 0]);
  });

  test("run_id_pattern and dag_id_pattern are case-insensitive LIKE substrings, `|` meaning or", async () => {
    expect(ids((await list("?run_id_pattern=MANUAL__")).body)).toEqual([
      "manual__a",
      "manual__b",
      "manual__other",
    ]);
    expect(ids((await list("?run_id_pattern=manual__a%20|%20backfill")).body)).toEqual([
      "manual__a",
      "backfill__2026-01-01T00:00:00+00:00",
    ]);
    expect(ids((await list("?run_id_pattern=manual%5C%25")).body)).toEqual([]);
    expect(ids((await list("?run_id_pattern=2026-01-0_T")).body)).toHaveLength(6);
    expect((await list("?dag_id_pattern=api_ch%25")).body.total_entries).toBe(3);
    expect((await list("?dag_id_pattern=~")).body.total_entries).toBe(9);
  });

  test("range filters on run_after, logical_date, start_date, end_date, updated_at, duration", async () => {
    const cases: [string, string[]][] = [
      [
        "?run_after_gte=2026-01-12T00:00:00Z",
        ["backfill__2026-01-01T00:00:00+00:00", "manual__other"],
      ],
      ["?run_after_gt=2026-01-12T00:00:00Z", ["manual__other"]],
      ["?run_after_lt=2026-01-03T00:00:00%2B00:00", [daily(1)]],
      ["?run_after_lte=2026-01-03", [daily(1), daily(2)]],
      ["?logical_date_gte=2026-01-04T00:00:00Z", [daily(4), daily(5)]],
      ["?logical_date_lte=2026-01-01T00:00:00Z", [daily(1), "backfill__2026-01-01T00:00:00+00:00"]],
      [
        "?start_date_gte=2026-01-10T00:00:00Z&start_date_lt=2026-01-13T00:00:00Z",
        ["manual__a", "manual__b"],
      ],
      ["?end_date_gt=2026-01-10T00:00:00Z", ["manual__a", "manual__b"]],
      [
        "?updated_at_gte=2026-02-02T00:00:00Z&updated_at_lte=2026-02-03T00:00:00Z",
        [daily(2), daily(3)],
      ],
      ["?duration_gte=119&duration_lt=600", [daily(2), daily(3)]],
      ["?duration_gt=200", ["manual__b"]],
      ["?duration_lte=30.5", ["manual__a"]],
    ];
    for (const [query, expected] of cases) {
      const res = await list(query);
      expect([query, ids(res.body)]).toEqual([query, expected]);
      expect(res.body.total_entries).toBe(expected.length);
    }
    const bad = await list("?start_date_gte=yesterday");
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["query", "start_date_gte"]);
    const badNumber = await list("?duration_gte=long");
    expect(badNumber.status).toBe(422);
  });

  test("conf_contains matches the conf's JSON text", async () => {
    expect(ids((await list('?conf_contains="red"')).body)).toEqual(["manual__b"]);
    expect(ids((await list("?conf_contains=team")).body)).toEqual(["manual__a", "manual__b"]);
  });

  test("filters on what no run has (DAG or bundle versions, users, partitions) match nothing", async () => {
    for (const query of [
      "?dag_version=1",
      "?bundle_version=v1",
      "?triggering_user_name_pattern=~",
    ]) {
      const res = await list(query);
      expect(res.body).toEqual({ dag_runs: [], total_entries: 0 });
    }
  });

  test("limit and offset page the list; total_entries counts every match; limit is capped at 100", async () => {
    const page = await list("?limit=2&offset=3");
    expect(ids(page.body)).toEqual(ALL_IN_ID_ORDER.slice(3, 5));
    expect(page.body.total_entries).toBe(9);
    expect((await list("?limit=0")).body).toEqual({ dag_runs: [], total_entries: 9 });
    expect(ids((await list("?offset=100")).body)).toEqual([]);
    expect(ids((await list("?limit=1000")).body)).toHaveLength(9);
    for (const query of ["?limit=-1", "?offset=x", "?limit=1.5"]) {
      const res = await list(query);
      expect([query, res.status]).toEqual([query, 422]);
    }
  });

  test("order_by: Airflow's attributes, `-` descending, several criteria, id breaking ties", async () => {
    // Postgres's (and so Airflow's) order: nulls last ascending, first descending.
    const byStart = await list("?order_by=-start_date");
    expect(ids(byStart.body)).toEqual([
      "backfill__2026-01-01T00:00:00+00:00",
      daily(5),
      "manual__other",
      "manual__b",
      "manual__a",
      daily(4),
      daily(3),
      daily(2),
      daily(1),
    ]);
    expect(ids((await list("?order_by=-duration&limit=2", "api_chain")).body)).toEqual([
      "backfill__2026-01-01T00:00:00+00:00",
      "manual__b",
    ]);
    expect(ids((await list("?order_by=state&order_by=-run_after")).body)).toEqual([
      "manual__b",
      daily(2),
      "backfill__2026-01-01T00:00:00+00:00",
      daily(5),
      "manual__other",
      daily(4),
      "manual__a",
      daily(3),
      daily(1),
    ]);
    expect(ids((await list("?order_by=-dag_run_id", "api_chain")).body)).toEqual([
      "manual__b",
      "manual__a",
      "backfill__2026-01-01T00:00:00+00:00",
    ]);
    expect(ids((await list("?order_by=-id&limit=1")).body)).toEqual(["manual__other"]);
    for (const attribute of ["dag_id", "logical_date", "end_date", "updated_at", "conf", "run_id"])
      expect((await list(`?order_by=${attribute}`)).status).toBe(200);
  });

  test("an order_by Airflow does not allow is a 400 with Airflow's words", async () => {
    const res = await api().as("Viewer").get("/api/v2/dags/~/dagRuns?order_by=note");
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      detail: "Ordering with 'note' is disallowed or the attribute does not exist on the model",
    });
    // Airflow's spec declares no 400 here although Airflow sends it: the body is checked against
    // its HTTPExceptionResponse through the 404 of the same operation.
    expectMatchesSpec({ status: 404, body: res.body }, "GET", LIST);
    const eleven = Array.from({ length: 11 }, () => "order_by=id").join("&");
    const tooMany = await api().as("Viewer").get(`/api/v2/dags/~/dagRuns?${eleven}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.detail).toMatch(/more than 10/);
  });

  test("SQL meta-characters in the DAG id are a plain 404", async () => {
    const id = encodeURIComponent("a'; drop table dag_run; --");
    const res = await list("", id);
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe("The DAG with dag_id: `a'; drop table dag_run; --` was not found");
    expect((await list("?run_id_pattern=%27%3B%20drop%20table%20dag_run%3B%20--")).body).toEqual({
      dag_runs: [],
      total_entries: 0,
    });
    const count = await api().client.query<{ n: number }>("select count(*)::int as n from dag_run");
    expect(count.rows[0]?.n).toBe(9);
  });

  test("without a token: 401", async () => {
    const res = await request(api().app).get("/api/v2/dags/~/dagRuns");
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "GET", LIST);
  });
});

describe("GET /api/v2/dags/{dag_id}/dagRuns/{dag_run_id}", () => {
  test("one run", async () => {
    const res = await api()
      .as("Viewer")
      .get(`/api/v2/dags/api_daily/dagRuns/${encodeURIComponent(daily(2))}`);
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", ONE);
    expect(res.body).toMatchObject({
      dag_run_id: daily(2),
      dag_id: "api_daily",
      state: "failed",
      run_type: "scheduled",
      triggered_by: "timetable",
      start_date: "2026-01-03T00:00:01Z",
      end_date: "2026-01-03T00:02:00Z",
      duration: 119,
      dag_display_name: "Daily load",
    });
  });

  test("an unknown run, or a run of another DAG, is a 404 as Airflow words it", async () => {
    for (const [dagId, runId] of [
      ["api_daily", "nope"],
      ["api_other", "manual__a"],
      ["~", "manual__a"],
      ["api_chain", "x' or '1'='1"],
    ] as const) {
      const res = await api()
        .as("Viewer")
        .get(`/api/v2/dags/${encodeURIComponent(dagId)}/dagRuns/${encodeURIComponent(runId)}`);
      expect(res.status).toBe(404);
      expectMatchesSpec(res, "GET", ONE);
      expect(res.body.detail).toBe(
        `The DagRun with dag_id: \`${dagId}\` and run_id: \`${runId}\` was not found`,
      );
    }
  });
});

describe("POST /api/v2/dags/~/dagRuns/list", () => {
  async function batch(body: unknown, dagId = "~") {
    const res = await api()
      .as("Viewer")
      .post(`/api/v2/dags/${dagId}/dagRuns/list`)
      .send(body as object);
    expectMatchesSpec(res, "POST", BATCH);
    return res;
  }

  test("dag_ids, states, ranges, order_by and the page, in the body", async () => {
    const all = await batch({});
    expect(all.status).toBe(200);
    expect(all.body.total_entries).toBe(9);
    const some = await batch({
      dag_ids: ["api_daily", "api_other"],
      states: ["success", "running"],
      order_by: "-run_after",
      page_limit: 2,
      page_offset: 1,
    });
    expect(ids(some.body)).toEqual([daily(4), daily(3)]);
    expect(some.body.total_entries).toBe(4);
    const ranged = await batch({
      start_date_gte: "2026-01-03T00:00:00Z",
      end_date_lte: "2026-01-11T00:00:00+00:00",
      duration_gt: 60,
      conf_contains: null,
    });
    expect(ids(ranged.body)).toEqual([daily(2), daily(3)]);
    expect(
      (
        await batch({
          logical_date_gt: "2026-01-03T00:00:00Z",
          run_after_lt: "2026-01-06T00:00:00Z",
        })
      ).body.total_entries,
    ).toBe(1);
    expect((await batch({ dag_ids: [], states: [null] })).body.total_entries).toBe(0);
  });

  test("a body Airflow would refuse is a 422; the path's dag_id must be `~`", async () => {
    for (const body of [
      { page_limit: -1 },
      { page_offset: "0" },
      { dag_ids: "api_daily" },
      { states: ["done"] },
      { start_date_gte: "2026-01-03T00:00:00" },
      { updated_at_gte: "2026-01-03T00:00:00Z" },
      { unknown: 1 },
    ]) {
      const res = await batch(body);
      expect([body, res.status]).toEqual([body, 422]);
    }
    const path = await batch({}, "api_daily");
    expect(path.status).toBe(422);
    expect(path.body.detail[0].loc).toEqual(["path", "dag_id"]);
    const order = await api()
      .as("Viewer")
      .post("/api/v2/dags/~/dagRuns/list")
      .send({ order_by: "nope" });
    expect(order.status).toBe(400);
    expectMatchesSpec({ status: 404, body: order.body }, "POST", BATCH);
  });
});
