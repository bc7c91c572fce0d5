// Contract of the DAG run queries, run on Postgres and on PGlite.
import type { SqlClient } from "../../src/sqlClient";
import { setDagPaused } from "../../src/queries/dags/setDagPaused";
import { syncDag } from "../../src/queries/dags/syncDag";
import { claimDagRunsToSchedule } from "../../src/queries/runs/claimDagRunsToSchedule";
import { countActiveDagRuns } from "../../src/queries/runs/countActiveDagRuns";
import { createDagRun, type CreateDagRunInput } from "../../src/queries/runs/createDagRun";
import { getDagRun } from "../../src/queries/runs/getDagRun";
import { listDagRuns } from "../../src/queries/runs/listDagRuns";
import { setDagRunState } from "../../src/queries/runs/setDagRunState";
import { startQueuedDagRuns } from "../../src/queries/runs/startQueuedDagRuns";
import { taskInstanceStates } from "../../src/queries/scheduling/taskInstanceStates";
import { resetStore, runningRun, testDag } from "./dags.contract";

const day = (n: number): Date => new Date(Date.UTC(2026, 0, n));

function runInput(dag: CreateDagRunInput["dag"], runId: string, date: Date): CreateDagRunInput {
  return {
    dag,
    runId,
    runType: "scheduled",
    logicalDate: date,
    dataIntervalStart: date,
    dataIntervalEnd: date,
    runAfter: date,
  };
}

