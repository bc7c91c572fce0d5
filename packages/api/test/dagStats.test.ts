// GET /api/v2/dagStats: the runs of each DAG counted per state, every state listed in Airflow's
// order with 0 where there is none, DAGs ordered by id, a DAG without runs left out; `dag_ids`
// (repeatable) narrows the list; a bad parameter is a 422. Every response is checked against
// Airflow's OpenAPI file.
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import request from "supertest";
import { useApi } from "./support/apiTest";
import { rolesFrom } from "./support/roles";
import { expectMatchesSpec } from "./support/spec";

const api = useApi();
const FIXTURES = path.join(__dirname, "fixtures", "dependencies");
const STATS = "/api/v2/dagStats";

async function stats(query = "") {
  const res = await api().as("Viewer").get(`${STATS}${query}`);
  expectMatchesSpec(res, "GET", STATS);
  return res;
}

const dagIds = (body: { dags: { dag_id: string }[] }) => body.dags.map((d) => d.dag_id);

const counts = (queued: number, running: number, success: number, failed: number) => [
  { state: "queued", count: queued },
  { state: "running", count: running },
  { state: "success", count: success },
  { state: "failed", count: failed },
];

beforeAll(async () => {
  const { client } = api();
  await processDagsFolder(client, { dagsFolder: FIXTURES });
  // A DAG with no runs at all, which the stats leave out.
  await client.query("insert into dag (dag_id) values ('no_runs')");
  const runs: [string, string, string][] = [
    ["deps_mapped", "m_1", "success"],
    ["deps_chain", "c_1", "success"],
    ["deps_chain", "c_2", "success"],
    ["deps_chain", "c_3", "failed"],
    ["deps_chain", "c_4", "running"],
  ];
  for (const [dagId, runId, state] of runs)
    await client.query(
      `insert into dag_run (dag_id, run_id, run_type, run_after, state)
       values ($1, $2, 'manual', now(), $3)`,
      [dagId, runId, state],
    );
});

describe("GET /api/v2/dagStats", () => {
  test("every DAG with runs, by id, every state counted", async () => {
    const res = await stats();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dags: [
        {
          dag_id: "deps_chain",
          dag_display_name: "Dependencies chain",
          stats: counts(0, 1, 2, 1),
        },
        { dag_id: "deps_mapped", dag_display_name: "deps_mapped", stats: counts(0, 0, 1, 0) },
      ],
      total_entries: 2,
    });
  });

  test("dag_ids narrows it, repeatable; an unknown id or a DAG without runs adds nothing", async () => {
    const one = await stats("?dag_ids=deps_mapped");
    expect(dagIds(one.body)).toEqual(["deps_mapped"]);
    expect(one.body.total_entries).toBe(1);
    const several = await stats("?dag_ids=deps_chain&dag_ids=nope&dag_ids=no_runs");
    expect(dagIds(several.body)).toEqual(["deps_chain"]);
    const none = await stats("?dag_ids=nope");
    expect(none.body).toEqual({ dags: [], total_entries: 0 });
    const quoted = await stats(`?dag_ids=${encodeURIComponent("deps_chain' or '1'='1")}`);
    expect(quoted.body).toEqual({ dags: [], total_entries: 0 });
  });

  test("a dag_ids value that is not a string is a 422", async () => {
    const res = await stats("?dag_ids[a]=b");
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc[0]).toBe("query");
  });

  test("every role may read it; without a token it is a 401", async () => {
    for (const role of rolesFrom("Viewer"))
      expect((await api().as(role).get(STATS)).status).toBe(200);
    const anonymous = await request(api().app).get(STATS);
    expect(anonymous.status).toBe(401);
    expectMatchesSpec(anonymous, "GET", STATS);
  });
});
