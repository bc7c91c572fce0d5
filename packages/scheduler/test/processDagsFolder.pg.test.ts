import { createPgClient, migrate, MIGRATIONS, type SqlClient } from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { describeProcessDagsFolderContract } from "./processDagsFolder.contract";

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
  client = createPgClient({ connectionString: db.url });
});
afterAll(async () => {
  await client.close();
  await db.drop();
});

describeProcessDagsFolderContract(() => client);
