import { createPgClient, migrateUrl, SCHEMA_KEY, type SqlClient } from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { describeProcessDagsFolderContract } from "./processDagsFolder.contract";

let db: TestDatabase;
let client: SqlClient;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  client = createPgClient({ connectionString: db.url });
});
afterAll(async () => {
  await client.close();
  await db.drop();
});

describeProcessDagsFolderContract(() => client);
