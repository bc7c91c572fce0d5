// The config endpoints (connections, variables, pools, assets) over PGlite, what `updraft
// standalone` runs on: the same SQL must answer the same — ILIKE patterns over arrays, ordered
// pages with their totals, the row locks a PATCH takes inside its transaction.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import { createPgliteClient, migrate, recordAssetEvents, type SqlClient } from "@updraft/store";
import type { Express } from "express";
import request from "supertest";
import { createApiApp } from "../src";
import { bearer, TEST_SECRET } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const folder = mkdtempSync(path.join(tmpdir(), "updraft-api-config-pglite-"));
let client: SqlClient;
let app: Express;

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
  app = createApiApp({ client, auth: { secret: TEST_SECRET }, log: () => undefined });
  writeFileSync(
    path.join(folder, "assets.ts"),
    `import { Asset, dag, EmptyOperator } from "@updraft/sdk";
dag({ dagId: "producer", schedule: null }, () => {
  new EmptyOperator({ taskId: "write", outlets: [new Asset("s3://b/orders", { extra: { token: "pglite-token-1" } })] });
});
`,
  );
  await processDagsFolder(client, { dagsFolder: folder });
  await recordAssetEvents(client, {
    dagId: "producer",
    runId: "r1",
    taskId: "write",
    events: [{ uri: "s3://b/orders", extra: { password: "pglite-password-2" } }],
  });
});

afterAll(async () => {
  await client.close();
  rmSync(folder, { recursive: true, force: true });
});

test("connections: create, list by pattern and order, patch keeping the password", async () => {
  for (const id of ["pg_main", "pg_replica", "s3_logs"]) {
    const res = await request(app)
      .post("/api/v2/connections")
      .set("Authorization", bearer("Admin"))
      .send({ connection_id: id, conn_type: "postgres", password: "pglite-secret-3" });
    expect(res.status).toBe(201);
  }
  const list = await request(app)
    .get("/api/v2/connections?connection_id_pattern=PG_&order_by=-conn_id")
    .set("Authorization", bearer("Op"));
  expectMatchesSpec(list, "GET", "/api/v2/connections");
  const connections = list.body.connections as { connection_id: string }[];
  expect(connections.map((c) => c.connection_id)).toEqual(["pg_replica", "pg_main"]);
  expect(list.body.total_entries).toBe(2);
  const patched = await request(app)
    .patch("/api/v2/connections/pg_main")
    .set("Authorization", bearer("Admin"))
    .send({ connection_id: "pg_main", conn_type: "postgres", host: "h", password: "***" });
  expectMatchesSpec(patched, "PATCH", "/api/v2/connections/{connection_id}");
  expect(patched.body).toMatchObject({ host: "h", password: "***" });
  const stored = await client.query("select password from connection where conn_id = 'pg_main'");
  expect(stored.rows[0]).toEqual({ password: "pglite-secret-3" });
  expect(JSON.stringify([list.body, patched.body])).not.toContain("pglite-secret-3");
});

test("variables: create, patch in a transaction, list masked", async () => {
  const created = await request(app)
    .post("/api/v2/variables")
    .set("Authorization", bearer("Op"))
    .send({ key: "api_token", value: "pglite-variable-4" });
  expect(created.status).toBe(201);
  const patched = await request(app)
    .patch("/api/v2/variables/api_token?update_mask=description")
    .set("Authorization", bearer("Op"))
    .send({ key: "api_token", value: "***", description: "d" });
  expectMatchesSpec(patched, "PATCH", "/api/v2/variables/{variable_key}");
  expect(patched.body).toMatchObject({ value: "***", description: "d" });
  const list = await request(app)
    .get("/api/v2/variables?variable_key_pattern=TOKEN")
    .set("Authorization", bearer("Viewer"));
  expectMatchesSpec(list, "GET", "/api/v2/variables");
  expect(list.body.total_entries).toBe(1);
  expect(JSON.stringify(list.body)).not.toContain("pglite-variable-4");
});

test("pools: list ordered by name with usage; assets and events with masked extras", async () => {
  await request(app)
    .post("/api/v2/pools")
    .set("Authorization", bearer("Op"))
    .send({ name: "a_pool", slots: 2 });
  const pools = await request(app)
    .get("/api/v2/pools?order_by=name")
    .set("Authorization", bearer("Viewer"));
  expectMatchesSpec(pools, "GET", "/api/v2/pools");
  const names = (pools.body.pools as { name: string }[]).map((p) => p.name);
  expect(names).toEqual(["a_pool", "default_pool"]);
  const assets = await request(app).get("/api/v2/assets").set("Authorization", bearer("Viewer"));
  expectMatchesSpec(assets, "GET", "/api/v2/assets");
  expect(assets.body.assets[0]).toMatchObject({
    uri: "s3://b/orders",
    extra: { token: "***" },
    producing_tasks: [{ dag_id: "producer", task_id: "write" }],
  });
  const events = await request(app)
    .get("/api/v2/assets/events?order_by=-timestamp")
    .set("Authorization", bearer("Viewer"));
  expectMatchesSpec(events, "GET", "/api/v2/assets/events");
  expect(events.body.asset_events[0]).toMatchObject({ extra: { password: "***" } });
  expect(JSON.stringify([assets.body, events.body])).not.toMatch(/pglite-(token-1|password-2)/);
});
