import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { createPgClient, migrate, MIGRATIONS, resetDatabase, type SqlClient } from "../src";

describe("migrations on Postgres", () => {
  let db: TestDatabase;
  let client: SqlClient;

  beforeAll(async () => {
    db = await createTestDatabase({ templateKey: "empty", prepare: async () => undefined });
    client = createPgClient({ connectionString: db.url });
  });
  afterAll(async () => {
    await client.close();
    await db.drop();
  });

  test("migrate applies every migration once, then nothing", async () => {
    expect(await migrate(client)).toEqual({
      applied: MIGRATIONS.map((m) => m.version),
      currentVersion: MIGRATIONS.length,
    });
    expect(await migrate(client)).toEqual({ applied: [], currentVersion: MIGRATIONS.length });
    const pools = await client.query("select pool, slots from slot_pool");
    expect(pools.rows).toEqual([{ pool: "default_pool", slots: 128 }]);
  });

  test("two processes migrating at once both succeed and apply it once", async () => {
    await resetDatabase(client);
    await client.exec(
      "drop table updraft_migration; drop schema public cascade; create schema public;",
    );
    const other = createPgClient({ connectionString: db.url });
    try {
      const [a, b] = await Promise.all([migrate(client), migrate(other)]);
      expect([...a.applied, ...b.applied]).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await other.close();
    }
  });

  test("a failing migration leaves nothing behind", async () => {
    await expect(
      migrate(client, [
        ...MIGRATIONS,
        { version: 99, name: "broken", sql: "create table half_done (x int); select 1/0;" },
      ]),
    ).rejects.toThrow("division by zero");
    const tables = await client.query(
      "select 1 from information_schema.tables where table_name = 'half_done'",
    );
    expect(tables.rowCount).toBe(0);
    const versions = await client.query<{ version: number }>(
      "select version from updraft_migration order by version",
    );
    expect(versions.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });
});
