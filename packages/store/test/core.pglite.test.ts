// The core query contracts (DAGs, runs, task instances) on embedded PGlite.
import { createPgliteClient, migrate, type SqlClient } from "../src";
import { describeDagsContract } from "./contract/dags.contract";
import { describeRunsContract } from "./contract/runs.contract";
import { describeSqlClientContract } from "./contract/sqlClient.contract";
import { describeTaskInstancesContract } from "./contract/taskInstances.contract";

let client: SqlClient;

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
});
afterAll(() => client.close());

describe("core queries on PGlite", () => {
  describeDagsContract(() => client);
  describeRunsContract(() => client);
  describeSqlClientContract(() => client);
  describeTaskInstancesContract(() => client);
});
