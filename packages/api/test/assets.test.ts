// The asset endpoints: GET /assets (paged, ordered, name_pattern, uri_pattern, dag_ids,
// only_active), GET /assets/{asset_id} and GET /assets/events (filters, timestamp ranges, order
// by timestamp unless asked), over the assets a DAGs-folder pass stored and events recorded as
// a task would; secrets in extras are masked, every role reads, bad input is 4xx. Every response
// is checked against Airflow's OpenAPI file.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import { recordAssetEvents } from "@updraft/store";
import request from "supertest";
import { type Role } from "../src";
import { useApi } from "./support/apiTest";
import { responseLog } from "./support/responseLog";
import { rolesFrom } from "./support/roles";
import { expectMatchesSpec } from "./support/spec";

const api = useApi();
const FIXTURES = path.join(__dirname, "fixtures", "config");
const folder = mkdtempSync(path.join(tmpdir(), "updraft-api-assets-"));

const LIST = "/api/v2/assets";
const ONE = "/api/v2/assets/{asset_id}";
const EVENTS = "/api/v2/assets/events";

const SECRETS = ["asset-extra-token-0001", "event-password-0002"];

interface AssetBody {
  readonly id: number;
  readonly name: string;
  readonly uri: string;
}
interface EventBody {
  readonly id: number;
  readonly asset_id: number;
  readonly source_run_id: string | null;
  readonly source_map_index: number;
  readonly timestamp: string;
}

/** Every response body of this file, searched for secrets at the end. */
const seen = responseLog();

async function get(url: string, template: string, role: Role = "Viewer") {
  const res = seen.keep(await api().as(role).get(url));
  expectMatchesSpec(res, "GET", template);
  return res;
}

const names = (res: { body: { assets: AssetBody[] } }) => res.body.assets.map((a) => a.name);
const runIds = (res: { body: { asset_events: EventBody[] } }) =>
  res.body.asset_events.map((e) => e.source_run_id);

const ids: Record<string, number> = {};

/** A 400 of a list (the spec declares none there), checked as HTTPExceptionResponse. */
function expectHttpException(res: { status: number; body: unknown }): void {
  expectMatchesSpec(res, "DELETE", "/api/v2/dags/{dag_id}/assets/queuedEvents");
}

