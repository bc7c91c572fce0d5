// The bulk edits, XCom writes and the audit log over PGlite, what `updraft standalone` runs on:
// the same SQL must answer the same — the bulk actions' row locks inside one transaction, the
// XCom writes' CTEs, the event log's filtered, ordered page with its total and display names.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DagCache, processDagsFolder, triggerDagRun } from "@updraft/scheduler";
import { createPgliteClient, migrate, type SqlClient } from "@updraft/store";
import type { Express } from "express";
import request from "supertest";
import { createApiApp } from "../src";
import { bearer, TEST_SECRET } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const folder = mkdtempSync(path.join(tmpdir(), "updraft-api-writes-pglite-"));
let client: SqlClient;
let app: Express;

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
  app = createApiApp({ client, auth: { secret: TEST_SECRET }, log: () => undefined });
  writeFileSync(
    path.join(folder, "lite.ts"),
    `import { dag, EmptyOperator } from "@updraft/sdk";
dag({ dagId: "lite", dagDisplayName: "Lite DAG", schedule: null }, () => {
  new EmptyOperator({ taskId: "only" });
});
`,
  );
  await processDagsFolder(client, { dagsFolder: folder });
  await triggerDagRun(client, new DagCache(client), {
    dagId: "lite",
    runId: "r1",
    logicalDate: null,
    runAfter: new Date("2026-08-01T00:00:00Z"),
  });
});

afterAll(async () => {
  await client.close();
  rmSync(folder, { recursive: true, force: true });
});

test("bulk variables: create, a refused create beside an applied update, delete", async () => {
  const bulk = (body: object) =>
    request(app).patch("/api/v2/variables").set("Authorization", bearer("Op")).send(body);
  const created = await bulk({
    actions: [
      {
        action: "create",
        entities: [
          { key: "a", value: "1" },
          { key: "b", value: "2" },
        ],
      },
    ],
  });
  expectMatchesSpec(created, "PATCH", "/api/v2/variables");
  expect(created.body.create).toEqual({ success: ["a", "b"], errors: [] });
  const mixed = await bulk({
    actions: [
      { action: "create", entities: [{ key: "a", value: "x" }] },
      { action: "update", entities: [{ key: "b", value: "3" }] },
      { action: "delete", entities: ["a"] },
    ],
  });
  expect(mixed.body).toEqual({
    create: {
      success: [],
      errors: [{ error: "The variables with these keys: {'a'} already exist.", status_code: 409 }],
    },
    update: { success: ["b"], errors: [] },
    delete: { success: ["a"], errors: [] },
  });
  const rows = await client.query("select key, val from variable order by key");
  expect(rows.rows).toEqual([{ key: "b", val: "3" }]);
});

test("XCom entries: created once (409 after), updated, read back", async () => {
  const url = "/api/v2/dags/lite/dagRuns/r1/taskInstances/only/xcomEntries";
  const created = await request(app)
    .post(url)
    .set("Authorization", bearer("User"))
    .send({ key: "k", value: { n: 1 } });
  expect(created.status).toBe(201);
  expectMatchesSpec(
    created,
    "POST",
    "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries",
  );
  expect(created.body).toMatchObject({ dag_display_name: "Lite DAG", value: { n: 1 } });
  const again = await request(app)
    .post(url)
    .set("Authorization", bearer("User"))
    .send({ key: "k", value: 2 });
  expect(again.status).toBe(409);
  const updated = await request(app)
    .patch(`${url}/k`)
    .set("Authorization", bearer("User"))
    .send({ value: [1, 2] });
  expect(updated.body).toMatchObject({ run_after: "2026-08-01T00:00:00Z", value: [1, 2] });
  const read = await request(app).get(`${url}/k`).set("Authorization", bearer("Viewer"));
  expect(read.body.value).toEqual([1, 2]);
});

test("the audit log: filtered and ordered, with the DAG's display name", async () => {
  const res = await request(app)
    .get(
      "/api/v2/eventLogs?included_events=create_xcom_entry&included_events=update_xcom_entry&order_by=-when",
    )
    .set("Authorization", bearer("Viewer"));
  expectMatchesSpec(res, "GET", "/api/v2/eventLogs");
  expect(res.body.total_entries).toBe(3);
  expect(
    (res.body.event_logs as { event: string; dag_display_name: string; owner: string }[]).map(
      (e) => [e.event, e.dag_display_name, e.owner],
    ),
  ).toEqual([
    ["update_xcom_entry", "Lite DAG", "user"],
    ["create_xcom_entry", "Lite DAG", "user"],
    ["create_xcom_entry", "Lite DAG", "user"],
  ]);
  const bulk = await request(app)
    .get("/api/v2/eventLogs?event_pattern=BULK")
    .set("Authorization", bearer("Viewer"));
  expect(bulk.body.total_entries).toBe(2);
  const one = await request(app)
    .get(`/api/v2/eventLogs/${String(bulk.body.event_logs[0].event_log_id)}`)
    .set("Authorization", bearer("Viewer"));
  expect(one.body).toMatchObject({ event: "bulk_variables", owner: "op", dag_display_name: null });
});
