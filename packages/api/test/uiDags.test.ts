// GET /api/v2/ui/dags/recent_dag_runs, the web UI's DAGs list: a page of DAGs filtered as
// GET /dags filters them, each with its newest runs. Every DAG is checked against Airflow's
// DAGResponse and every run against DAGRunResponse (through the public operations answering
// with those schemas), and both against what the public endpoints answer for the same rows.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import request from "supertest";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const folder = mkdtempSync(path.join(tmpdir(), "updraft-api-ui-dags-"));
const api = useApi({ dagsFolder: folder });

const RECENT = "/api/v2/ui/dags/recent_dag_runs";

interface RunBody {
  readonly dag_run_id: string;
  readonly dag_id: string;
  readonly state: string;
  readonly [field: string]: unknown;
}

interface DagBody {
  readonly dag_id: string;
  readonly latest_dag_runs: readonly RunBody[];
  readonly [field: string]: unknown;
}

interface Recent {
  readonly status: number;
  readonly body: { readonly dags: readonly DagBody[]; readonly total_entries: number };
}

async function recent(query = ""): Promise<Recent> {
  return api().as("Viewer").get(`${RECENT}${query}`);
}

const ids = (res: Recent): string[] => res.body.dags.map((d) => d.dag_id);
const runIds = (res: Recent, dagId: string): string[] | undefined =>
  res.body.dags.find((d) => d.dag_id === dagId)?.latest_dag_runs.map((r) => r.dag_run_id);

