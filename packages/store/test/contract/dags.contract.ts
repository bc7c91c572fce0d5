// Contract of the DAG queries, run on Postgres and on PGlite; also the fixtures the other core
// contracts share (a SerializedDag builder, a table reset, a running run).
import { createHash } from "node:crypto";
import { dag, EmptyOperator, serializeDag, type SerializedDag } from "@updraft/sdk";
import type { SqlClient } from "../../src/sqlClient";
import { getDag } from "../../src/queries/dags/getDag";
import { getSerializedDag } from "../../src/queries/dags/getSerializedDag";
import { listSchedulableDags } from "../../src/queries/dags/listSchedulableDags";
import { markStaleDags } from "../../src/queries/dags/markStaleDags";
import { setDagPaused } from "../../src/queries/dags/setDagPaused";
import { setNextDagRun } from "../../src/queries/dags/setNextDagRun";
import { syncDag } from "../../src/queries/dags/syncDag";
import { createDagRun } from "../../src/queries/runs/createDagRun";
import { startQueuedDagRuns } from "../../src/queries/runs/startQueuedDagRuns";
import type { DagRunRow } from "../../src/rows/dagRunRow";

/** A task of a test DAG. */
export interface TestTask {
  taskId: string;
  pool?: string;
  poolSlots?: number;
  priorityWeight?: number;
  retries?: number;
  maxActiveTisPerDag?: number | null;
  maxActiveTisPerDagrun?: number | null;
}

/** Builds a SerializedDag with the given tasks (absolute weights, so weights are as given). */
export function testDag(
  dagId: string,
  options: {
    tasks?: readonly TestTask[];
    tags?: readonly string[];
    description?: string;
    isPausedUponCreation?: boolean | null;
    maxActiveRuns?: number;
    maxActiveTasks?: number;
  } = {},
): SerializedDag {
  const { tasks = [{ taskId: "only" }], ...rest } = options;
  return serializeDag(
    dag({ dagId, schedule: null, ...rest }, () => {
      for (const t of tasks) new EmptyOperator({ weightRule: "absolute", ...t });
    }),
  );
}

/** Empties the tables the core queries touch. */
export async function resetStore(client: SqlClient): Promise<void> {
  await client.exec(`truncate dag, dag_tag, serialized_dag, dag_run, task_instance,
    task_instance_history, task_reschedule restart identity cascade;
    delete from slot_pool where pool <> 'default_pool';
    update slot_pool set slots = 128 where pool = 'default_pool';`);
}

/** Syncs the DAG (unpaused) and creates a run of it, started (state running). */
export async function runningRun(
  client: SqlClient,
  serialized: SerializedDag,
  runId: string,
  logicalDate: Date,
): Promise<DagRunRow> {
  await syncDag(client, { dag: serialized, fileloc: "/dags/test.ts", pausedByDefault: false });
  const { dagRun } = await createDagRun(client, {
    dag: serialized,
    runId,
    runType: "manual",
    logicalDate,
    dataIntervalStart: logicalDate,
    dataIntervalEnd: logicalDate,
    runAfter: logicalDate,
  });
  const [started] = await startQueuedDagRuns(client, { ids: [dagRun.id] });
  if (started === undefined) throw new Error(`run ${runId} did not start`);
  return started;
}

const T0 = new Date("2026-01-01T00:00:00Z");

