// Contract of the XCom queries: every SqlClient adapter must pass it.
import { clearTaskInstanceXcoms } from "../../src/queries/xcom/clearTaskInstanceXcoms";
import { listXcomEntries } from "../../src/queries/xcom/listXcomEntries";
import { pullXcoms } from "../../src/queries/xcom/pullXcoms";
import { setXcom } from "../../src/queries/xcom/setXcom";
import type { SqlClient } from "../../src/sqlClient";

const uid = (): string => Math.random().toString(36).slice(2, 10);

/** A DAG and one run of it, with plain SQL (the run queries are not under test here). */
async function seedRun(client: SqlClient, dagId: string, runId: string): Promise<void> {
  await client.query("insert into dag (dag_id) values ($1) on conflict do nothing", [dagId]);
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, logical_date, state)
     values ($1, $2, 'manual', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'running')`,
    [dagId, runId],
  );
}

/** Runs the XCom contract against the client getClient returns. */
export function describeXcomContract(getClient: () => SqlClient): void {
  describe("xcom", () => {
    let dagId: string;
    const runId = "manual__2026-01-01T00:00:00+00:00";
    beforeEach(async () => {
      dagId = `xcom_${uid()}`;
      await seedRun(getClient(), dagId, runId);
    });
    const key = (taskId: string, mapIndex = -1) => ({ dagId, runId, taskId, mapIndex });

    test("setXcom stores a JSON value and replaces it under the same identity", async () => {
      const client = getClient();
      const first = await setXcom(client, {
        ...key("extract"),
        key: "return_value",
        value: { rows: [1, "two", null], ok: true },
        now: new Date("2026-01-01T00:00:01Z"),
      });
      expect(first).toEqual({
        ...key("extract"),
        key: "return_value",
        value: { rows: [1, "two", null], ok: true },
        timestamp: new Date("2026-01-01T00:00:01Z"),
      });
      const second = await setXcom(client, { ...key("extract"), key: "return_value", value: "s" });
      expect(second.value).toBe("s");
      const pulled = await pullXcoms(client, { dagId, runId, taskIds: ["extract"] });
      expect(pulled.map((x) => x.value)).toEqual(["s"]);
      await setXcom(client, { ...key("extract"), key: "nothing", value: null });
      const nulls = await pullXcoms(client, { dagId, runId, taskIds: ["extract"], key: "nothing" });
      expect(nulls).toEqual([expect.objectContaining({ key: "nothing", value: null })]);
    });

    test("setXcom on a run that does not exist fails with NOT_FOUND", async () => {
      await expect(
        setXcom(getClient(), { dagId, runId: "nope", taskId: "t", key: "k", value: 1 }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    test("setXcom rejects a value JSON cannot hold with INVALID_INPUT", async () => {
      const base = { ...key("t"), key: "k" };
      await expect(setXcom(getClient(), { ...base, value: () => 1 })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      await expect(setXcom(getClient(), { ...base, value: 1n })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
    });

    test("pullXcoms returns task ids in the order asked, mapped indexes ascending", async () => {
      const client = getClient();
      for (const mapIndex of [2, 0, 1])
        await setXcom(client, {
          ...key("mapped", mapIndex),
          key: "return_value",
          value: mapIndex * 10,
        });
      await setXcom(client, { ...key("a"), key: "return_value", value: "A" });
      await setXcom(client, { ...key("b"), key: "return_value", value: "B" });
      await setXcom(client, { ...key("b"), key: "other", value: "B2" });

      const pulled = await pullXcoms(client, {
        dagId,
        runId,
        taskIds: ["b", "mapped", "missing", "a"],
      });
      expect(pulled.map((x) => [x.taskId, x.mapIndex, x.value])).toEqual([
        ["b", -1, "B"],
        ["mapped", 0, 0],
        ["mapped", 1, 10],
        ["mapped", 2, 20],
        ["a", -1, "A"],
      ]);
      const some = await pullXcoms(client, {
        dagId,
        runId,
        taskIds: ["mapped"],
        mapIndexes: [2, 0, 7],
      });
      expect(some.map((x) => x.value)).toEqual([20, 0]);
      const byKey = await pullXcoms(client, { dagId, runId, taskIds: ["a", "b"], key: "other" });
      expect(byKey.map((x) => x.value)).toEqual(["B2"]);
      expect(await pullXcoms(client, { dagId, runId, taskIds: [] })).toEqual([]);
      expect(await pullXcoms(client, { dagId, runId: "nope", taskIds: ["a"] })).toEqual([]);
    });

    test("clearTaskInstanceXcoms deletes one task instance's XComs only", async () => {
      const client = getClient();
      await setXcom(client, { ...key("m", 0), key: "return_value", value: 1 });
      await setXcom(client, { ...key("m", 0), key: "extra", value: 2 });
      await setXcom(client, { ...key("m", 1), key: "return_value", value: 3 });
      expect(await clearTaskInstanceXcoms(client, key("m", 0))).toBe(2);
      expect(await clearTaskInstanceXcoms(client, key("m", 0))).toBe(0);
      const left = await pullXcoms(client, { dagId, runId, taskIds: ["m"] });
      expect(left.map((x) => x.mapIndex)).toEqual([1]);
    });

    test("listXcomEntries filters, pages and counts, without values", async () => {
      const client = getClient();
      for (const taskId of ["t1", "t2", "t3"])
        await setXcom(client, { ...key(taskId), key: "return_value", value: taskId });
      await setXcom(client, { ...key("t1"), key: "custom", value: 0 });
      const page = await listXcomEntries(client, { dagId, limit: 2, offset: 1 });
      expect(page.totalEntries).toBe(4);
      expect(page.xcomEntries.map((e) => [e.taskId, e.key])).toEqual([
        ["t1", "return_value"],
        ["t2", "return_value"],
      ]);
      expect(page.xcomEntries[0]).not.toHaveProperty("value");
      expect(page.xcomEntries[0]).toMatchObject({
        dagId,
        runId,
        mapIndex: -1,
        logicalDate: new Date("2026-01-01T00:00:00Z"),
        runAfter: new Date("2026-01-01T00:00:00Z"),
      });
      const filtered = await listXcomEntries(client, { dagId, runId, taskId: "t1", key: "custom" });
      expect(filtered.totalEntries).toBe(1);
      const empty = await listXcomEntries(client, { dagId, offset: 10 });
      expect(empty).toEqual({ xcomEntries: [], totalEntries: 4 });
      expect(await listXcomEntries(client, { dagId: "nope" })).toEqual({
        xcomEntries: [],
        totalEntries: 0,
      });
    });
  });
}
