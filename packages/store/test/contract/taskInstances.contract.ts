// Contract of the task instance queries, run on Postgres and on PGlite.
import { SCHEDULER_CHANNEL } from "../../src/notifications";
import type { SqlClient } from "../../src/sqlClient";
import { setDagRunState } from "../../src/queries/runs/setDagRunState";
import { expandMappedTaskInstance } from "../../src/queries/scheduling/expandMappedTaskInstance";
import { runProgress } from "../../src/queries/scheduling/runProgress";
import { clearTaskInstances } from "../../src/queries/taskInstances/clearTaskInstances";
import { findZombieTaskInstances } from "../../src/queries/taskInstances/findZombieTaskInstances";
import {
  finishTaskInstance,
  finishTaskInstances,
  finishTries,
} from "../../src/queries/taskInstances/finishTaskInstance";
import { getTaskInstance } from "../../src/queries/taskInstances/getTaskInstance";
import { heartbeatTaskInstance } from "../../src/queries/taskInstances/heartbeatTaskInstance";
import { listTaskInstances } from "../../src/queries/taskInstances/listTaskInstances";
import { listTaskInstancesInStates } from "../../src/queries/taskInstances/listTaskInstancesInStates";
import { queueTaskInstances } from "../../src/queries/taskInstances/queueTaskInstances";
import { sendScheduleAndQueue } from "../../src/queries/taskInstances/scheduleAndQueueTaskInstances";
import { resetTaskInstancesForRetry } from "../../src/queries/taskInstances/resetTaskInstancesForRetry";
import {
  scheduleTaskInstances,
  scheduleTaskInstancesCount,
} from "../../src/queries/taskInstances/scheduleTaskInstances";
import { setTaskInstanceStates } from "../../src/queries/taskInstances/setTaskInstanceStates";
import { startTaskInstance } from "../../src/queries/taskInstances/startTaskInstance";
import { startTries } from "../../src/queries/taskInstances/startTry";
import type { TaskInstanceKey, TaskInstanceRow } from "../../src/rows/taskInstanceRow";
import { resetStore, runningRun, testDag, type TestTask } from "./dags.contract";

const day = (n: number): Date => new Date(Date.UTC(2026, 0, n));
const seconds = (date: Date, s: number): Date => new Date(date.getTime() + s * 1000);

/** The key of a task instance of DAG "d". */
export const tiKey = (runId: string, taskId: string): TaskInstanceKey => ({
  dagId: "d",
  runId,
  taskId,
  mapIndex: -1,
});

/** Adds a pool (the pool queries belong to another file set; plain SQL here). */
export async function addPool(client: SqlClient, pool: string, slots: number): Promise<void> {
  await client.query("insert into slot_pool (pool, slots) values ($1, $2)", [pool, slots]);
}

/** A running run "runId" of DAG "d" with the given tasks, every task instance scheduled. */
export async function scheduledRun(
  client: SqlClient,
  runId: string,
  tasks: readonly TestTask[],
  options: { date?: Date; maxActiveTasks?: number } = {},
): Promise<TaskInstanceRow[]> {
  const dag = testDag("d", { tasks, maxActiveTasks: options.maxActiveTasks ?? 16 });
  await runningRun(client, dag, runId, options.date ?? day(1));
  return scheduleTaskInstances(client, { keys: tasks.map((t) => tiKey(runId, t.taskId)) });
}

