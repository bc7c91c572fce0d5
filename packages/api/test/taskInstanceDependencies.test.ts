// GET …/taskInstances/{task_id}/dependencies and …/{task_id}/{map_index}/dependencies: why a
// task instance is not running, under Airflow's dep names and in its words — the run not
// running, the DAG paused, the state, the trigger rule, pool slots, max_active_tasks, the task
// caps, depends_on_past, the retry period — and nothing for an instance that is ready, already
// past queueing, or whose task is gone; 404 and 422 in Airflow's words. Every response is
// checked against Airflow's OpenAPI file.
import path from "node:path";
import { DagCache, processDagsFolder } from "@updraft/scheduler";
import { pythonIsoformat } from "@updraft/sdk";
import { createPool } from "@updraft/store";
import request from "supertest";
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";
import { createRun, expand, setStates, startRun } from "./fixtures/taskInstances/taskInstanceRuns";

const api = useApi();
const FIXTURES = path.join(__dirname, "fixtures", "dependencies");
const DEPS = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/dependencies";
const MAPPED_DEPS =
  "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/{map_index}/dependencies";

let cache: DagCache;

const url = (dagId: string, runId: string, taskId: string, rest = "/dependencies") =>
  `/api/v2/dags/${dagId}/dagRuns/${runId}/taskInstances/${taskId}${rest}`;

/** The dependencies of `target` as a Viewer, checked against the spec's `template`. */
async function deps(target: string, template = DEPS) {
  const res = await api().as("Viewer").get(target);
  expectMatchesSpec(res, "GET", template);
  return res;
}

async function depsOf(dagId: string, runId: string, taskId: string) {
  const res = await deps(url(dagId, runId, taskId));
  expect(res.status).toBe(200);
  return res.body.dependencies as { name: string; reason: string }[];
}

/** A running run of `dagId` (its task instances without state). */
async function runningRun(dagId: string, runId: string, logicalDate: Date | null = null) {
  await createRun(api().client, cache, dagId, runId, logicalDate);
  await startRun(api().client, dagId, runId);
}

const sql = (text: string, params: unknown[] = []) => api().client.query(text, params);

beforeAll(async () => {
  await processDagsFolder(api().client, { dagsFolder: FIXTURES });
  cache = new DagCache(api().client);
  await sql("update dag set is_paused = false where dag_id in ('deps_chain', 'deps_mapped')");
});

