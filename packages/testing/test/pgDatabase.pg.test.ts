import pg from "pg";
import { createTestDatabase, testRedisPrefix, testServerUrl } from "../src";

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return (
      (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1
    );
  } finally {
    await client.end();
  }
}

describe("a database per test file", () => {
  test("is created from a template prepared once per key, and dropped", async () => {
    let prepared = 0;
    const key = `helper_${Date.now()}`;
    const prepare = async (url: string): Promise<void> => {
      prepared += 1;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("create table marker (x int)");
      await client.end();
    };
    const [a, b] = await Promise.all([
      createTestDatabase({ templateKey: key, prepare }),
      createTestDatabase({ templateKey: key, prepare }),
    ]);
    try {
      expect(prepared).toBe(1);
      expect(a.name).not.toBe(b.name);
      const client = new pg.Client({ connectionString: a.url });
      await client.connect();
      expect((await client.query("select count(*)::int as n from marker")).rows).toEqual([
        { n: 0 },
      ]);
      await client.end();
    } finally {
      await a.drop();
      await b.drop();
    }
    expect(await databaseExists(a.name)).toBe(false);
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    await admin.query(`drop database if exists "updraft_tpl_${key}"`);
    await admin.end();
  });

  test("Redis prefixes differ per call", () => {
    expect(testRedisPrefix()).not.toBe(testRedisPrefix());
  });
});