/** Schedules, queues and starts one task instance (try 1). */
/** Waits (at most 2 s) until `count` notifications have come in. */
async function untilReceived(received: readonly string[], count: number): Promise<void> {
  const deadline = Date.now() + 2000;
  while (received.length < count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

async function runningTi(client: SqlClient, key: TaskInstanceKey, now = day(1)) {
  await scheduleTaskInstances(client, { keys: [key] });
  await queueTaskInstances(client, { keys: [key], limit: 1 });
  const ti = await startTaskInstance(client, { ...key, tryNumber: 1, hostname: "w1", pid: 7, now });
  if (ti === null) throw new Error("did not start");
  return ti;
}

const history = async (client: SqlClient) =>
  (
    await client.query<{ task_id: string; try_number: number; state: string }>(
      "select task_id, try_number, state from task_instance_history order by id",
    )
  ).rows;

/** The task instance query contract. */
export function describeTaskInstancesContract(getClient: () => SqlClient): void {
  describe("task instance queries", () => {
    beforeEach(() => resetStore(getClient()));

    test("scheduleTaskInstances counts the try; a second call and other runs do nothing", async () => {
      const client = getClient();
      const dag = testDag("d", { tasks: [{ taskId: "a" }, { taskId: "b" }] });
      await runningRun(client, dag, "r1", day(1));
      const scheduled = await scheduleTaskInstances(client, {
        keys: [tiKey("r1", "b"), tiKey("r1", "a")],
        now: day(2),
      });
      expect(scheduled.map((t) => [t.taskId, t.state, t.tryNumber, t.scheduledDttm])).toEqual([
        ["b", "scheduled", 1, day(2)],
        ["a", "scheduled", 1, day(2)],
      ]);
      expect(await scheduleTaskInstances(client, { keys: [tiKey("r1", "a")] })).toEqual([]);
      const run = await runningRun(client, dag, "r2", day(2));
      await setDagRunState(client, { id: run.id, from: "running", to: "failed" });
      expect(await scheduleTaskInstances(client, { keys: [tiKey("r2", "a")] })).toEqual([]);
      expect((await getTaskInstance(client, tiKey("r2", "a")))?.state).toBeNull();
      expect(await getTaskInstance(client, tiKey("r2", "nope"))).toBeNull();
      expect(
        (await listTaskInstances(client, { dagId: "d", runId: "r1" })).map((t) => t.taskId),
      ).toEqual(["a", "b"]);
    });

    test("scheduleTaskInstancesCount schedules as scheduleTaskInstances and says how many, for few keys and many", async () => {
      const client = getClient();
      const tasks = Array.from({ length: 40 }, (_, i) => ({ taskId: `t${i}` }));
      await runningRun(client, testDag("d", { tasks }), "r1", day(1));
      const keys = tasks.map((t) => tiKey("r1", t.taskId));
      // 3 keys go by unique-key probes, 40 by a hash join over the run; each counts what it moved.
      expect(await scheduleTaskInstancesCount(client, { keys: keys.slice(0, 3) })).toBe(3);
      expect(await scheduleTaskInstancesCount(client, { keys, now: day(2) })).toBe(37);
      expect(await scheduleTaskInstancesCount(client, { keys })).toBe(0);
      expect(await scheduleTaskInstancesCount(client, { keys: [] })).toBe(0);
      const states = await listTaskInstances(client, { dagId: "d", runId: "r1" });
      expect(new Set(states.map((t) => `${t.state} ${t.tryNumber}`))).toEqual(
        new Set(["scheduled 1"]),
      );
      expect(states.find((t) => t.taskId === "t39")?.scheduledDttm).toEqual(day(2));
    });

    describe("sendScheduleAndQueue", () => {
      const send = (client: SqlClient, taskIds: string[], extra: { parallelism?: number } = {}) =>
        client.transaction(async (tx) =>
          sendScheduleAndQueue(tx, {
            dagId: "d",
            runId: "r1",
            keys: taskIds.map((taskId) => ({ taskId, mapIndex: -1 })),
            parallelism: extra.parallelism ?? 32,
            jobId: 7,
            now: day(2),
          }),
        );
      const states = async (client: SqlClient) =>
        (await listTaskInstances(client, { dagId: "d", runId: "r1" })).map((t) => [
          t.taskId,
          t.state,
          t.tryNumber,
        ]);

      test("ready instances that all fit go straight to queued, counted as a try", async () => {
        const client = getClient();
        const dag = testDag("d", { tasks: [{ taskId: "a" }, { taskId: "b" }, { taskId: "c" }] });
        await runningRun(client, dag, "r1", day(1));
        const result = await send(client, ["a", "b"]);
        expect(result.scheduled).toBe(0);
        expect(
          result.queued.map((t) => [t.taskId, t.state, t.tryNumber, t.queuedByJobId]).sort(),
        ).toEqual([
          ["a", "queued", 1, 7],
          ["b", "queued", 1, 7],
        ]);
        expect(result.queued[0]).toMatchObject({ scheduledDttm: day(2), queuedDttm: day(2) });
        expect(await states(client)).toEqual([
          ["a", "queued", 1],
          ["b", "queued", 1],
          ["c", null, 0],
        ]);
        // A second call finds nothing to move (compare-and-set on the state).
        expect(await send(client, ["a", "b"])).toEqual({ queued: [], scheduled: 0 });
      });

      test.each([
        ["the pool", { pool: "p1", poolSlots: 2 }, {}],
        ["max_active_tasks", {}, {}],
        ["parallelism", {}, { parallelism: 1 }],
        ["a task cap", { maxActiveTisPerDag: 5 }, {}],
      ] as const)(
        "when %s leaves no room for them all, they are only scheduled",
        async (_, task, extra) => {
          const client = getClient();
          await addPool(client, "p1", 3);
          const tasks = ["a", "b"].map((taskId) => ({ taskId, ...task }));
          const dag = testDag("d", {
            tasks,
            maxActiveTasks: 1 + (_ === "max_active_tasks" ? 0 : 9),
          });
          await runningRun(client, dag, "r1", day(1));
          const result = await send(client, ["a", "b"], extra);
          expect(result).toEqual({ queued: [], scheduled: 2 });
          expect(await states(client)).toEqual([
            ["a", "scheduled", 1],
            ["b", "scheduled", 1],
          ]);
        },
      );

      test("two callers at once never overfill a pool", async () => {
        const client = getClient();
        await addPool(client, "p1", 1);
        const dag = testDag("d", {
          tasks: [
            { taskId: "a", pool: "p1" },
            { taskId: "b", pool: "p1" },
          ],
        });
        await runningRun(client, dag, "r1", day(1));
        const [one, two] = await Promise.all([send(client, ["a"]), send(client, ["b"])]);
        expect(one.queued.length + two.queued.length).toBe(1);
        expect(one.scheduled + two.scheduled).toBe(1);
      });
    });

    test("queueTaskInstances fills a pool of 2 by priority and reports the rest", async () => {
      const client = getClient();
      await addPool(client, "p2", 2);
      const tasks = [1, 2, 3, 4, 5].map((w) => ({
        taskId: `t${w}`,
        pool: "p2",
        priorityWeight: w,
      }));
      await scheduledRun(client, "r1", tasks);
      const first = await queueTaskInstances(client, { limit: 10, jobId: 9, now: day(3) });
      expect(first.queued.map((t) => [t.taskId, t.state, t.tryNumber, t.queuedDttm])).toEqual([
        ["t5", "queued", 1, day(3)],
        ["t4", "queued", 1, day(3)],
      ]);
      expect(first.queued[0]?.queuedByJobId).toBe(9);
      expect(first.left).toEqual(
        ["t3", "t2", "t1"].map((t) => ({ ...tiKey("r1", t), reason: "pool_full" })),
      );
      const second = await queueTaskInstances(client, { limit: 10 });
      expect(second.queued).toEqual([]);
      expect(second.left).toHaveLength(3);
    });

    test("with every pool full, queueing examines no candidate", async () => {
      const client = getClient();
      await client.query("update slot_pool set slots = 2 where pool = 'default_pool'");
      await scheduledRun(
        client,
        "r1",
        ["a", "b", "c"].map((taskId) => ({ taskId })),
      );
      const first = await queueTaskInstances(client, { limit: 10 });
      expect(first.queued).toHaveLength(2);
      expect(first.left.map((l) => l.reason)).toEqual(["pool_full"]);
      // No slot is open anywhere, so nothing is read (nor locked) to be passed over.
      expect(await queueTaskInstances(client, { limit: 10 })).toEqual({ queued: [], left: [] });
    });

    test("candidates passed over for a full pool do not hide a lower-priority one that fits", async () => {
      const client = getClient();
      await addPool(client, "p0", 0);
      // More blocked candidates than the first window (limit + 64) reads, then one that fits in
      // the wider one (4 × limit + 64).
      const blocked = Array.from({ length: 70 }, (_, i) => ({
        taskId: `blocked${i}`,
        pool: "p0",
        priorityWeight: 100,
      }));
      await scheduledRun(client, "r1", [...blocked, { taskId: "fits", priorityWeight: 1 }], {
        maxActiveTasks: 1000,
      });
      const { queued, left } = await queueTaskInstances(client, { limit: 2 });
      expect(queued.map((t) => t.taskId)).toEqual(["fits"]);
      expect(left).toHaveLength(70);
    });

    test("two concurrent queue calls never exceed the pool", async () => {
      const client = getClient();
      await addPool(client, "p2", 2);
      const tasks = [1, 2, 3, 4, 5].map((w) => ({ taskId: `t${w}`, pool: "p2" }));
      await scheduledRun(client, "r1", tasks);
      const [a, b] = await Promise.all([
        queueTaskInstances(client, { limit: 5 }),
        queueTaskInstances(client, { limit: 5 }),
      ]);
      expect(a.queued.length + b.queued.length).toBe(2);
      const queued = await listTaskInstancesInStates(client, { states: ["queued"] });
      expect(queued).toHaveLength(2);
    });

    test("pool_slots, unknown pools, unlimited pools, limit and keys", async () => {
      const client = getClient();
      await addPool(client, "wide", 3);
      await addPool(client, "open", -1);
      await scheduledRun(client, "r1", [
        { taskId: "big", pool: "wide", poolSlots: 2, priorityWeight: 10 },
        { taskId: "big2", pool: "wide", poolSlots: 2, priorityWeight: 9 },
        { taskId: "small", pool: "wide", poolSlots: 1, priorityWeight: 5 },
        { taskId: "lost", pool: "missing", priorityWeight: 4 },
        { taskId: "free1", pool: "open", poolSlots: 100 },
        { taskId: "free2", pool: "open", poolSlots: 100 },
      ]);
      const onlyFree = await queueTaskInstances(client, { limit: 1, keys: [tiKey("r1", "free1")] });
      expect(onlyFree.queued.map((t) => t.taskId)).toEqual(["free1"]);
      const rest = await queueTaskInstances(client, { limit: 10 });
      expect(rest.queued.map((t) => t.taskId)).toEqual(["big", "small", "free2"]);
      expect(rest.left.map((l) => [l.taskId, l.reason])).toEqual([
        ["big2", "pool_full"],
        ["lost", "pool_not_found"],
      ]);
    });

    test("max_active_tasks per run and max_active_tis_per_dag(run) hold; older runs go first", async () => {
      const client = getClient();
      const tasks = [
        { taskId: "a", priorityWeight: 3 },
        { taskId: "b", priorityWeight: 2 },
        { taskId: "c", priorityWeight: 1, maxActiveTisPerDag: 1 },
      ];
      await scheduledRun(client, "r2", tasks, { date: day(2), maxActiveTasks: 2 });
      await scheduledRun(client, "r1", tasks, { date: day(1), maxActiveTasks: 2 });
      const result = await queueTaskInstances(client, { limit: 10 });
      expect(result.queued.map((t) => [t.runId, t.taskId])).toEqual([
        ["r1", "a"],
        ["r2", "a"],
        ["r1", "b"],
        ["r2", "b"],
      ]);
      expect(result.left.map((l) => [l.runId, l.taskId, l.reason])).toEqual([
        ["r1", "c", "max_active_tasks"],
        ["r2", "c", "max_active_tasks"],
      ]);
      await runningTi(client, tiKey("r1", "a"));
      await finishTaskInstance(client, { ...tiKey("r1", "a"), tryNumber: 1, state: "success" });
      await finishTaskInstanceQueued(client, tiKey("r2", "a"));
      const next = await queueTaskInstances(client, { limit: 10 });
      expect(next.queued.map((t) => [t.runId, t.taskId])).toEqual([["r1", "c"]]);
      expect(next.left.map((l) => [l.runId, l.taskId, l.reason])).toEqual([
        ["r2", "c", "max_active_tis_per_dag"],
      ]);
    });

    test("max_active_tis_per_dagrun caps a mapped task's instances in each run, pass after pass", async () => {
      const client = getClient();
      const tasks = [
        { taskId: "m", priorityWeight: 2, maxActiveTisPerDagrun: 2 },
        { taskId: "free", priorityWeight: 1 },
      ];
      const mapped = async (runId: string, date: Date) => {
        const dag = testDag("d", { tasks, maxActiveTasks: 16 });
        await runningRun(client, dag, runId, date);
        await expandMappedTaskInstance(client, { dagId: "d", runId, taskId: "m", count: 3 });
        const keys = [0, 1, 2].map((mapIndex) => ({ ...tiKey(runId, "m"), mapIndex }));
        await scheduleTaskInstances(client, { keys: [...keys, tiKey(runId, "free")] });
      };
      await mapped("r1", day(1));
      await mapped("r2", day(2));
      const first = await queueTaskInstances(client, { limit: 10 });
      expect(first.queued.map((t) => [t.runId, t.taskId, t.mapIndex])).toEqual([
        ["r1", "m", 0],
        ["r1", "m", 1],
        ["r2", "m", 0],
        ["r2", "m", 1],
        ["r1", "free", -1],
        ["r2", "free", -1],
      ]);
      // The next pass counts the queued ones from the table: still no room for map index 2.
      const next = await queueTaskInstances(client, { limit: 10 });
      expect(next.queued).toEqual([]);
      expect(next.left.map((l) => [l.runId, l.taskId, l.mapIndex, l.reason])).toEqual([
        ["r1", "m", 2, "max_active_tis_per_dagrun"],
        ["r2", "m", 2, "max_active_tis_per_dagrun"],
      ]);
      await finishTaskInstanceQueued(client, { ...tiKey("r2", "m"), mapIndex: 0 });
      const freed = await queueTaskInstances(client, { limit: 10 });
      expect(freed.queued.map((t) => [t.runId, t.taskId, t.mapIndex])).toEqual([["r2", "m", 2]]);
    });

    test("queueTaskInstances takes the best of every running run, not of one run alone", async () => {
      const client = getClient();
      const ranked = [1, 2, 3, 4, 5].map((w) => ({ taskId: `t${w}`, priorityWeight: w }));
      await scheduledRun(client, "r1", ranked, { date: day(1), maxActiveTasks: 10 });
      await scheduledRun(client, "r2", [{ taskId: "t3", priorityWeight: 3 }], { date: day(2) });
      await scheduledRun(client, "r3", [{ taskId: "t9", priorityWeight: 9 }], { date: day(3) });
      const { queued } = await queueTaskInstances(client, { limit: 4 });
      expect(queued.map((t) => [t.runId, t.taskId])).toEqual([
        ["r3", "t9"],
        ["r1", "t5"],
        ["r1", "t4"],
        ["r1", "t3"],
      ]);
      const next = await queueTaskInstances(client, { limit: 1 });
      expect(next.queued.map((t) => [t.runId, t.taskId])).toEqual([["r2", "t3"]]);
    });

    test("parallelism caps queued + running task instances in all, counted at queueing", async () => {
      const client = getClient();
      const tasks = ["a", "b", "c", "d", "e"].map((taskId) => ({ taskId }));
      await scheduledRun(client, "r1", tasks, { maxActiveTasks: 10 });
      await queueTaskInstances(client, { limit: 1, keys: [tiKey("r1", "a")] });
      await startTaskInstance(client, { ...tiKey("r1", "a"), tryNumber: 1, hostname: "w", pid: 1 });
      await queueTaskInstances(client, { limit: 1, keys: [tiKey("r1", "b")] });
      const capped = await queueTaskInstances(client, { limit: 10, parallelism: 3 });
      expect(capped.queued).toHaveLength(1);
      expect(await queueTaskInstances(client, { limit: 10, parallelism: 3 })).toEqual({
        queued: [],
        left: [],
      });
      await finishTaskInstance(client, { ...tiKey("r1", "a"), tryNumber: 1, state: "success" });
      expect((await queueTaskInstances(client, { limit: 10, parallelism: 3 })).queued).toHaveLength(
        1,
      );
    });

    test("runProgress tells whether a run has instances without a status, and unfinished ones", async () => {
      const client = getClient();
      const dag = testDag("d", { tasks: [{ taskId: "a" }, { taskId: "b" }] });
      const run = { dagId: "d", runId: "r1" };
      await runningRun(client, dag, "r1", day(1));
      expect(await runProgress(client, run)).toEqual({ noStatus: true, unfinished: true });
      await scheduleTaskInstances(client, { keys: [tiKey("r1", "a"), tiKey("r1", "b")] });
      expect(await runProgress(client, run)).toEqual({ noStatus: false, unfinished: true });
      await setTaskInstanceStates(client, {
        changes: [
          { ...tiKey("r1", "a"), expectedState: "scheduled", state: "success" },
          { ...tiKey("r1", "b"), expectedState: "scheduled", state: "up_for_retry" },
        ],
      });
      expect(await runProgress(client, run)).toEqual({ noStatus: false, unfinished: true });
      await setTaskInstanceStates(client, {
        changes: [{ ...tiKey("r1", "b"), expectedState: "up_for_retry", state: "failed" }],
      });
      expect(await runProgress(client, run)).toEqual({ noStatus: false, unfinished: false });
      expect(await runProgress(client, { dagId: "d", runId: "nope" })).toEqual({
        noStatus: false,
        unfinished: false,
      });
    });

    test("startTaskInstance runs a queued try once; heartbeats need the running try", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "a" }]);
      const key = tiKey("r1", "a");
      await queueTaskInstances(client, { limit: 1 });
      expect(
        await startTaskInstance(client, { ...key, tryNumber: 2, hostname: "w", pid: 1 }),
      ).toBeNull();
      const started = await startTaskInstance(client, {
        ...key,
        tryNumber: 1,
        hostname: "w1",
        pid: 42,
        unixname: "updraft",
        now: day(4),
      });
      expect(started).toMatchObject({
        state: "running",
        tryNumber: 1,
        hostname: "w1",
        pid: 42,
        unixname: "updraft",
        startDate: day(4),
        lastHeartbeatAt: day(4),
      });
      expect(
        await startTaskInstance(client, { ...key, tryNumber: 1, hostname: "w2", pid: 1 }),
      ).toBeNull();
      expect(await heartbeatTaskInstance(client, { ...key, tryNumber: 1, now: day(5) })).toBe(true);
      expect(await heartbeatTaskInstance(client, { ...key, tryNumber: 2 })).toBe(false);
      expect((await getTaskInstance(client, key))?.lastHeartbeatAt).toEqual(day(5));
    });

    test("concurrent starts of the same try: exactly one wins", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "a" }]);
      await queueTaskInstances(client, { limit: 1 });
      const start = (hostname: string) =>
        startTaskInstance(client, { ...tiKey("r1", "a"), tryNumber: 1, hostname, pid: 1 });
      const results = await Promise.all([start("w1"), start("w2"), start("w3")]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    test("startTries claims a batch: per input in order, null for a lost claim or a repeated key", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "a" }, { taskId: "b" }, { taskId: "c" }]);
      await queueTaskInstances(client, { limit: 3 });
      await client.query(
        "insert into xcom (dag_run_id, task_id, map_index, key, dag_id, run_id, value) select r.id, 'a', -1, 'return_value', 'd', 'r1', '1' from dag_run r where r.run_id = 'r1'",
      );
      const claim = (taskId: string, tryNumber = 1, hostname = "w1") => ({
        ...tiKey("r1", taskId),
        tryNumber,
        hostname,
        pid: 7,
      });
      const started = await startTries(client, [
        claim("a"),
        claim("b", 2),
        claim("c", 1, "w1"),
        claim("c", 1, "w2"),
      ]);
      expect(started.map((s) => s?.taskInstance.taskId ?? null)).toEqual(["a", null, "c", null]);
      expect(started[0]).toMatchObject({
        taskInstance: { state: "running", hostname: "w1", pid: 7 },
        dagRun: { runId: "r1", state: "running" },
      });
      expect((await getTaskInstance(client, tiKey("r1", "c")))?.hostname).toBe("w1");
      expect((await getTaskInstance(client, tiKey("r1", "b")))?.state).toBe("queued");
      const xcoms = await client.query("select task_id from xcom");
      expect(xcoms.rows).toEqual([]);
      expect(await startTries(client, [])).toEqual([]);
    });

    test("finishTaskInstances ends a batch of tries with their own outcomes and log lines", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [
        { taskId: "a" },
        { taskId: "b", retries: 1 },
        { taskId: "s" },
      ]);
      for (const taskId of ["a", "b", "s"]) await runningTi(client, tiKey("r1", taskId), day(1));
      const line = (message: string) => [{ level: "info" as const, message }];
      const finished = await finishTaskInstances(client, [
        {
          ...tiKey("r1", "a"),
          tryNumber: 1,
          state: "success",
          logLines: line("a done"),
          renderedFields: { sql: "select 1" },
        },
        {
          ...tiKey("r1", "b"),
          tryNumber: 1,
          state: "up_for_retry",
          nextRetryAt: day(3),
          logLines: line("b failed"),
        },
        { ...tiKey("r1", "a"), tryNumber: 1, state: "failed" },
        { ...tiKey("r1", "s"), tryNumber: 2, state: "success" },
      ]);
      expect(finished.map((f) => f && [f.taskId, f.state, f.nextRetryAt])).toEqual([
        ["a", "success", null],
        ["b", "up_for_retry", day(3)],
        null,
        null,
      ]);
      expect((await getTaskInstance(client, tiKey("r1", "s")))?.state).toBe("running");
      // Only the retried try is superseded; a's try is its task instance's current one.
      expect(await history(client)).toEqual([
        { task_id: "b", try_number: 1, state: "up_for_retry" },
      ]);
      const logs = await client.query<{ task_id: string; message: string }>(
        "select task_id, message from task_log order by id",
      );
      expect(logs.rows).toEqual([
        { task_id: "a", message: "a done" },
        { task_id: "b", message: "b failed" },
      ]);
      const rendered = await client.query<{ task_id: string }>(
        "select task_id from rendered_task_instance_fields",
      );
      expect(rendered.rows).toEqual([{ task_id: "a" }]);
    });

    test("finishing wakes the scheduler: task_due_later when a try ends up_for_retry, else task_finished", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "a" }, { taskId: "b" }]);
      const received: string[] = [];
      const stop = await client.listen(SCHEDULER_CHANNEL, (payload) => received.push(payload));
      try {
        for (const taskId of ["a", "b"]) await runningTi(client, tiKey("r1", taskId));
        await finishTaskInstance(client, { ...tiKey("r1", "a"), tryNumber: 1, state: "success" });
        await finishTaskInstance(client, {
          ...tiKey("r1", "b"),
          tryNumber: 1,
          state: "up_for_retry",
          nextRetryAt: day(2),
        });
        await untilReceived(received, 2);
        expect(received).toEqual(["task_finished", "task_due_later"]);
      } finally {
        await stop();
      }
    });

    test("finishTries ends the running tries and wakes the scheduler, answering only which ended", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "a" }, { taskId: "b" }]);
      const received: string[] = [];
      const stop = await client.listen(SCHEDULER_CHANNEL, (payload) => received.push(payload));
      try {
        for (const taskId of ["a", "b"]) await runningTi(client, tiKey("r1", taskId), day(1));
        const ended = await finishTries(client, [
          { ...tiKey("r1", "a"), tryNumber: 1, state: "success", now: day(2) },
          { ...tiKey("r1", "b"), tryNumber: 2, state: "failed" },
        ]);
        expect(ended).toEqual([true, false]);
        expect(await getTaskInstance(client, tiKey("r1", "a"))).toMatchObject({
          state: "success",
          endDate: day(2),
        });
        expect((await getTaskInstance(client, tiKey("r1", "b")))?.state).toBe("running");
        await untilReceived(received, 1);
        expect(received).toEqual(["task_finished"]);
        expect(await finishTries(client, [])).toEqual([]);
      } finally {
        await stop();
      }
    });

    test("finishTaskInstance ends the running try; a stale try does nothing", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "a" }]);
      const key = tiKey("r1", "a");
      await runningTi(client, key, day(1));
      expect(
        await finishTaskInstance(client, { ...key, tryNumber: 2, state: "failed" }),
      ).toBeNull();
      expect((await getTaskInstance(client, key))?.state).toBe("running");
      const done = await finishTaskInstance(client, {
        ...key,
        tryNumber: 1,
        state: "success",
        now: seconds(day(1), 90),
      });
      expect(done).toMatchObject({ state: "success", endDate: seconds(day(1), 90), duration: 90 });
      expect(
        await finishTaskInstance(client, { ...key, tryNumber: 1, state: "failed" }),
      ).toBeNull();
      expect(await history(client)).toEqual([]);
      await expect(
        finishTaskInstance(client, { ...key, tryNumber: 1, state: "queued" as "success" }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    });

    test("up_for_retry waits for next_retry_at, then resetTaskInstancesForRetry schedules try 2", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "a", retries: 2 }]);
      const key = tiKey("r1", "a");
      await runningTi(client, key);
      const failed = await finishTaskInstance(client, {
        ...key,
        tryNumber: 1,
        state: "up_for_retry",
        nextRetryAt: day(5),
      });
      expect(failed).toMatchObject({ state: "up_for_retry", nextRetryAt: day(5), tryNumber: 1 });
      expect(await resetTaskInstancesForRetry(client, { now: day(4) })).toEqual([]);
      const [concurrentA, concurrentB] = await Promise.all([
        resetTaskInstancesForRetry(client, { now: day(6) }),
        resetTaskInstancesForRetry(client, { now: day(6) }),
      ]);
      const retried = [...concurrentA, ...concurrentB];
      expect(retried.map((t) => [t.state, t.tryNumber, t.scheduledDttm])).toEqual([
        ["scheduled", 2, day(6)],
      ]);
      expect(await history(client)).toEqual([
        { task_id: "a", try_number: 1, state: "up_for_retry" },
      ]);
    });

    test("scheduling the retry of a try handed back without an outcome records that try", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "a", retries: 1 }]);
      const key = tiKey("r1", "a");
      await runningTi(client, key);
      // What a worker does with a try cleared while it ran: restarting, then up_for_retry.
      for (const [from, to] of [
        ["running", "restarting"],
        ["restarting", "up_for_retry"],
      ] as const)
        await setTaskInstanceStates(client, {
          changes: [{ ...key, expectedState: from, state: to }],
        });
      expect(await history(client)).toEqual([]);
      const [retried] = await resetTaskInstancesForRetry(client, { now: day(2) });
      expect(retried).toMatchObject({ state: "scheduled", tryNumber: 2 });
      expect(await history(client)).toEqual([
        { task_id: "a", try_number: 1, state: "up_for_retry" },
      ]);
    });

    test("up_for_reschedule keeps the try and records a task_reschedule row", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "sensor" }]);
      const key = tiKey("r1", "sensor");
      await runningTi(client, key, day(1));
      await finishTaskInstance(client, {
        ...key,
        tryNumber: 1,
        state: "up_for_reschedule",
        rescheduleDate: day(2),
        now: seconds(day(1), 5),
      });
      const reschedules = await client.query<{ try_number: number; reschedule_date: Date }>(
        "select try_number, reschedule_date from task_reschedule",
      );
      expect(reschedules.rows).toEqual([{ try_number: 1, reschedule_date: day(2) }]);
      const [again] = await scheduleTaskInstances(client, { keys: [key] });
      expect(again).toMatchObject({ state: "scheduled", tryNumber: 1 });
      expect(await history(client)).toEqual([]);
    });

    test("setTaskInstanceStates is a bulk compare-and-set (null = no status)", async () => {
      const client = getClient();
      const dag = testDag("d", { tasks: [{ taskId: "a" }, { taskId: "b" }, { taskId: "c" }] });
      await runningRun(client, dag, "r1", day(1));
      await scheduleTaskInstances(client, { keys: [tiKey("r1", "c")] });
      const changed = await setTaskInstanceStates(client, {
        now: day(3),
        changes: [
          { ...tiKey("r1", "b"), expectedState: "scheduled", state: "skipped" },
          { ...tiKey("r1", "a"), expectedState: null, state: "upstream_failed" },
          { ...tiKey("r1", "c"), expectedState: "scheduled", state: "removed" },
        ],
      });
      expect(changed).toEqual([tiKey("r1", "a"), tiKey("r1", "c")]);
      expect(await getTaskInstance(client, tiKey("r1", "a"))).toMatchObject({
        state: "upstream_failed",
        startDate: day(3),
        endDate: day(3),
        duration: 0,
      });
      expect((await getTaskInstance(client, tiKey("r1", "b")))?.state).toBeNull();
      expect(await setTaskInstanceStates(client, { changes: [] })).toEqual([]);
    });

    test("findZombieTaskInstances finds running tries whose heartbeat is too old", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [{ taskId: "a" }, { taskId: "b" }]);
      await runningTi(client, tiKey("r1", "a"), day(1));
      await runningTi(client, tiKey("r1", "b"), day(1));
      await heartbeatTaskInstance(client, { ...tiKey("r1", "b"), tryNumber: 1, now: day(2) });
      const check = (now: Date) => findZombieTaskInstances(client, { timeoutSeconds: 300, now });
      expect(await check(seconds(day(1), 299))).toEqual([]);
      expect((await check(seconds(day(2), 10))).map((t) => t.taskId)).toEqual(["a"]);
      expect((await check(day(3))).map((t) => t.taskId)).toEqual(["a", "b"]);
      const states = await listTaskInstancesInStates(client, { states: ["running", "queued"] });
      expect(states.map((t) => t.taskId).sort()).toEqual(["a", "b"]);
      expect(await listTaskInstancesInStates(client, { states: ["queued"], dagId: "d" })).toEqual(
        [],
      );
    });

    test("clearTaskInstances: finished → no status with more tries; running → restarting", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [
        { taskId: "done", retries: 2 },
        { taskId: "busy", retries: 1 },
        { taskId: "idle", retries: 4 },
      ]);
      await runningTi(client, tiKey("r1", "done"));
      await finishTaskInstance(client, { ...tiKey("r1", "done"), tryNumber: 1, state: "failed" });
      await runningTi(client, tiKey("r1", "busy"));
      const cleared = await clearTaskInstances(client, {
        keys: [tiKey("r1", "done"), tiKey("r1", "busy")],
      });
      expect(cleared.map((t) => [t.taskId, t.state, t.tryNumber, t.maxTries])).toEqual([
        ["done", null, 1, 3],
        ["busy", "restarting", 1, 1],
      ]);
      expect(await heartbeatTaskInstance(client, { ...tiKey("r1", "busy"), tryNumber: 1 })).toBe(
        false,
      );
      const [next] = await scheduleTaskInstances(client, { keys: [tiKey("r1", "done")] });
      expect(next).toMatchObject({ state: "scheduled", tryNumber: 2 });
      expect(await clearTaskInstances(client, { keys: [] })).toEqual([]);
    });

    test("clearing supersedes an ended try: it is recorded in task_instance_history once", async () => {
      const client = getClient();
      await scheduledRun(client, "r1", [
        { taskId: "ok" },
        { taskId: "retried", retries: 1 },
        { taskId: "never" },
        { taskId: "busy" },
      ]);
      await runningTi(client, tiKey("r1", "ok"));
      await finishTaskInstance(client, { ...tiKey("r1", "ok"), tryNumber: 1, state: "success" });
      await runningTi(client, tiKey("r1", "retried"));
      await finishTaskInstance(client, {
        ...tiKey("r1", "retried"),
        tryNumber: 1,
        state: "up_for_retry",
        nextRetryAt: day(2),
      });
      await runningTi(client, tiKey("r1", "busy"));
      expect(await history(client)).toEqual([
        { task_id: "retried", try_number: 1, state: "up_for_retry" },
      ]);
      const keys = ["ok", "retried", "never", "busy"].map((t) => tiKey("r1", t));
      await clearTaskInstances(client, { keys });
      // A second clear (no status now) records nothing more; a running try is not over yet.
      await clearTaskInstances(client, { keys });
      expect(await history(client)).toEqual([
        { task_id: "retried", try_number: 1, state: "up_for_retry" },
        { task_id: "ok", try_number: 1, state: "success" },
      ]);
      expect((await getTaskInstance(client, tiKey("r1", "ok")))?.state).toBeNull();
    });
  });
}

/** Starts a queued try and finishes it (frees its concurrency slot). */
async function finishTaskInstanceQueued(client: SqlClient, key: TaskInstanceKey): Promise<void> {
  await startTaskInstance(client, { ...key, tryNumber: 1, hostname: "w", pid: 1 });
  await finishTaskInstance(client, { ...key, tryNumber: 1, state: "success" });
}