beforeAll(async () => {
  const { client } = api();
  cpSync(FIXTURES, folder, { recursive: true });
  await processDagsFolder(client, { dagsFolder: folder });
  // The retired DAG's file goes away: the next pass marks it stale, its asset inactive.
  rmSync(path.join(folder, "retiredAssetDag.ts"));
  await processDagsFolder(client, { dagsFolder: folder });
  await client.query(
    `insert into asset (name, uri, created_at, updated_at)
     values ('orphan', 'gs://nobody/uses', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  const rows = await client.query<{ id: number; name: string }>("select id, name from asset");
  for (const row of rows.rows) ids[row.name] = row.id;
  const record = (runId: string, at: string, mapIndex = -1, uri = "s3://bucket/sales") =>
    recordAssetEvents(client, {
      dagId: "sales_producer",
      runId,
      taskId: uri.endsWith("sales") ? "extract" : "report",
      mapIndex,
      now: new Date(at),
      events: [
        {
          uri,
          ...(uri.endsWith("sales") ? { name: "sales" } : {}),
          extra: { rows: 10, password: "event-password-0002", nested: { ok: true } },
        },
      ],
    });
  await record("run_2", "2026-03-02T00:00:00Z");
  await record("run_1", "2026-03-01T00:00:00.250Z");
  await record("run_3", "2026-03-03T00:00:00Z", 2);
  await record("run_4", "2026-03-02T12:00:00Z", -1, "s3://bucket/reports");
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("GET /api/v2/assets", () => {
  test("lists the active assets by id, with references, latest event and masked extra", async () => {
    const res = await get(LIST, LIST);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(["s3://bucket/reports", "sales"]);
    expect(res.body.total_entries).toBe(2);
    const sales = res.body.assets[1];
    expect(sales).toMatchObject({
      id: ids.sales,
      name: "sales",
      uri: "s3://bucket/sales",
      group: "warehouse",
      extra: { owner: "data-team", api_token: "***" },
      scheduled_dags: [{ dag_id: "sales_consumer" }],
      producing_tasks: [{ dag_id: "sales_producer", task_id: "extract" }],
      consuming_tasks: [],
      aliases: [],
      watchers: [],
      last_asset_event: { timestamp: "2026-03-03T00:00:00Z" },
    });
    expect(res.body.assets[0]).toMatchObject({
      group: "asset",
      scheduled_dags: [],
      producing_tasks: [{ dag_id: "sales_producer", task_id: "report" }],
      last_asset_event: { timestamp: "2026-03-02T12:00:00Z" },
    });
  });

  test("only_active=false adds assets no live DAG uses; an asset never updated has no last event", async () => {
    const res = await get(`${LIST}?only_active=false`, LIST);
    expect(names(res)).toEqual([
      "s3://bucket/reports",
      "sales",
      "file:///tmp/retired.csv",
      "orphan",
    ]);
    expect(res.body.assets[3]).toMatchObject({
      created_at: "2026-01-01T00:00:00Z",
      last_asset_event: { id: null, timestamp: null },
    });
  });

  test.each([
    [
      "?only_active=false&order_by=name",
      ["file:///tmp/retired.csv", "orphan", "s3://bucket/reports", "sales"],
    ],
    [
      "?only_active=false&order_by=-uri",
      ["sales", "s3://bucket/reports", "orphan", "file:///tmp/retired.csv"],
    ],
    ["?only_active=false&order_by=created_at&limit=1", ["orphan"]],
    ["?only_active=false&order_by=-id&limit=2&offset=1", ["file:///tmp/retired.csv", "sales"]],
    ["?only_active=0&name_pattern=SAL", ["sales"]],
    ["?only_active=no&uri_pattern=s3%3A%2F%2F%25", ["s3://bucket/reports", "sales"]],
    [
      "?only_active=false&uri_pattern=retired%20%7C%20nobody",
      ["file:///tmp/retired.csv", "orphan"],
    ],
    ["?dag_ids=sales_consumer", ["sales"]],
    ["?dag_ids=sales_producer", ["s3://bucket/reports", "sales"]],
    ["?dag_ids=nope&dag_ids=sales_consumer", ["sales"]],
    ["?only_active=false&dag_ids=retired", ["file:///tmp/retired.csv"]],
    ["?name_pattern='%3B%20drop%20table%20asset%3B%20--", []],
  ])("%s", async (query, expected) => {
    const res = await get(`${LIST}${query}`, LIST);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
  });

  test("total_entries counts every match, whatever the page", async () => {
    const res = await get(`${LIST}?only_active=false&limit=1`, LIST);
    expect(res.body).toMatchObject({ total_entries: 4 });
    expect(res.body.assets).toHaveLength(1);
  });

  test("a bad order_by is 400; a bad only_active or limit 422", async () => {
    const order = await api().as("Viewer").get(`${LIST}?order_by=group`);
    expect(order.status).toBe(400);
    expectHttpException(order);
    for (const query of ["?only_active=maybe", "?limit=x"]) {
      const res = await get(`${LIST}${query}`, LIST);
      expect(res.status).toBe(422);
    }
  });
});

describe("GET /api/v2/assets/{asset_id}", () => {
  test("returns one asset, active or not", async () => {
    const res = await get(`${LIST}/${ids.sales}`, ONE);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "sales", extra: { api_token: "***" } });
    const retired = await get(`${LIST}/${ids["file:///tmp/retired.csv"]}`, ONE);
    expect(retired.body).toMatchObject({ scheduled_dags: [{ dag_id: "retired" }] });
  });

  test.each(["999999", "99999999999999999999"])("an unknown id (%s) is 404", async (id) => {
    const res = await get(`${LIST}/${id}`, ONE);
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe(`The Asset with ID: \`${id}\` was not found`);
  });

  test.each(["abc", "1.5", "1%20or%201%3D1"])("a non-integer id (%s) is 422", async (id) => {
    const res = await get(`${LIST}/${id}`, ONE);
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(["path", "asset_id"]);
  });
});

