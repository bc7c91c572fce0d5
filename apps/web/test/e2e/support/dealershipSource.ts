// The dealership's source database for a scenario: a fresh Postgres database of its own, given
// the seven tables, the reference data and a batch of sales by the demo generator
// (`updraft demo source --once`), as an operator's demo would.
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import pg from "pg";
import { runUpdraft } from "./runUpdraft";

/** A seeded source database. */
export interface DealershipSource {
  readonly url: string;
  /** Runs one statement on it (the test's own repairs and breakages). */
  execute(sql: string): Promise<void>;
  drop(): Promise<void>;
}

export async function createDealershipSource(sales: number): Promise<DealershipSource> {
  const db: TestDatabase = await createTestDatabase({
    templateKey: "e2e_empty",
    prepare: async () => undefined,
  });
  try {
    await runUpdraft(["demo", "source", "--once", String(sales), "--seed", "42"], {
      AIRFLOW_CONN_POSTGRES_SOURCE: db.url,
    });
  } catch (error) {
    await db.drop();
    throw error;
  }
  return {
    url: db.url,
    async execute(sql) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    drop: () => db.drop(),
  };
}
