// The task instance, log and XCom endpoints over PGlite (what `updraft standalone` runs on): the
// same SQL answers the same, and marking and clearing — transactions on PGlite's single
// connection — complete.
import { createPgliteClient, migrate, setXcom, type SqlClient } from "@updraft/store";
import type { Express } from "express";
import request from "supertest";
import { createApiApp, issueToken } from "../src";
import { TEST_SECRET } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";
import {
  createRun,
  expand,
  runStateOf,
  runTry,
  setRunState,
  setStates,
  startRun,
  statesOf,
  storeDags,
} from "./fixtures/taskInstances/taskInstanceRuns";

let client: SqlClient;
let app: Express;

const token = (role: "Viewer" | "User") =>
  `Bearer ${issueToken({ secret: TEST_SECRET }, { username: role.toLowerCase(), role })}`;

const TIS = "/api/v2/dags/ti_chain/dagRuns/g_1/taskInstances";

beforeAll(async () => {
  client = await createPgliteClient();
  await migrate(client);
  app = createApiApp({ client, auth: { secret: TEST_SECRET }, log: () => undefined });
  const cache = await storeDags(client);
  await createRun(client, cache, "ti_chain", "g_1", new Date("2026-07-01T00:00:00Z"));
  await createRun(client, cache, "ti_mapped", "gm_1");
  await startRun(client, "ti_chain", "g_1");
  const key = { dagId: "ti_chain", runId: "g_1", taskId: "transform", mapIndex: -1 };
  await runTry(client, { ...key, taskId: "extract" }, "success", ["extracted"]);
  await runTry(client, key, "up_for_retry", ["first"]);
  await runTry(client, key, "failed", ["second"]);
  await setStates(client, "ti_chain", "g_1", { load: "upstream_failed" });
  await setRunState(client, "ti_chain", "g_1", "failed");
  await expand(client, "ti_mapped", "gm_1", "double", 2);
  await setXcom(client, {
    dagId: "ti_chain",
    runId: "g_1",
    taskId: "extract",
    key: "k",
    value: [1],
  });
});

afterAll(() => client.close());

test("the list filters and orders; listMapped; the tries", async () => {
  const list = await request(app)
    .get(`${TIS}?state=failed&state=upstream_failed&order_by=-task_id`)
    .set("Authorization", token("Viewer"));
  expectMatchesSpec(list, "GET", "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances");
  expect((list.body.task_instances as { task_id: string }[]).map((t) => t.task_id)).toEqual([
    "transform",
    "load",
  ]);
  const mapped = await request(app)
    .get("/api/v2/dags/ti_mapped/dagRuns/gm_1/taskInstances/double/listMapped")
    .set("Authorization", token("Viewer"));
  expect(mapped.body.total_entries).toBe(2);
  const tries = await request(app)
    .get(`${TIS}/transform/tries`)
    .set("Authorization", token("Viewer"));
  expectMatchesSpec(
    tries,
    "GET",
    "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/tries",
  );
  expect(tries.body.total_entries).toBe(2);
});

test("marking success resumes the failed downstream; clearing re-queues", async () => {
  const marked = await request(app)
    .patch(`${TIS}/transform`)
    .set("Authorization", token("User"))
    .send({ new_state: "success", note: "fixed by hand" });
  expectMatchesSpec(
    marked,
    "PATCH",
    "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}",
  );
  expect(marked.status).toBe(200);
  expect(await statesOf(client, "ti_chain", "g_1")).toEqual({
    extract: "success",
    transform: "success",
    load: null,
  });
  expect(await runStateOf(client, "ti_chain", "g_1")).toBe("queued");
  await setRunState(client, "ti_chain", "g_1", "success");
  const cleared = await request(app)
    .post("/api/v2/dags/ti_chain/clearTaskInstances")
    .set("Authorization", token("User"))
    .send({ dry_run: false, dag_run_id: "g_1", only_failed: false, task_ids: ["extract"] });
  expectMatchesSpec(cleared, "POST", "/api/v2/dags/{dag_id}/clearTaskInstances");
  expect(cleared.body.task_instances).toHaveLength(1);
  expect((await statesOf(client, "ti_chain", "g_1")).extract).toBeNull();
  expect(await runStateOf(client, "ti_chain", "g_1")).toBe("queued");
});

test("logs and XComs", async () => {
  const log = await request(app)
    .get(`${TIS}/transform/logs/1`)
    .set("Authorization", token("Viewer"));
  expectMatchesSpec(
    log,
    "GET",
    "/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/logs/{try_number}",
  );
  expect(log.body).toMatchObject({ content: [{ event: "first" }], continuation_token: null });
  const xcom = await request(app)
    .get(`${TIS}/extract/xcomEntries/k`)
    .set("Authorization", token("Viewer"));
  expect(xcom.body.value).toEqual([1]);
});
