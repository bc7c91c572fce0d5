// The engine contract through BullMQ on the real Redis, over a Postgres database of its own.
import { createPgClient, migrate, MIGRATIONS, type SqlClient } from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { describeEngineContract } from "./engine.contract";

let db: TestDatabase;
let client: SqlClient;

beforeAll(async () => {
  db = await createTestDatabase({
    templateKey: `scheduler_v${MIGRATIONS.length}`,
    prepare: async (url) => {
      const c = createPgClient({ connectionString: url });
      await migrate(c);
      await c.close();
    },
  });
  client = createPgClient({ connectionString: db.url, maxConnections: 20 });
});
afterAll(async () => {
  await client.close();
  await db.drop();
});

describe("engine on Postgres with BullMQ workers", () => {
  describeEngineContract("bullmq", () => client);
});
