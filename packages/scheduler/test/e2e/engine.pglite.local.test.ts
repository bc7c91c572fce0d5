// The engine contract through the in-process LocalExecutor over embedded PGlite: standalone mode.
import { createPgliteClient, migrate, type SqlClient } from "@updraft/store";
import { describeEngineContract } from "./engine.contract";

let client: SqlClient;

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
});
afterAll(() => client.close());

describe("engine on PGlite with the LocalExecutor", () => {
  describeEngineContract("local", () => client);
});
