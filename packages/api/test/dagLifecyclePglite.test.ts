// The DAG stats, dependencies, wait and DAG delete endpoints over PGlite (what `updraft
// standalone` runs on, one connection): the same SQL answers the same, and the delete's
// transaction does not wait on itself.
import path from "node:path";
import { DagCache, processDagsFolder } from "@updraft/scheduler";
import { createPgliteClient, migrate, type SqlClient } from "@updraft/store";
import type { Express } from "express";
import request from "supertest";
import { createApiApp } from "../src";
import { bearer, TEST_SECRET } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";
import { createRun, startRun } from "./fixtures/taskInstances/taskInstanceRuns";

const FIXTURES = path.join(__dirname, "fixtures", "dependencies");
const RUN = "/api/v2/dags/deps_chain/dagRuns/lite";
let client: SqlClient;
let app: Express;
const auth = bearer("User");
const get = (url: string) => request(app).get(url).set("Authorization", auth);

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
  app = createApiApp({ client, auth: { secret: TEST_SECRET }, log: () => undefined });
  await processDagsFolder(client, { dagsFolder: FIXTURES });
  await createRun(client, new DagCache(client), "deps_chain", "lite");
  await startRun(client, "deps_chain", "lite");
});
afterAll(() => client.close());

describe("over PGlite", () => {
  test("stats, dependencies and a finished run's wait", async () => {
    const stats = await get("/api/v2/dagStats?dag_ids=deps_chain");
    expect(stats.status).toBe(200);
    expectMatchesSpec(stats, "GET", "/api/v2/dagStats");
    expect(stats.body.dags[0].stats).toContainEqual({ state: "running", count: 1 });

    const deps = await get(`${RUN}/taskInstances/load/dependencies`);
    expect(deps.status).toBe(200);
    expectMatchesSpec(
      deps,
      "GET",
      "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/dependencies",
    );
    const names = (deps.body as { dependencies: { name: string }[] }).dependencies.map(
      (d) => d.name,
    );
    expect(names).toEqual([
      "Dag Not Paused",
      "Pool Slots Available",
      "Task Instance State",
      "Trigger Rule",
    ]);

    await client.query("update dag_run set state = 'success' where run_id = 'lite'");
    const waited = await get(`${RUN}/wait?interval=0.1&result=extract`);
    expect(waited.status).toBe(200);
    expect(waited.text).toBe('{"state":"success","results":{}}\n');
  });

  test("the delete: 409 while a task instance runs, then 204 and every row gone", async () => {
    await client.query("update task_instance set state = 'running' where task_id = 'extract'");
    const busy = await request(app).delete("/api/v2/dags/deps_chain").set("Authorization", auth);
    expect(busy.status).toBe(409);
    await client.query("update task_instance set state = 'success' where task_id = 'extract'");
    const res = await request(app).delete("/api/v2/dags/deps_chain").set("Authorization", auth);
    expect(res.status).toBe(204);
    const left = await client.query<{ n: number }>(
      `select (select count(*) from dag where dag_id = 'deps_chain')
         + (select count(*) from dag_run where dag_id = 'deps_chain')
         + (select count(*) from task_instance where dag_id = 'deps_chain') as n`,
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
  });
});
