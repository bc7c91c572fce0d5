// End-to-end runs through the whole engine (scheduler + executor + store-backed worker), shared
// by every pairing of executor and database: each test triggers a DAG of e2e/dags and checks the
// states, XComs and timings Airflow would produce.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { retryDelayMs } from "@updraft/engine";
import { createPool, pullXcoms, type SqlClient } from "@updraft/store";
import {
  type Engine,
  eventually,
  readRun,
  startEngine,
  type ExecutorKind,
} from "../support/engineHarness";
import { runTries } from "../support/runTries";

const value = async (client: SqlClient, dagId: string, runId: string, taskId: string) =>
  (await pullXcoms(client, { dagId, runId, taskIds: [taskId] })).map((x) => x.value);

/** The engine contract for one executor kind over the database `getClient` returns. */
export function describeEngineContract(kind: ExecutorKind, getClient: () => SqlClient): void {
  let engine: Engine;
  let client: SqlClient;

  beforeAll(async () => {
    client = getClient();
    await createPool(client, { name: "e2e_single", slots: 1 });
    engine = await startEngine({ client, executor: kind, concurrency: 16 });
  });
  afterAll(async () => {
    await engine.close();
  });

  it("runs a linear DAG in order, passing each return value to the next task", async () => {
    const { run, states } = await engine.runDag("e2e_linear");
    expect(run.state).toBe("success");
    expect(states).toEqual({ first: "success", second: "success", third: "success" });
    expect(await value(client, "e2e_linear", run.runId, "third")).toEqual([20]);
    const rows = await runTries(client, "e2e_linear", run.runId);
    const byTask = new Map(rows.map((r) => [r.task_id, r]));
    expect(byTask.get("second")!.start_date.getTime()).toBeGreaterThanOrEqual(
      byTask.get("first")!.end_date.getTime(),
    );
    expect(byTask.get("third")!.start_date.getTime()).toBeGreaterThanOrEqual(
      byTask.get("second")!.end_date.getTime(),
    );
  });

  it("runs a diamond: the join waits for both branches and sums them", async () => {
    const { run, states } = await engine.runDag("e2e_diamond");
    expect(run.state).toBe("success");
    expect(Object.values(states).every((s) => s === "success")).toBe(true);
    expect(await value(client, "e2e_diamond", run.runId, "join")).toEqual([13]);
  });

  it("applies every trigger rule as Airflow's table says, below success + failed + skipped", async () => {
    const { run, states } = await engine.runDag("e2e_trigger_rules");
    expect(states).toEqual({
      ok: "success",
      bad: "failed",
      skip: "skipped",
      rule_all_success: "upstream_failed",
      rule_all_failed: "skipped",
      rule_all_done: "success",
      rule_all_done_min_one_success: "skipped",
      rule_all_skipped: "skipped",
      rule_one_success: "success",
      rule_one_failed: "success",
      rule_one_done: "success",
      rule_none_failed: "upstream_failed",
      rule_none_failed_min_one_success: "upstream_failed",
      rule_none_skipped: "skipped",
      rule_always: "success",
    });
    expect(run.state).toBe("failed");
  });

  it("retries a failing task with Airflow's exponential backoff, then succeeds", async () => {
    const { run, states, tis } = await engine.runDag("e2e_retries", { timeoutMs: 30_000 });
    expect(run.state).toBe("success");
    expect(states.flaky).toBe("success");
    expect(tis.get("flaky")!.tryNumber).toBe(3);
    const tries = await runTries(client, "e2e_retries", run.runId);
    expect(tries.map((t) => [t.try_number, t.state])).toEqual([
      [1, "up_for_retry"],
      [2, "up_for_retry"],
      [3, "success"],
    ]);
    for (const [i, failed] of tries.slice(0, 2).entries()) {
      const delay = retryDelayMs({
        retryDelayMs: 1000,
        retryExponentialBackoff: 2,
        maxRetryDelayMs: 10_000,
        tryNumber: failed.try_number,
        dagId: "e2e_retries",
        taskId: "flaky",
        logicalDate: null,
      });
      const gap = tries[i + 1]!.start_date.getTime() - failed.end_date.getTime();
      // The next try never starts before the delay has passed; the upper bound only says it is
      // not lost (a loaded two-core CI machine has shown 1.2 s of scheduling latency).
      expect(gap).toBeGreaterThanOrEqual(delay - 5);
      expect(gap).toBeLessThan(delay + 3000);
    }
  }, 40_000);

  it("kills a try at its execution_timeout, counts it as a failure and retries it", async () => {
    const started = Date.now();
    const { run, tis } = await engine.runDag("e2e_timeout");
    expect(run.state).toBe("failed");
    expect(tis.get("slow")!.tryNumber).toBe(2);
    const tries = await runTries(client, "e2e_timeout", run.runId);
    expect(tries.map((t) => t.state)).toEqual(["up_for_retry", "failed"]);
    for (const t of tries) expect(t.end_date.getTime() - t.start_date.getTime()).toBeLessThan(2000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("never runs more tasks of a pool at once than it has slots", async () => {
    const { run } = await engine.runDag("e2e_pool");
    expect(run.state).toBe("success");
    const tries = (await runTries(client, "e2e_pool", run.runId)).sort(
      (a, b) => a.start_date.getTime() - b.start_date.getTime(),
    );
    expect(tries).toHaveLength(4);
    for (let i = 1; i < tries.length; i++)
      expect(tries[i]!.start_date.getTime()).toBeGreaterThanOrEqual(
        tries[i - 1]!.end_date.getTime(),
      );
  });

  it("keeps max_active_runs: three triggered runs run one after another", async () => {
    const runIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { dagRun } = await engine.scheduler.trigger({
        dagId: "e2e_max_active_runs",
        runId: `manual__mar_${i}`,
      });
      runIds.push(dagRun.runId);
    }
    const runs = [];
    for (const runId of runIds)
      runs.push((await engine.waitForRun("e2e_max_active_runs", runId)).run);
    runs.sort((a, b) => a.startDate!.getTime() - b.startDate!.getTime());
    for (let i = 1; i < runs.length; i++)
      expect(runs[i]!.startDate!.getTime()).toBeGreaterThanOrEqual(runs[i - 1]!.endDate!.getTime());
    expect(runs.every((r) => r.state === "success")).toBe(true);
  });

  it("holds a depends_on_past task until the previous run's instance succeeded", async () => {
    const first = await engine.runDag("e2e_depends_on_past", {
      logicalDate: new Date("2026-02-01T00:00:00Z"),
      conf: { fail: true },
    });
    expect(first.states.step).toBe("failed");
    const { dagRun } = await engine.scheduler.trigger({
      dagId: "e2e_depends_on_past",
      logicalDate: new Date("2026-02-02T00:00:00Z"),
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const held = await readRun(client, "e2e_depends_on_past", dagRun.runId);
    expect(held.run.state).toBe("running");
    expect(held.states.step).toBeNull();
    const ok = await engine.runDag("e2e_depends_on_past", {
      logicalDate: new Date("2026-01-31T00:00:00Z"),
    });
    // The earlier run (no previous run before it) runs; the held one still waits on 02-01.
    expect(ok.states.step).toBe("success");
    expect((await readRun(client, "e2e_depends_on_past", dagRun.runId)).states.step).toBeNull();
  });

  it("follows the branch a task.branch returns and skips the other", async () => {
    const left = await engine.runDag("e2e_branching");
    expect(left.states).toEqual({
      pick: "success",
      left: "success",
      right: "skipped",
      join: "success",
    });
    const right = await engine.runDag("e2e_branching", { conf: { left: false } });
    expect(right.states).toEqual({
      pick: "success",
      left: "skipped",
      right: "success",
      join: "success",
    });
    expect(right.run.state).toBe("success");
  });

  it("expands a mapped task over an upstream list, and skips it for an empty one", async () => {
    const { run, states } = await engine.runDag("e2e_mapping", { conf: { numbers: [1, 2, 3] } });
    expect(run.state).toBe("success");
    expect(states).toEqual({
      numbers: "success",
      "double[0]": "success",
      "double[1]": "success",
      "double[2]": "success",
      total: "success",
    });
    expect(await value(client, "e2e_mapping", run.runId, "double")).toEqual([2, 4, 6]);
    expect(await value(client, "e2e_mapping", run.runId, "total")).toEqual([12]);
    const empty = await engine.runDag("e2e_mapping", { conf: { numbers: [] } });
    expect(empty.states).toEqual({ numbers: "success", double: "skipped", total: "success" });
  });

  it("creates catchup runs with the data intervals of the DAG's timetable", async () => {
    const dagId = "e2e_catchup";
    const runs = await eventually(
      async () => {
        const rows = (
          await client.query<{
            run_id: string;
            state: string;
            data_interval_start: Date;
            data_interval_end: Date;
          }>(
            `select run_id, state, data_interval_start, data_interval_end from dag_run
           where dag_id = $1 order by data_interval_start limit 5`,
            [dagId],
          )
        ).rows;
        return rows.length === 5 && rows.every((r) => r.state === "success") ? rows : null;
      },
      20_000,
      "five catchup runs to succeed",
    );
    expect(runs.map((r) => r.run_id)).toEqual([
      "scheduled__2026-01-02T00:00:00+00:00",
      "scheduled__2026-01-03T00:00:00+00:00",
      "scheduled__2026-01-04T00:00:00+00:00",
      "scheduled__2026-01-05T00:00:00+00:00",
      "scheduled__2026-01-06T00:00:00+00:00",
    ]);
    for (const [i, r] of runs.entries()) {
      const start = new Date(Date.UTC(2026, 0, 1 + i));
      expect(r.data_interval_start).toEqual(start);
      expect(r.data_interval_end).toEqual(new Date(start.getTime() + 86_400_000));
      expect(await value(client, dagId, r.run_id, "interval")).toEqual([
        [start.toISOString(), new Date(start.getTime() + 86_400_000).toISOString()],
      ]);
    }
    // The DAG's next run is recorded for the UI.
    const dag = await client.query<{ next_dagrun_create_after: Date | null }>(
      "select next_dagrun_create_after from dag where dag_id = $1",
      [dagId],
    );
    expect(dag.rows[0]!.next_dagrun_create_after).not.toBeNull();
  });

  it("creates a run of an asset-scheduled DAG when an upstream task updates the asset", async () => {
    const before = await client.query("select count(*)::int as n from dag_run where dag_id = $1", [
      "e2e_asset_consumer",
    ]);
    const produced = await engine.runDag("e2e_asset_producer");
    expect(produced.run.state).toBe("success");
    const consumer = await eventually(
      async () => {
        const rows = (
          await client.query<{
            run_id: string;
            run_type: string;
            state: string;
            logical_date: Date | null;
          }>(
            `select run_id, run_type, state, logical_date from dag_run where dag_id = $1
           order by id desc`,
            ["e2e_asset_consumer"],
          )
        ).rows;
        return rows.length > Number(before.rows[0]!.n) && rows[0]!.state === "success"
          ? rows[0]
          : null;
      },
      20_000,
      "the asset-triggered run to succeed",
    );
    expect(consumer.run_type).toBe("asset_triggered");
    expect(consumer.run_id).toMatch(/^asset_triggered__\d{4}-\d\d-\d\dT.*_[A-Za-z0-9]{8}$/);
    expect(consumer.logical_date).toBeNull();
  });

  it("fails a run past its dagrun_timeout and skips its unfinished tasks", async () => {
    const started = Date.now();
    const { run, states } = await engine.runDag("e2e_dagrun_timeout");
    expect(run.state).toBe("failed");
    expect(states.forever).toBe("skipped");
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it("reschedules a sensor between pokes without using up tries, until its condition holds", async () => {
    const pokeFile = join(mkdtempSync(join(tmpdir(), "updraft-sensor-")), "pokes");
    const { run, tis } = await engine.runDag("e2e_reschedule_sensor", { conf: { pokeFile } });
    expect(run.state).toBe("success");
    const ti = tis.get("wait_until")!;
    expect(ti.tryNumber).toBe(1);
    const pokes = await client.query<{ n: number; first: Date; last: Date }>(
      `select count(*)::int as n, min(start_date) as first, max(reschedule_date) as last
       from task_reschedule where task_instance_id = $1`,
      [ti.id],
    );
    // Two pokes came back false and were rescheduled; the third held.
    expect(pokes.rows[0]!.n).toBe(2);
    // Each reschedule waits the 200 ms poke interval.
    expect(pokes.rows[0]!.last.getTime() - pokes.rows[0]!.first.getTime()).toBeGreaterThanOrEqual(
      390,
    );
  });
}
