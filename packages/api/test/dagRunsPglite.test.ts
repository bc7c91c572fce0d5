// The DAG run endpoints over PGlite (what `updraft standalone` runs on, one connection): the
// same SQL answers the same, and no request waits on itself — trigger (with an explicit data
// interval, written in one transaction), list, mark, clear and delete.
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import { createPgliteClient, migrate, type SqlClient } from "@updraft/store";
import type { Express } from "express";
import request from "supertest";
import { createApiApp, issueToken } from "../src";
import { TEST_SECRET } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const FIXTURES = path.join(__dirname, "fixtures", "dagRuns");
let client: SqlClient;
let app: Express;
const auth = `Bearer ${issueToken({ secret: TEST_SECRET }, { username: "user", role: "User" })}`;

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
  app = createApiApp({ client, auth: { secret: TEST_SECRET }, log: () => undefined });
  await processDagsFolder(client, { dagsFolder: FIXTURES });
});
afterAll(() => client.close());

const LIST = "/api/v2/dags/{dag_id}/dagRuns";
const ONE = "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}";

describe("DAG runs over PGlite", () => {
  test("trigger, list, mark, clear and delete", async () => {
    const triggered = await request(app)
      .post("/api/v2/dags/api_daily/dagRuns")
      .set("Authorization", auth)
      .send({
        logical_date: "2026-01-03T00:00:00Z",
        data_interval_start: "2026-01-01T00:00:00Z",
        data_interval_end: "2026-01-03T00:00:00Z",
        dag_run_id: "lite",
      });
    expect(triggered.status).toBe(200);
    expectMatchesSpec(triggered, "POST", LIST);
    expect(triggered.body.data_interval_start).toBe("2026-01-01T00:00:00Z");
    const plain = await request(app)
      .post("/api/v2/dags/api_chain/dagRuns")
      .set("Authorization", auth)
      .send({ logical_date: null, dag_run_id: "chain" });
    expect(plain.status).toBe(200);

    const list = await request(app)
      .get("/api/v2/dags/~/dagRuns?order_by=-run_after&state=queued")
      .set("Authorization", auth);
    expect(list.status).toBe(200);
    expectMatchesSpec(list, "GET", LIST);
    expect(list.body.total_entries).toBe(2);

    const marked = await request(app)
      .patch("/api/v2/dags/api_chain/dagRuns/chain")
      .set("Authorization", auth)
      .send({ state: "failed", note: "by hand" });
    expect(marked.status).toBe(200);
    expectMatchesSpec(marked, "PATCH", ONE);
    expect(marked.body).toMatchObject({ state: "failed", note: "by hand" });

    const cleared = await request(app)
      .post("/api/v2/dags/api_chain/dagRuns/chain/clear")
      .set("Authorization", auth)
      .send({ dry_run: false });
    expect(cleared.status).toBe(200);
    expectMatchesSpec(cleared, "POST", `${ONE}/clear`);
    expect(cleared.body.state).toBe("queued");

    const deleted = await request(app)
      .delete("/api/v2/dags/api_daily/dagRuns/lite")
      .set("Authorization", auth);
    expect(deleted.status).toBe(204);
    const gone = await request(app)
      .get("/api/v2/dags/api_daily/dagRuns/lite")
      .set("Authorization", auth);
    expect(gone.status).toBe(404);
    expectMatchesSpec(gone, "GET", ONE);
  });
});
