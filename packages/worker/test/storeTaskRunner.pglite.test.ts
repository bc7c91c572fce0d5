// The same runner on embedded PGlite (standalone mode): one success, end to end.
import {
  createPgliteClient,
  getTaskInstance,
  migrate,
  pullXcoms,
  type SqlClient,
} from "@updraft/store";
import { createStoreTaskRunner } from "../src";
import { jobOf, queueTry, runningRun, syncFixtureDags, tryStates } from "./support/workerKit";

let client: SqlClient;

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
  await syncFixtureDags(client);
});
afterAll(() => client.close());

test("success stores the return value as XCom return_value and one try on PGlite", async () => {
  const run = await runningRun(client);
  const ti = await queueTry(client, run, "produce");
  const runner = createStoreTaskRunner({ client, env: {} });
  expect(await runner(jobOf(ti), new AbortController().signal)).toEqual({
    kind: "ran",
    state: "success",
  });
  expect((await getTaskInstance(client, ti))?.state).toBe("success");
  const [xcom] = await pullXcoms(client, {
    dagId: ti.dagId,
    runId: ti.runId,
    taskIds: ["produce"],
  });
  expect(xcom?.value).toEqual({ n: 21 });
  expect(await tryStates(client, ti)).toEqual(["success"]);
});
