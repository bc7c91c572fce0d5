// The data-query contracts (XCom, logs, variables, connections, pools, import errors, assets,
// jobs) on embedded PGlite, migrated in memory.
import { createPgliteClient, migrate, type SqlClient } from "../src";
import { describeAssetsContract } from "./contract/assets.contract";
import { describeConnectionsContract } from "./contract/connections.contract";
import { describeImportErrorsContract } from "./contract/importErrors.contract";
import { describeJobsContract } from "./contract/jobs.contract";
import { describeLogsContract } from "./contract/logs.contract";
import { describeNotificationsContract } from "./contract/notifications.contract";
import { describePoolsContract } from "./contract/pools.contract";
import { describeVariablesContract } from "./contract/variables.contract";
import { describeXcomContract } from "./contract/xcom.contract";

describe("data queries on PGlite", () => {
  let client: SqlClient;
  beforeAll(async () => {
    client = await createPgliteClient();
    await migrate(client);
  });
  afterAll(async () => {
    await client.close();
  });

  const getClient = (): SqlClient => client;
  describeXcomContract(getClient);
  describeLogsContract(getClient);
  describeVariablesContract(getClient);
  describeConnectionsContract(getClient);
  describePoolsContract(getClient);
  describeImportErrorsContract(getClient);
  describeAssetsContract(getClient);
  describeJobsContract(getClient);
  describeNotificationsContract(getClient);
});
