// The dealership source database a test file works against: a Postgres database of its own on
// the local server, a pool on it, and (optionally) the schema with its reference data. Registers
// its own beforeAll/afterAll; call it at the top of a test file.
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import pg from "pg";
import { createSourceSchema, seedReferenceData } from "../../dealership/source";

/** What the tests of a file get. */
export interface SourceDatabase {
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
}

/** A source database for this test file; `seeded` also creates the tables and reference data. */
export function useSourceDatabase(options: { seeded: boolean }): () => SourceDatabase {
  let source: SourceDatabase | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase({
      templateKey: "dealership_source_empty_v1",
      prepare: async () => undefined,
    });
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    // pg's Pool.end() resolves before its sockets close; the forced drop of the test database can
    // then terminate one, which an idle client reports as an error: expected at teardown.
    pool.on("error", () => undefined);
    if (options.seeded) {
      await createSourceSchema(pool);
      await seedReferenceData(pool);
    }
    source = { database, pool };
  });
  afterAll(async () => {
    await source?.pool.end();
    await source?.database.drop();
  });
  return () => {
    if (source === undefined) throw new Error("the source database exists only inside tests");
    return source;
  };
}
