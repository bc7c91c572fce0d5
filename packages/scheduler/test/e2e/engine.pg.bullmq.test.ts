// The engine contract through BullMQ on the real Redis, over a Postgres database of its own.
import { createPgClient, migrateUrl, SCHEMA_KEY, type SqlClient } from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { describeEngineContract } from "./engine.contract";

let db: TestDatabase;
let client: SqlClient;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  client = createPgClient({ connectionString: db.url, maxConnections: 20 });
});
afterAll(async () => {
  await client.close();
  await db.drop();
});

describe("engine on Postgres with BullMQ workers", () => {
  describeEngineContract("bullmq", () => client);
});