describe("GET /api/v2/assets/events", () => {
  test("lists events by timestamp, with their asset and masked extra", async () => {
    const res = await get(EVENTS, EVENTS);
    expect(res.status).toBe(200);
    expect(res.body.total_entries).toBe(4);
    expect(runIds(res)).toEqual(["run_1", "run_2", "run_4", "run_3"]);
    expect(res.body.asset_events[0]).toMatchObject({
      asset_id: ids.sales,
      name: "sales",
      uri: "s3://bucket/sales",
      group: "warehouse",
      extra: { rows: 10, password: "***", nested: { ok: true } },
      source_dag_id: "sales_producer",
      source_task_id: "extract",
      source_run_id: "run_1",
      source_map_index: -1,
      created_dagruns: [],
      timestamp: "2026-03-01T00:00:00.250000Z",
      partition_key: null,
    });
  });

  test.each([
    ["?order_by=-timestamp", ["run_3", "run_4", "run_2", "run_1"]],
    ["?order_by=source_run_id", ["run_1", "run_2", "run_3", "run_4"]],
    ["?order_by=-source_map_index&order_by=timestamp", ["run_3", "run_1", "run_2", "run_4"]],
    ["?order_by=source_task_id&limit=2", ["run_2", "run_1"]],
    ["?limit=2&offset=2", ["run_4", "run_3"]],
    ["?source_run_id=run_2", ["run_2"]],
    ["?source_task_id=report", ["run_4"]],
    ["?source_dag_id=sales_producer&source_map_index=2", ["run_3"]],
    ["?source_dag_id=other", []],
    ["?name_pattern=REPORT", ["run_4"]],
    ["?timestamp_gte=2026-03-02T00:00:00Z", ["run_2", "run_4", "run_3"]],
    ["?timestamp_gt=2026-03-02T00:00:00Z", ["run_4", "run_3"]],
    ["?timestamp_lte=2026-03-02", ["run_1", "run_2"]],
    ["?timestamp_lt=2026-03-02T00:00:00%2B00:00", ["run_1"]],
    ["?timestamp_gte=2026-03-01T12:00:00&timestamp_lt=2026-03-03", ["run_2", "run_4"]],
    ["?source_run_id=run_1'%20or%20'1'%3D'1", []],
    ["?source_map_index=99999999999", []],
  ])("%s", async (query, expected) => {
    const res = await get(`${EVENTS}${query}`, EVENTS);
    expect(res.status).toBe(200);
    expect(runIds(res)).toEqual(expected);
  });

  test("asset_id filters by asset", async () => {
    const res = await get(`${EVENTS}?asset_id=${ids.sales}`, EVENTS);
    expect(runIds(res)).toEqual(["run_1", "run_2", "run_3"]);
    expect(res.body.total_entries).toBe(3);
  });

  test("a bad order_by is 400; a bad datetime, asset_id or map index 422", async () => {
    const order = await api().as("Viewer").get(`${EVENTS}?order_by=extra`);
    expect(order.status).toBe(400);
    expectHttpException(order);
    for (const query of ["?timestamp_gte=yesterday", "?asset_id=one", "?source_map_index=1.5"]) {
      const res = await get(`${EVENTS}${query}`, EVENTS);
      expect(res.status).toBe(422);
      expect(res.body.detail[0].loc[0]).toBe("query");
    }
  });
});

describe("roles and secrets", () => {
  test.each(rolesFrom("Viewer"))("the %s role reads assets", async (role) => {
    expect((await get(LIST, LIST, role)).status).toBe(200);
    expect((await get(EVENTS, EVENTS, role)).status).toBe(200);
    expect((await get(`${LIST}/${ids.sales}`, ONE, role)).status).toBe(200);
  });

  test("no token is 401", async () => {
    const res = await request(api().app).get(EVENTS);
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "GET", EVENTS);
  });

  test("no response carried a secret of an asset's or an event's extra", () => {
    seen.expectNoSecrets(SECRETS);
  });
});