/** The DAG run query contract. */
export function describeRunsContract(getClient: () => SqlClient): void {
  describe("dag run queries", () => {
    beforeEach(() => resetStore(getClient()));

    const etl = testDag("etl", {
      tasks: [
        { taskId: "extract", retries: 3, pool: "source", poolSlots: 2, priorityWeight: 7 },
        { taskId: "load" },
      ],
    });

    test("createDagRun inserts a queued run and one no-status task instance per task", async () => {
      const client = getClient();
      await syncDag(client, { dag: etl });
      const { dagRun, taskInstances } = await createDagRun(client, {
        ...runInput(etl, "scheduled__2026-01-01", day(1)),
        conf: { full: true },
        triggeredBy: "timetable",
        priorityWeights: { load: 42 },
        now: day(2),
      });
      expect(dagRun).toMatchObject({
        dagId: "etl",
        runId: "scheduled__2026-01-01",
        runType: "scheduled",
        logicalDate: day(1),
        state: "queued",
        queuedAt: day(2),
        startDate: null,
        conf: { full: true },
        triggeredBy: "timetable",
      });
      expect(taskInstances.map((t) => [t.taskId, t.state, t.mapIndex, t.tryNumber])).toEqual([
        ["extract", null, -1, 0],
        ["load", null, -1, 0],
      ]);
      expect(taskInstances[0]).toMatchObject({
        pool: "source",
        poolSlots: 2,
        priorityWeight: 7,
        maxTries: 3,
        queue: "default",
        operator: "EmptyOperator",
      });
      expect(taskInstances[1]).toMatchObject({ pool: "default_pool", priorityWeight: 42 });
      expect(await getDagRun(client, { id: dagRun.id })).toEqual(dagRun);
      expect(await getDagRun(client, { dagId: "etl", runId: dagRun.runId })).toEqual(dagRun);
      expect(await getDagRun(client, { dagId: "etl", runId: "nope" })).toBeNull();
    });

    test("createDagRun with a taken run_id or logical_date throws DAG_RUN_EXISTS naming it", async () => {
      const client = getClient();
      await syncDag(client, { dag: etl });
      await createDagRun(client, runInput(etl, "r1", day(1)));
      await expect(createDagRun(client, runInput(etl, "r1", day(5)))).rejects.toMatchObject({
        name: "StoreError",
        code: "DAG_RUN_EXISTS",
        details: { conflict: "run_id", value: "r1" },
      });
      await expect(createDagRun(client, runInput(etl, "r2", day(1)))).rejects.toMatchObject({
        code: "DAG_RUN_EXISTS",
        details: { conflict: "logical_date", value: day(1).toISOString() },
      });
      const count = await client.query<{ n: number }>(
        "select count(*)::int as n from task_instance",
      );
      expect(count.rows[0]?.n).toBe(2);
      await expect(
        createDagRun(client, runInput(testDag("ghost"), "r1", day(1))),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    test("listDagRuns pages newest first and filters; countActiveDagRuns counts per DAG", async () => {
      const client = getClient();
      await syncDag(client, { dag: etl });
      await syncDag(client, { dag: testDag("other") });
      for (const n of [1, 2, 3]) await createDagRun(client, runInput(etl, `r${n}`, day(n)));
      await createDagRun(client, runInput(testDag("other"), "o1", day(9)));
      const r2 = await getDagRun(client, { dagId: "etl", runId: "r2" });
      expect(await setDagRunState(client, { id: r2!.id, from: "queued", to: "running" })).toBe(
        true,
      );
      const page = await listDagRuns(client, { dagId: "etl", limit: 2, offset: 1 });
      expect(page.map((r) => r.runId)).toEqual(["r2", "r1"]);
      const all = await listDagRuns(client, { limit: 10 });
      expect(all.map((r) => r.runId)).toEqual(["o1", "r3", "r2", "r1"]);
      const running = await listDagRuns(client, { states: ["running"], limit: 10 });
      expect(running.map((r) => r.runId)).toEqual(["r2"]);
      expect(await countActiveDagRuns(client)).toEqual({
        etl: { queued: 2, running: 1 },
        other: { queued: 1, running: 0 },
      });
      expect(await countActiveDagRuns(client, { dagIds: ["other"] })).toEqual({
        other: { queued: 1, running: 0 },
      });
    });

    test("startQueuedDagRuns starts the oldest queued runs within max_active_runs", async () => {
      const client = getClient();
      const capped = testDag("capped", { maxActiveRuns: 2 });
      await syncDag(client, { dag: capped, pausedByDefault: false });
      const ids: number[] = [];
      for (const n of [3, 1, 2]) {
        ids.push((await createDagRun(client, runInput(capped, `r${n}`, day(n)))).dagRun.id);
      }
      const started = await startQueuedDagRuns(client, { ids, now: day(10) });
      expect(started.map((r) => [r.runId, r.state, r.startDate])).toEqual([
        ["r1", "running", day(10)],
        ["r2", "running", day(10)],
      ]);
      expect(await startQueuedDagRuns(client, { ids })).toEqual([]);
      const r1 = started[0]!;
      await setDagRunState(client, { id: r1.id, from: "running", to: "success" });
      expect((await startQueuedDagRuns(client, { ids })).map((r) => r.runId)).toEqual(["r3"]);
      expect(await startQueuedDagRuns(client, { ids: [] })).toEqual([]);
      await setDagPaused(client, { dagId: "capped", isPaused: true });
      for (const id of ids) await setDagRunState(client, { id, from: "running", to: "success" });
      await setDagRunState(client, { id: r1.id, from: "success", to: "queued" });
      expect(await startQueuedDagRuns(client, { ids })).toEqual([]);
      await setDagPaused(client, { dagId: "capped", isPaused: false });
      expect((await startQueuedDagRuns(client, { ids })).map((r) => r.runId)).toEqual(["r1"]);
    });

    test("setDagRunState is a compare-and-set that stamps end_date on finished states", async () => {
      const client = getClient();
      const run = await runningRun(client, etl, "r1", day(1));
      expect(
        await setDagRunState(client, { id: run.id, from: ["queued"], to: "failed", now: day(3) }),
      ).toBe(false);
      expect(await setDagRunState(client, { id: run.id, from: "running", to: "running" })).toBe(
        false,
      );
      expect(
        await setDagRunState(client, { id: run.id, from: "running", to: "failed", now: day(3) }),
      ).toBe(true);
      expect(await getDagRun(client, { id: run.id })).toMatchObject({
        state: "failed",
        endDate: day(3),
      });
      expect(
        await setDagRunState(client, { id: run.id, from: ["failed", "success"], to: "queued" }),
      ).toBe(true);
      expect(await getDagRun(client, { id: run.id })).toMatchObject({
        state: "queued",
        endDate: null,
      });
    });

    test("claimDagRunsToSchedule takes running runs of unpaused DAGs, least recently examined first", async () => {
      const client = getClient();
      const runs = [];
      for (const n of [1, 2, 3]) runs.push(await runningRun(client, etl, `r${n}`, day(n)));
      await runningRun(client, testDag("paused"), "p1", day(1));
      await setDagPaused(client, { dagId: "paused", isPaused: true });
      const first = await claimDagRunsToSchedule(client, { limit: 2, now: day(20) });
      expect(first.map(({ run }) => [run.runId, run.lastSchedulingDecision])).toEqual([
        ["r1", day(20)],
        ["r2", day(20)],
      ]);
      const second = await claimDagRunsToSchedule(client, { limit: 2, now: day(21) });
      expect(second.map(({ run }) => run.runId)).toEqual(["r3", "r1"]);
      await setDagRunState(client, { id: runs[1]!.id, from: "running", to: "success" });
      const third = await claimDagRunsToSchedule(client, { limit: 10, now: day(22) });
      expect(third.map(({ run }) => run.runId)).toEqual(["r1", "r3"]);
    });

    test("claimDagRunsToSchedule returns each run's current serialized dag_hash", async () => {
      const client = getClient();
      await runningRun(client, etl, "r1", day(1));
      const stored = await client.query<{ dag_hash: string }>(
        "select dag_hash from serialized_dag where dag_id = $1",
        ["etl"],
      );
      const [claimed] = await claimDagRunsToSchedule(client, { limit: 1 });
      expect(claimed?.dagHash).toBe(stored.rows[0]?.dag_hash);
    });

    test("claimDagRunsToSchedule with states reads a small run's instance states, in taskInstanceStates' order", async () => {
      const client = getClient();
      const wide = testDag("wide", { tasks: [{ taskId: "b" }, { taskId: "a" }, { taskId: "c" }] });
      const run = await runningRun(client, wide, "r1", day(1));
      await client.query(
        "update task_instance set state = 'success' where dag_id = 'wide' and task_id = 'b'",
      );
      const expected = await taskInstanceStates(client, run);
      expect(expected.map((i) => [i.taskId, i.state])).toEqual([
        ["a", null],
        ["b", "success"],
        ["c", null],
      ]);
      const claim = (withStates?: { maxInstances: number; exceptDags: string[] }) =>
        claimDagRunsToSchedule(client, { limit: 1, ...(withStates ? { withStates } : {}) });
      expect((await claim({ maxInstances: 3, exceptDags: [] }))[0]?.instances).toEqual(expected);
      // More instances than asked for, or a DAG excepted: left for the pass to read.
      expect((await claim({ maxInstances: 2, exceptDags: [] }))[0]?.instances).toBeNull();
      expect((await claim({ maxInstances: 3, exceptDags: ["wide"] }))[0]?.instances).toBeNull();
      expect((await claim())[0]?.instances).toBeUndefined();
    });

    test("concurrent claims get disjoint runs", async () => {
      const client = getClient();
      for (const n of [1, 2, 3, 4, 5, 6]) await runningRun(client, etl, `r${n}`, day(n));
      const [a, b] = await Promise.all([
        claimDagRunsToSchedule(client, { limit: 3 }),
        claimDagRunsToSchedule(client, { limit: 3 }),
      ]);
      const ids = [...a, ...b].map(({ run }) => run.runId).sort();
      expect(ids).toEqual(["r1", "r2", "r3", "r4", "r5", "r6"]);
    });
  });
}