describe("what holds a task instance back", () => {
  test("a run not started yet: the run is queued and the instance has no status", async () => {
    await createRun(api().client, cache, "deps_chain", "q_1");
    expect(await depsOf("deps_chain", "q_1", "extract")).toEqual([
      {
        name: "Dagrun Running",
        reason: "Task instance's dagrun was not in the 'running' state but in the state 'queued'.",
      },
      { name: "Task Instance State", reason: "Task is in the 'None' state." },
    ]);
  });

  test("a paused DAG", async () => {
    await sql("update dag set is_paused = true where dag_id = 'deps_chain'");
    try {
      const found = await depsOf("deps_chain", "q_1", "extract");
      expect(found[0]).toEqual({
        name: "Dag Not Paused",
        reason: "Task's DAG 'deps_chain' is paused.",
      });
    } finally {
      await sql("update dag set is_paused = false where dag_id = 'deps_chain'");
    }
  });

  test("the trigger rule (in Airflow's words) and a pool that does not exist", async () => {
    await runningRun("deps_chain", "r_1");
    expect(await depsOf("deps_chain", "r_1", "load")).toEqual([
      {
        name: "Pool Slots Available",
        reason: "Tasks using non-existent pool 'tiny' will not be scheduled",
      },
      { name: "Task Instance State", reason: "Task is in the 'None' state." },
      {
        name: "Trigger Rule",
        reason:
          "Task's trigger rule 'all_success' requires all upstream tasks to have succeeded, but " +
          "found 1 non-success(es). upstream_states=_UpstreamTIStates(success=0, skipped=0, " +
          "failed=0, upstream_failed=0, removed=0, done=0, success_setup=0, skipped_setup=0), " +
          "upstream_task_ids={'extract'}",
      },
    ]);
  });

  test("a pool with fewer open slots than the task needs; then enough", async () => {
    await createPool(api().client, { name: "tiny", slots: 1 });
    await setStates(api().client, "deps_chain", "r_1", { extract: "success", load: "scheduled" });
    expect(await depsOf("deps_chain", "r_1", "load")).toEqual([
      {
        name: "Pool Slots Available",
        reason: "Not scheduling since there are 1 open slots in pool tiny and require 2 pool slots",
      },
    ]);
    await sql("update slot_pool set slots = 2 where pool = 'tiny'");
    expect(await depsOf("deps_chain", "r_1", "load")).toEqual([]);
  });

  test("max_active_tasks of the run, and max_active_tis_per_dag across runs", async () => {
    await runningRun("deps_chain", "r_2");
    await runningRun("deps_chain", "r_3");
    await setStates(api().client, "deps_chain", "r_2", { capped: "running", extract: "scheduled" });
    await setStates(api().client, "deps_chain", "r_3", { capped: "scheduled" });
    expect(await depsOf("deps_chain", "r_2", "extract")).toEqual([
      {
        name: "Task Instance Slots Available",
        reason:
          "The maximum number of running tasks (1) for this task's Dag 'deps_chain' has been reached.",
      },
    ]);
    expect(await depsOf("deps_chain", "r_3", "capped")).toEqual([
      { name: "Task Concurrency", reason: "The max task concurrency has been reached." },
    ]);
  });

  test("depends_on_past: the previous run's instance failed; then it succeeded", async () => {
    await runningRun("deps_chain", "p_1", new Date("2026-03-01T00:00:00Z"));
    await runningRun("deps_chain", "p_2", new Date("2026-03-02T00:00:00Z"));
    await setStates(api().client, "deps_chain", "p_1", { past: "failed" });
    await setStates(api().client, "deps_chain", "p_2", { past: "scheduled" });
    expect(await depsOf("deps_chain", "p_2", "past")).toEqual([
      {
        name: "Previous Dagrun State",
        reason: "depends_on_past: the previous run's instance is failed, not success or skipped.",
      },
    ]);
    // The first run has no past to wait for.
    await setStates(api().client, "deps_chain", "p_1", { past: "scheduled" });
    expect(await depsOf("deps_chain", "p_1", "past")).toEqual([]);
    await setStates(api().client, "deps_chain", "p_1", { past: "success" });
    expect(await depsOf("deps_chain", "p_2", "past")).toEqual([]);
  });

  test("up_for_retry: the retry period, until it is over", async () => {
    await runningRun("deps_chain", "t_1");
    const retryAt = new Date(Date.now() + 3_600_000);
    await sql(
      `update task_instance set state = 'up_for_retry', next_retry_at = $1
       where run_id = 't_1' and task_id = 'extract'`,
      [retryAt],
    );
    const waiting = await depsOf("deps_chain", "t_1", "extract");
    expect(waiting.map((d) => d.name)).toEqual(["Not In Retry Period", "Task Instance State"]);
    expect(waiting[0]?.reason).toMatch(
      /^Task is not ready for retry yet but will be retried automatically\. Current date is \d{4}-\d\d-\d\dT[\d:.]+\+00:00 and task will be retried at /,
    );
    expect(waiting[0]?.reason).toContain(`will be retried at ${pythonIsoformat(retryAt)}.`);
    expect(waiting[1]?.reason).toBe("Task is in the 'up_for_retry' state.");
    await sql(
      `update task_instance set next_retry_at = now() - interval '1 minute'
       where run_id = 't_1' and task_id = 'extract'`,
    );
    expect((await depsOf("deps_chain", "t_1", "extract")).map((d) => d.name)).toEqual([
      "Task Instance State",
    ]);
  });

  test("mapped instances: the per-run cap, by path or by query, and their 404 and 422", async () => {
    await runningRun("deps_mapped", "m_1");
    await expand(api().client, "deps_mapped", "m_1", "double", 3);
    await setStates(api().client, "deps_mapped", "m_1", {
      numbers: "success",
      "double[0]": "running",
      "double[1]": "scheduled",
    });
    const capped = [
      { name: "Task Concurrency", reason: "The max task concurrency per run has been reached." },
    ];
    const byPath = await deps(url("deps_mapped", "m_1", "double", "/1/dependencies"), MAPPED_DEPS);
    expect(byPath.status).toBe(200);
    expect(byPath.body.dependencies).toEqual(capped);
    const byQuery = await deps(url("deps_mapped", "m_1", "double", "/dependencies?map_index=1"));
    expect(byQuery.body.dependencies).toEqual(capped);

    const missing = await deps(url("deps_mapped", "m_1", "double", "/7/dependencies"), MAPPED_DEPS);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe(
      "The Task Instance with dag_id: `deps_mapped`, run_id: `m_1`, task_id: `double` and map_index: `7` was not found",
    );
    const bad = await deps(url("deps_mapped", "m_1", "double", "/one/dependencies"), MAPPED_DEPS);
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["path", "map_index"]);
    const badQuery = await deps(url("deps_mapped", "m_1", "double", "/dependencies?map_index=x"));
    expect(badQuery.status).toBe(422);
    expect(badQuery.body.detail[0].loc).toEqual(["query", "map_index"]);
  });
});

describe("nothing to explain", () => {
  test("a ready instance, a running one and a finished one have no failing dependency", async () => {
    await runningRun("deps_chain", "n_1");
    await setStates(api().client, "deps_chain", "n_1", {
      extract: "success",
      capped: "running",
      past: "scheduled",
    });
    await sql("update dag set max_active_tasks = 16 where dag_id = 'deps_chain'");
    try {
      expect(await depsOf("deps_chain", "n_1", "past")).toEqual([]);
      expect(await depsOf("deps_chain", "n_1", "capped")).toEqual([]);
      expect(await depsOf("deps_chain", "n_1", "extract")).toEqual([]);
    } finally {
      await sql("update dag set max_active_tasks = 1 where dag_id = 'deps_chain'");
    }
  });

  test("an instance of a task its DAG no longer has", async () => {
    await sql(
      `insert into task_instance (dag_id, run_id, task_id, map_index, state)
       values ('deps_chain', 'r_1', 'removed_task', -1, null)`,
    );
    expect(await depsOf("deps_chain", "r_1", "removed_task")).toEqual([]);
  });
});

describe("refused", () => {
  test.each([
    ["nope", "r_1", "extract"],
    ["deps_chain", "nope", "extract"],
    ["deps_chain", "r_1", "nope"],
    ["deps_chain", "r_1", "x'%3B%20delete%20from%20dag%3B--"],
  ])("an unknown instance (%s/%s/%s) is a 404 in Airflow's words", async (dagId, runId, taskId) => {
    const res = await deps(url(dagId, runId, taskId));
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe(
      `The Task Instance with dag_id: \`${dagId}\`, run_id: \`${runId}\`, task_id: \`${decodeURIComponent(taskId)}\` and map_index: \`-1\` was not found`,
    );
    expect((await sql("select count(*)::int as n from dag")).rows[0]?.n).toBe(2);
  });

  test("without a token: 401", async () => {
    const res = await request(api().app).get(url("deps_chain", "r_1", "extract"));
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "GET", DEPS);
  });
});
