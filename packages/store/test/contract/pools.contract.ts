// Contract of the pool queries: every SqlClient adapter must pass it.
import { createPool } from "../../src/queries/pools/createPool";
import { deletePool } from "../../src/queries/pools/deletePool";
import { getPool } from "../../src/queries/pools/getPool";
import { listPoolsWithOccupancy } from "../../src/queries/pools/listPoolsWithOccupancy";
import { updatePool } from "../../src/queries/pools/updatePool";
import type { SqlClient } from "../../src/sqlClient";

const uid = (): string => Math.random().toString(36).slice(2, 10);

/** Task instances of one run in a pool, with plain SQL: [state, pool_slots] each. */
async function seedTis(
  client: SqlClient,
  pool: string,
  tis: readonly (readonly [string | null, number])[],
): Promise<void> {
  const dagId = `pooldag_${uid()}`;
  await client.query("insert into dag (dag_id) values ($1)", [dagId]);
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, state)
     values ($1, 'r', 'manual', now(), 'running')`,
    [dagId],
  );
  for (const [i, [state, slots]] of tis.entries())
    await client.query(
      `insert into task_instance (dag_id, run_id, task_id, state, pool, pool_slots)
       values ($1, 'r', $2, $3, $4, $5)`,
      [dagId, `t${i}`, state, pool, slots],
    );
}

/** Runs the pool contract against the client getClient returns. */
export function describePoolsContract(getClient: () => SqlClient): void {
  describe("pools", () => {
    test("occupancy sums pool_slots per state, as Airflow's PoolResponse does", async () => {
      const client = getClient();
      const name = `pool_${uid()}`;
      await createPool(client, { name, slots: 10, description: "etl" });
      await seedTis(client, name, [
        ["running", 2],
        ["running", 1],
        ["queued", 3],
        ["scheduled", 1],
        ["deferred", 2],
        ["success", 5],
        ["up_for_retry", 1],
        [null, 4],
      ]);
      expect(await getPool(client, { name })).toMatchObject({
        name,
        slots: 10,
        description: "etl",
        includeDeferred: false,
        runningSlots: 3,
        queuedSlots: 3,
        scheduledSlots: 1,
        deferredSlots: 2,
        occupiedSlots: 6,
        openSlots: 4,
      });
      await updatePool(client, { name, includeDeferred: true });
      expect(await getPool(client, { name })).toMatchObject({ occupiedSlots: 8, openSlots: 2 });
      await updatePool(client, { name, slots: 5 });
      expect(await getPool(client, { name })).toMatchObject({ slots: 5, openSlots: -3 });
      await updatePool(client, { name, slots: -1 });
      expect((await getPool(client, { name }))!.openSlots).toBe(Number.POSITIVE_INFINITY);
    });

    test("a new pool and default_pool have zero occupancy", async () => {
      const client = getClient();
      const name = `empty_${uid()}`;
      const created = await createPool(client, { name, slots: 0 });
      expect(created).toMatchObject({ name, slots: 0, description: null, includeDeferred: false });
      expect(await getPool(client, { name })).toMatchObject({ occupiedSlots: 0, openSlots: 0 });
      const pool = await getPool(client, { name: "default_pool" });
      expect(pool).toMatchObject({ name: "default_pool", description: "Default pool" });
      expect(pool!.openSlots).toBe(pool!.slots - pool!.occupiedSlots);
      expect(await getPool(client, { name: `missing_${uid()}` })).toBeNull();
    });

    test("createPool refuses a taken name and slots below -1", async () => {
      const client = getClient();
      const name = `dup_${uid()}`;
      await createPool(client, { name, slots: 1 });
      await expect(createPool(client, { name, slots: 1 })).rejects.toMatchObject({
        code: "ALREADY_EXISTS",
      });
      await expect(createPool(client, { name: `x_${uid()}`, slots: -2 })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      await expect(createPool(client, { name: "", slots: 1 })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
    });

    test("updatePool changes the given fields and refuses what Airflow refuses", async () => {
      const client = getClient();
      const name = `upd_${uid()}`;
      await createPool(client, { name, slots: 2, description: "d" });
      expect(await updatePool(client, { name, description: null })).toMatchObject({
        slots: 2,
        description: null,
      });
      await expect(
        updatePool(client, { name: `missing_${uid()}`, slots: 1 }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updatePool(client, { name, slots: -5 })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      await expect(
        updatePool(client, { name: "default_pool", description: "mine" }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    });

    test("deletePool removes a pool but never default_pool", async () => {
      const client = getClient();
      const name = `del_${uid()}`;
      await createPool(client, { name, slots: 1 });
      expect((await deletePool(client, { name })).name).toBe(name);
      await expect(deletePool(client, { name })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(deletePool(client, { name: "default_pool" })).rejects.toMatchObject({
        code: "INVALID_INPUT",
      });
      expect(await getPool(client, { name: "default_pool" })).not.toBeNull();
    });

    test("listPoolsWithOccupancy filters by LIKE pattern, pages by id and counts", async () => {
      const client = getClient();
      const prefix = `lp${uid()}`;
      for (const n of [1, 2, 3]) await createPool(client, { name: `${prefix}_${n}`, slots: n });
      await seedTis(client, `${prefix}_2`, [["running", 2]]);
      const page = await listPoolsWithOccupancy(client, {
        namePattern: `${prefix}%`,
        limit: 2,
        offset: 1,
      });
      expect(page.totalEntries).toBe(3);
      expect(page.pools.map((p) => [p.name, p.occupiedSlots, p.openSlots])).toEqual([
        [`${prefix}_2`, 2, 0],
        [`${prefix}_3`, 0, 3],
      ]);
    });
  });
}