beforeAll(async () => {
  cpSync(path.join(__dirname, "fixtures", "dags"), folder, { recursive: true });
  await processDagsFolder(api().client, { dagsFolder: folder });
  // legacy_dag's file goes away: the next pass marks it stale, and the list leaves it out.
  rmSync(path.join(folder, "legacy.ts"));
  await processDagsFolder(api().client, { dagsFolder: folder });
  // etl_daily: twelve runs an hour apart (run 12 the newest); reporting: two, the newer failed.
  await api().client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, logical_date, state, start_date, end_date, conf)
     select 'etl_daily', 'scheduled__' || lpad(n::text, 2, '0'), 'scheduled',
            timestamptz '2026-01-01T00:00:00Z' + n * interval '1 hour',
            timestamptz '2026-01-01T00:00:00Z' + n * interval '1 hour',
            case when n = 12 then 'running' else 'success' end,
            timestamptz '2026-01-01T00:00:05Z' + n * interval '1 hour',
            case when n = 12 then null else timestamptz '2026-01-01T00:01:05Z' + n * interval '1 hour' end,
            '{}'::jsonb
     from generate_series(1, 12) n`,
  );
  await api().client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, state, start_date, end_date, conf, note)
     values ('reporting', 'manual__a', 'manual', '2026-02-01T00:00:00Z', 'success',
             '2026-02-01T00:00:01Z', '2026-02-01T00:00:03Z', '{"full": true}', 'first'),
            ('reporting', 'manual__b', 'manual', '2026-02-02T00:00:00Z', 'failed',
             '2026-02-02T00:00:01Z', '2026-02-02T00:00:09Z', '{}', null)`,
  );
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("GET /api/v2/ui/dags/recent_dag_runs", () => {
  test("every DAG that is not stale, by dag_id, each with its ten newest runs, newest first", async () => {
    const res = await recent();
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(["asset_consumer", "cleanup_weekly", "etl_daily", "reporting"]);
    expect(res.body.total_entries).toBe(4);
    expect(runIds(res, "etl_daily")).toEqual(
      ["12", "11", "10", "09", "08", "07", "06", "05", "04", "03"].map((n) => `scheduled__${n}`),
    );
    expect(runIds(res, "reporting")).toEqual(["manual__b", "manual__a"]);
    expect(runIds(res, "cleanup_weekly")).toEqual([]);
    expect(runIds(res, "asset_consumer")).toEqual([]);
  });

  test("each DAG is Airflow's DAGResponse, as GET /dags/{dag_id} answers it", async () => {
    const res = await recent();
    for (const { latest_dag_runs: _runs, ...dag } of res.body.dags) {
      expectMatchesSpec({ status: 200, body: dag }, "GET", "/api/v2/dags/{dag_id}");
      const one = await api().as("Viewer").get(`/api/v2/dags/${dag.dag_id}`);
      expect(dag).toEqual(one.body);
    }
    expect(res.body.dags.find((d) => d.dag_id === "etl_daily")).toMatchObject({
      dag_display_name: "warehouse load",
      owners: ["data-team"],
      timetable_summary: "@daily",
      tags: [
        { name: "daily", dag_id: "etl_daily", dag_display_name: "warehouse load" },
        { name: "etl", dag_id: "etl_daily", dag_display_name: "warehouse load" },
      ],
    });
  });

  test("each run is Airflow's DAGRunResponse, as GET …/dagRuns/{dag_run_id} answers it", async () => {
    const res = await recent();
    const runs = res.body.dags.flatMap((d) => d.latest_dag_runs);
    expect(runs).toHaveLength(12);
    for (const run of runs) {
      expectMatchesSpec(
        { status: 200, body: run },
        "GET",
        "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}",
      );
      const one = await api()
        .as("Viewer")
        .get(`/api/v2/dags/${run.dag_id}/dagRuns/${run.dag_run_id}`);
      expect(run).toEqual(one.body);
    }
    const reporting = res.body.dags.find((d) => d.dag_id === "reporting")?.latest_dag_runs;
    expect(reporting?.[1]).toMatchObject({
      dag_run_id: "manual__a",
      dag_id: "reporting",
      dag_display_name: "reporting",
      state: "success",
      run_type: "manual",
      duration: 2,
      conf: { full: true },
      note: "first",
      run_after: "2026-02-01T00:00:00Z",
    });
    const etl = res.body.dags.find((d) => d.dag_id === "etl_daily")?.latest_dag_runs;
    expect(etl?.[0]).toMatchObject({ state: "running", dag_display_name: "warehouse load" });
  });

  test.each([
    ["?dag_runs_limit=3", { etl_daily: 3, reporting: 2, cleanup_weekly: 0 }],
    ["?dag_runs_limit=1", { etl_daily: 1, reporting: 1, cleanup_weekly: 0 }],
    ["?dag_runs_limit=0", { etl_daily: 0, reporting: 0, cleanup_weekly: 0 }],
    ["?dag_runs_limit=50", { etl_daily: 12, reporting: 2, cleanup_weekly: 0 }],
  ])("%s caps the runs of each DAG", async (query, counts) => {
    const res = await recent(query);
    expect(res.status).toBe(200);
    for (const [dagId, count] of Object.entries(counts))
      expect(runIds(res, dagId)).toHaveLength(count);
    expect(runIds(res, "etl_daily")?.[0] ?? null).toBe(
      counts.etl_daily === 0 ? null : "scheduled__12",
    );
  });

  test.each([
    ["?tags=etl", ["cleanup_weekly", "etl_daily"]],
    ["?tags=etl&tags=reports", ["cleanup_weekly", "etl_daily", "reporting"]],
    ["?tags=etl&tags=daily&tags_match_mode=all", ["etl_daily"]],
    ["?owners=analytics", ["reporting"]],
    ["?dag_id_pattern=etl", ["etl_daily"]],
    ["?dag_id_pattern=%25_weekly", ["cleanup_weekly"]],
    ["?dag_display_name_pattern=warehouse", ["etl_daily"]],
    ["?paused=false", ["reporting"]],
    ["?paused=true", ["asset_consumer", "cleanup_weekly", "etl_daily"]],
    ["?last_dag_run_state=failed", ["reporting"]],
    ["?last_dag_run_state=running", ["etl_daily"]],
    ["?exclude_stale=false&tags=etl", ["cleanup_weekly", "etl_daily", "legacy_dag"]],
  ])("filters %s as GET /dags does", async (query, expected) => {
    const res = await recent(query);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
    expect(res.body.total_entries).toBe(expected.length);
    const dags = await api().as("Viewer").get(`/api/v2/dags${query}`);
    expect(ids(res)).toEqual((dags.body.dags as { dag_id: string }[]).map((d) => d.dag_id));
  });

  test("pages and orders over DAGs, not runs: total_entries counts every matching DAG", async () => {
    const second = await recent("?limit=1&offset=2");
    expect(ids(second)).toEqual(["etl_daily"]);
    expect(second.body.total_entries).toBe(4);
    expect(runIds(second, "etl_daily")).toHaveLength(10);
    const byName = await recent("?order_by=-dag_display_name");
    expect(ids(byName)).toEqual(["etl_daily", "reporting", "cleanup_weekly", "asset_consumer"]);
  });

  test.each([
    ["dag_runs_limit=-1", "dag_runs_limit"],
    ["dag_runs_limit=many", "dag_runs_limit"],
    ["paused=perhaps", "paused"],
    ["limit=-5", "limit"],
  ])("refuses %s with a 422 naming the parameter", async (query, name) => {
    const res = await api().as("Viewer").get(`${RECENT}?${query}`);
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([expect.objectContaining({ loc: ["query", name] })]);
  });

  test("refuses an order_by attribute Airflow does not allow with a 400", async () => {
    const res = await api().as("Viewer").get(`${RECENT}?order_by=fileloc`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(
      "Ordering with 'fileloc' is disallowed or the attribute does not exist on the model",
    );
  });

  test("needs a token", async () => {
    const res = await request(api().app).get(RECENT);
    expect(res.status).toBe(401);
  });
});
