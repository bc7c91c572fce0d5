import { createPgliteClient, migrate, MIGRATIONS } from "../src";

describe("migrations on PGlite", () => {
  test("the same migrations apply to the embedded database", async () => {
    const client = await createPgliteClient();
    try {
      expect(await migrate(client)).toEqual({
        applied: MIGRATIONS.map((m) => m.version),
        currentVersion: MIGRATIONS.length,
      });
      const result = await client.query<{ n: number }>("select count(*)::int as n from slot_pool");
      expect(result.rows[0]!.n).toBe(1);
      const tx = await client.transaction(
        async (t) => (await t.query<{ one: number }>("select 1 as one")).rows[0]!.one,
      );
      expect(tx).toBe(1);
    } finally {
      await client.close();
    }
  });
});
