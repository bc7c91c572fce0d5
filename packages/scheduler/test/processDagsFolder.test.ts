import { createPgliteClient, migrate, type SqlClient } from "@updraft/store";
import { describeProcessDagsFolderContract } from "./processDagsFolder.contract";

let client: SqlClient;

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
});
afterAll(() => client.close());

describeProcessDagsFolderContract(() => client);
