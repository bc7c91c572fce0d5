// The DAG and import error endpoints over PGlite (what `updraft standalone` runs on): the same
// SQL must answer the same — filters, ordering by the latest run, the bulk pause's row locks.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import { createPgliteClient, migrate, type SqlClient } from "@updraft/store";
import type { Express } from "express";
import request from "supertest";
import { createApiApp, issueToken } from "../src";
import { TEST_SECRET } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const FIXTURES = path.join(__dirname, "fixtures", "dags");
const folder = mkdtempSync(path.join(tmpdir(), "updraft-api-pglite-"));
let client: SqlClient;
let app: Express;

const token = (role: "Viewer" | "User") =>
  `Bearer ${issueToken({ secret: TEST_SECRET }, { username: role.toLowerCase(), role })}`;

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
  app = createApiApp({
    client,
    auth: { secret: TEST_SECRET },
    dagsFolder: folder,
    log: () => undefined,
  });
  cpSync(FIXTURES, folder, { recursive: true });
  writeFileSync(path.join(folder, "broken.ts"), 'throw new Error("boom at import");\n');
  await processDagsFolder(client, { dagsFolder: folder });
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, state, start_date)
     values ('etl_daily', 'r1', 'manual', now(), 'failed', now()),
            ('reporting', 'r1', 'manual', now() - interval '1 day', 'success', now() - interval '1 day')`,
  );
});

afterAll(async () => {
  await client.close();
  rmSync(folder, { recursive: true, force: true });
});

test("GET /dags filters and orders by the latest run", async () => {
  const res = await request(app)
    .get("/api/v2/dags?tags=etl&tags=reports&order_by=-last_run_start_date&exclude_stale=false")
    .set("Authorization", token("Viewer"));
  expect(res.status).toBe(200);
  expectMatchesSpec(res, "GET", "/api/v2/dags");
  expect((res.body as { dags: { dag_id: string }[] }).dags.map((d) => d.dag_id)).toEqual([
    "etl_daily",
    "reporting",
    // No run: last, dag_id breaking the tie in the first criterion's direction (descending).
    "legacy_dag",
    "cleanup_weekly",
  ]);
  const failed = await request(app)
    .get("/api/v2/dags?last_dag_run_state=failed&owners=DATA")
    .set("Authorization", token("Viewer"));
  expectMatchesSpec(failed, "GET", "/api/v2/dags");
  expect(failed.body.total_entries).toBe(1);
});

test("PATCH /dags pauses what the filters match", async () => {
  const res = await request(app)
    .patch("/api/v2/dags?dag_id_pattern=etl%7Ccleanup")
    .set("Authorization", token("User"))
    .send({ is_paused: false });
  expect(res.status).toBe(200);
  expectMatchesSpec(res, "PATCH", "/api/v2/dags");
  expect(res.body.total_entries).toBe(2);
  const rows = await client.query<{ dag_id: string }>(
    "select dag_id from dag where not is_paused order by dag_id",
  );
  expect(rows.rows.map((r) => r.dag_id)).toEqual(["cleanup_weekly", "etl_daily", "reporting"]);
});

test("details, tasks, tags and import errors", async () => {
  for (const [url, template] of [
    ["/api/v2/dags/etl_daily/details", "/api/v2/dags/{dag_id}/details"],
    ["/api/v2/dags/etl_daily/tasks", "/api/v2/dags/{dag_id}/tasks"],
    ["/api/v2/dagSources/etl_daily", "/api/v2/dagSources/{dag_id}"],
    ["/api/v2/dagTags?tag_name_pattern=e", "/api/v2/dagTags"],
    ["/api/v2/importErrors?filename_pattern=BROKEN", "/api/v2/importErrors"],
  ] as const) {
    const res = await request(app).get(url).set("Authorization", token("Viewer"));
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", template);
  }
  const errors = await request(app)
    .get("/api/v2/importErrors?filename_pattern=broken")
    .set("Authorization", token("Viewer"));
  expect(errors.body.total_entries).toBe(1);
});
