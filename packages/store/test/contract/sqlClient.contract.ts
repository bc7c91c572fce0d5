// Contract of the SqlClient itself, run on Postgres and on PGlite: transaction options.
import type { SqlClient } from "../../src/sqlClient";

const planner = async (client: SqlClient) =>
  (
    await client.query<{ seq: string; bitmap: string }>(
      "select current_setting('enable_seqscan') as seq, current_setting('enable_bitmapscan') as bitmap",
    )
  ).rows[0];

/** The SqlClient contract. */
export function describeSqlClientContract(getClient: () => SqlClient): void {
  describe("sql client", () => {
    test("a transaction with indexScansOnly plans without sequential or bitmap scans, and only inside", async () => {
      const client = getClient();
      const inside = await client.transaction((tx) => planner(tx), { indexScansOnly: true });
      expect(inside).toEqual({ seq: "off", bitmap: "off" });
      expect(await planner(client)).toEqual({ seq: "on", bitmap: "on" });
      expect(await client.transaction((tx) => planner(tx))).toEqual({ seq: "on", bitmap: "on" });
    });

    test("a transaction with asyncCommit commits without waiting for the flush, and only it", async () => {
      const client = getClient();
      const setting = async (c: SqlClient) =>
        (await c.query<{ s: string }>("select current_setting('synchronous_commit') as s")).rows[0]
          ?.s;
      const both = { indexScansOnly: true, asyncCommit: true };
      expect(await client.transaction((tx) => setting(tx), both)).toBe("off");
      expect(await client.transaction((tx) => planner(tx), both)).toEqual({
        seq: "off",
        bitmap: "off",
      });
      expect(await client.transaction((tx) => setting(tx), { asyncCommit: true })).toBe("off");
      expect(await setting(client)).toBe("on");
      expect(await client.transaction((tx) => setting(tx))).toBe("on");
    });

    test("a transaction with genericPlans runs prepared statements on their generic plan, and only it", async () => {
      const client = getClient();
      const mode = async (c: SqlClient) =>
        (await c.query<{ m: string }>("select current_setting('plan_cache_mode') as m")).rows[0]?.m;
      const all = { indexScansOnly: true, asyncCommit: true, genericPlans: true };
      expect(await client.transaction((tx) => mode(tx), all)).toBe("force_generic_plan");
      expect(await client.transaction((tx) => planner(tx), all)).toEqual({
        seq: "off",
        bitmap: "off",
      });
      expect(await mode(client)).toBe("auto");
      expect(await client.transaction((tx) => mode(tx))).toBe("auto");
    });

    test("a transaction's statements see its BEGIN: what a failed one wrote is rolled back", async () => {
      const client = getClient();
      await client.exec("create table if not exists sql_client_probe (x int primary key)");
      await client.exec("delete from sql_client_probe");
      await expect(
        client.transaction(async (tx) => {
          await tx.query("insert into sql_client_probe values ($1)", [1]);
          await tx.query("insert into sql_client_probe values ($1)", [1]); // duplicate key
        }),
      ).rejects.toThrow();
      const left = await client.query("select x from sql_client_probe");
      expect(left.rows).toEqual([]);
      await client.exec("drop table sql_client_probe");
    });

    test("a transaction whose unwaited last statement fails rejects at its commit and keeps nothing", async () => {
      const client = getClient();
      await client.exec("create table if not exists sql_client_probe (x int primary key)");
      await client.exec("delete from sql_client_probe");
      let last: Promise<unknown> = Promise.resolve();
      await expect(
        client.transaction(async (tx) => {
          await tx.query("insert into sql_client_probe values ($1)", [1]);
          last = tx.query("insert into sql_client_probe values ($1)", [1]); // duplicate key
          last.catch(() => undefined);
        }),
      ).rejects.toThrow(/rolled back/i);
      await expect(last).rejects.toThrow(/duplicate key/);
      const left = await client.query("select x from sql_client_probe");
      expect(left.rows).toEqual([]);
      await client.exec("drop table sql_client_probe");
    });
  });
}