/** The DAG query contract. */
export function describeDagsContract(getClient: () => SqlClient): void {
  describe("dag queries", () => {
    beforeEach(() => resetStore(getClient()));

    test("syncDag inserts the DAG paused, its tags and its SerializedDag with a sha256", async () => {
      const client = getClient();
      const serialized = testDag("etl", { tags: ["b", "a", "b"], description: "Loads" });
      expect(await syncDag(client, { dag: serialized, fileloc: "/dags/etl.ts", now: T0 })).toEqual({
        created: true,
        changed: true,
      });
      const row = await getDag(client, { dagId: "etl" });
      expect(row).toMatchObject({
        dagId: "etl",
        isPaused: true,
        isStale: false,
        fileloc: "/dags/etl.ts",
        description: "Loads",
        owners: "airflow",
        maxActiveRuns: 16,
        maxActiveTasks: 16,
        lastParsedTime: T0,
        tags: ["a", "b"],
        nextDagRun: null,
      });
      const stored = await getSerializedDag(client, { dagId: "etl" });
      expect(stored?.data).toEqual(serialized);
      const hash = createHash("sha256").update(JSON.stringify(serialized)).digest("hex");
      expect(stored?.dagHash).toBe(hash);
    });

    test("syncDag again: unchanged is a no-op; a change replaces tags and the hash", async () => {
      const client = getClient();
      await syncDag(client, { dag: testDag("etl", { tags: ["a", "b"] }) });
      const before = await getSerializedDag(client, { dagId: "etl" });
      expect(await syncDag(client, { dag: testDag("etl", { tags: ["a", "b"] }) })).toEqual({
        created: false,
        changed: false,
      });
      expect((await getSerializedDag(client, { dagId: "etl" }))?.lastUpdated).toEqual(
        before?.lastUpdated,
      );
      expect(await syncDag(client, { dag: testDag("etl", { tags: ["c"] }) })).toEqual({
        created: false,
        changed: true,
      });
      expect((await getDag(client, { dagId: "etl" }))?.tags).toEqual(["c"]);
      expect((await getSerializedDag(client, { dagId: "etl" }))?.dagHash).not.toBe(before?.dagHash);
    });

    test("is_paused comes from is_paused_upon_creation or pausedByDefault, on insert only", async () => {
      const client = getClient();
      await syncDag(client, { dag: testDag("a", { isPausedUponCreation: false }) });
      await syncDag(client, { dag: testDag("b"), pausedByDefault: false });
      await syncDag(client, { dag: testDag("c", { isPausedUponCreation: true }) });
      expect((await getDag(client, { dagId: "a" }))?.isPaused).toBe(false);
      expect((await getDag(client, { dagId: "b" }))?.isPaused).toBe(false);
      expect((await getDag(client, { dagId: "c" }))?.isPaused).toBe(true);
      expect((await setDagPaused(client, { dagId: "c", isPaused: false })).isPaused).toBe(false);
      await syncDag(client, { dag: testDag("c", { isPausedUponCreation: true, tags: ["new"] }) });
      expect((await getDag(client, { dagId: "c" }))?.isPaused).toBe(false);
    });

    test("setDagPaused and setNextDagRun on an unknown DAG throw NOT_FOUND", async () => {
      const client = getClient();
      await expect(setDagPaused(client, { dagId: "nope", isPaused: true })).rejects.toMatchObject({
        name: "StoreError",
        code: "NOT_FOUND",
      });
      await expect(
        setNextDagRun(client, {
          dagId: "nope",
          nextDagRun: null,
          dataIntervalStart: null,
          dataIntervalEnd: null,
          createAfter: null,
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await getDag(client, { dagId: "nope" })).toBeNull();
      expect(await getSerializedDag(client, { dagId: "nope" })).toBeNull();
    });

    test("markStaleDags flags DAGs of the folder the parse did not find; a resync revives", async () => {
      const client = getClient();
      await syncDag(client, { dag: testDag("a"), fileloc: "/dags/a.ts", pausedByDefault: false });
      await syncDag(client, {
        dag: testDag("b"),
        fileloc: "/dags/sub/b.ts",
        pausedByDefault: false,
      });
      await syncDag(client, { dag: testDag("c"), fileloc: "/dags2/c.ts", pausedByDefault: false });
      expect(await markStaleDags(client, { folder: "/dags", dagIds: ["a"] })).toEqual(["b"]);
      expect(await markStaleDags(client, { folder: "/dags/", dagIds: ["a"] })).toEqual([]);
      expect((await listSchedulableDags(client)).map((d) => d.dagId)).toEqual(["a", "c"]);
      await syncDag(client, { dag: testDag("b"), fileloc: "/dags/sub/b.ts" });
      expect((await getDag(client, { dagId: "b" }))?.isStale).toBe(false);
    });

    test("listSchedulableDags skips paused DAGs and filters by next_dagrun_create_after", async () => {
      const client = getClient();
      await syncDag(client, { dag: testDag("on"), pausedByDefault: false });
      await syncDag(client, { dag: testDag("off") });
      await syncDag(client, { dag: testDag("later"), pausedByDefault: false });
      const t1 = new Date("2026-01-02T00:00:00Z");
      await setNextDagRun(client, {
        dagId: "on",
        nextDagRun: T0,
        dataIntervalStart: T0,
        dataIntervalEnd: t1,
        createAfter: t1,
      });
      expect((await listSchedulableDags(client)).map((d) => d.dagId)).toEqual(["later", "on"]);
      expect((await listSchedulableDags(client, { dueBefore: t1 })).map((d) => d.dagId)).toEqual([
        "on",
      ]);
      expect(await getDag(client, { dagId: "on" })).toMatchObject({
        nextDagRun: T0,
        nextDagRunDataIntervalStart: T0,
        nextDagRunDataIntervalEnd: t1,
        nextDagRunCreateAfter: t1,
      });
    });
  });
}
