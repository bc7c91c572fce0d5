// PATCH /api/v2/variables (bulk): create (fail / skip / overwrite), update (fields set, narrowed by
// update_mask; fail / skip) and delete (fail / skip) as Airflow's BulkVariableService applies
// them, refused actions reported in `errors` with nothing written; a sensitive value never in a
// response and kept when sent back as `***`; bad bodies a 422 with nothing changed.
import { useApi } from "./support/apiTest";
import { responseLog } from "./support/responseLog";
import { expectMatchesSpec } from "./support/spec";
import { tableSnapshot } from "./support/tableSnapshot";

const api = useApi();

const BULK = "/api/v2/variables";
const SECRET = "bulk-var-s3cret-value";
const seen = responseLog();

async function bulk(body: unknown) {
  const res = seen.keep(
    await api()
      .as("Op")
      .patch(BULK)
      .send(body as object),
  );
  expectMatchesSpec(res, "PATCH", BULK);
  return res;
}

const snapshot = () =>
  tableSnapshot(api().client, "select key, val, description from variable order by key");

async function stored(key: string) {
  const result = await api().client.query("select val, description from variable where key = $1", [
    key,
  ]);
  return result.rows[0];
}

beforeEach(async () => {
  await api().client.query("delete from variable");
  const res = await bulk({
    actions: [
      {
        action: "create",
        entities: [
          { key: "region", value: "eu-west-1", description: "where" },
          { key: "api_secret", value: SECRET },
          { key: "limits", value: { rows: 10 } },
        ],
      },
    ],
  });
  expect(res.body.create).toEqual({ success: ["region", "api_secret", "limits"], errors: [] });
});

test("create stores strings as they are and other JSON values as their text", async () => {
  expect(await stored("region")).toEqual({ val: "eu-west-1", description: "where" });
  expect(await stored("limits")).toEqual({ val: '{"rows":10}', description: null });
});

test("create fail: an existing key refuses the action with 409; skip creates only new keys", async () => {
  const before = await snapshot();
  const entities = [
    { key: "region", value: "us-east-1" },
    { key: "fresh", value: "1" },
  ];
  const failed = await bulk({ actions: [{ action: "create", entities }] });
  expect(failed.body.create).toEqual({
    success: [],
    errors: [
      { error: "The variables with these keys: {'region'} already exist.", status_code: 409 },
    ],
  });
  expect(await snapshot()).toEqual(before);
  const skipped = await bulk({
    actions: [{ action: "create", action_on_existence: "skip", entities }],
  });
  expect(skipped.body.create).toEqual({ success: ["fresh"], errors: [] });
  expect(await stored("region")).toMatchObject({ val: "eu-west-1" });
});

test("create overwrite replaces value and description; a sensitive value sent as *** is kept", async () => {
  const res = await bulk({
    actions: [
      {
        action: "create",
        action_on_existence: "overwrite",
        entities: [
          { key: "region", value: "us-east-1" },
          { key: "api_secret", value: "***", description: "rotated monthly" },
        ],
      },
    ],
  });
  expect(res.body.create).toEqual({ success: ["region", "api_secret"], errors: [] });
  expect(await stored("region")).toEqual({ val: "us-east-1", description: null });
  expect(await stored("api_secret")).toEqual({ val: SECRET, description: "rotated monthly" });
});

test("update changes what each entity sets, narrowed by update_mask", async () => {
  const res = await bulk({
    actions: [
      { action: "update", entities: [{ key: "region", value: "ap-south-1" }] },
      {
        action: "update",
        update_mask: ["description"],
        entities: [{ key: "limits", value: { rows: 99 }, description: "caps" }],
      },
    ],
  });
  expect(res.body.update).toEqual({ success: ["region", "limits"], errors: [] });
  expect(await stored("region")).toEqual({ val: "ap-south-1", description: "where" });
  expect(await stored("limits")).toEqual({ val: '{"rows":10}', description: "caps" });
});

test("update and delete of a missing key: 404 under fail, the rest applied under skip", async () => {
  const before = await snapshot();
  const failed = await bulk({
    actions: [
      {
        action: "update",
        entities: [
          { key: "ghost", value: "x" },
          { key: "region", value: "y" },
        ],
      },
      { action: "delete", entities: ["ghost", "limits"] },
    ],
  });
  const notFound = {
    success: [],
    errors: [
      { error: "The variables with these keys: {'ghost'} were not found.", status_code: 404 },
    ],
  };
  expect(failed.body).toEqual({ create: null, update: notFound, delete: notFound });
  expect(await snapshot()).toEqual(before);
  const skipped = await bulk({
    actions: [
      {
        action: "update",
        action_on_non_existence: "skip",
        entities: [
          { key: "ghost", value: "x" },
          { key: "region", value: "y" },
        ],
      },
      { action: "delete", action_on_non_existence: "skip", entities: ["ghost", "limits"] },
    ],
  });
  expect(skipped.body.update).toEqual({ success: ["region"], errors: [] });
  expect(skipped.body.delete).toEqual({ success: ["limits"], errors: [] });
  expect(await stored("limits")).toBeUndefined();
  expect(await stored("ghost")).toBeUndefined();
});

test("keys may hold slashes", async () => {
  const res = await bulk({
    actions: [{ action: "create", entities: [{ key: "team/etl/window", value: "6h" }] }],
  });
  expect(res.body.create.success).toEqual(["team/etl/window"]);
  const read = await api().as("Viewer").get("/api/v2/variables/team/etl/window");
  expect(read.body.value).toBe("6h");
});

test.each([
  [
    "a missing value",
    { actions: [{ action: "create", entities: [{ key: "k" }] }] },
    { loc: ["body", "actions", 0, "create", "entities", 0, "value"], msg: "Field required" },
  ],
  [
    "a key over 250 characters",
    { actions: [{ action: "update", entities: [{ key: "k".repeat(251), value: "v" }] }] },
    { loc: ["body", "actions", 0, "update", "entities", 0, "key"] },
  ],
  [
    "an update_mask that is not a list",
    { actions: [{ action: "update", entities: [], update_mask: "value" }] },
    { loc: ["body", "actions", 0, "update", "update_mask"], msg: "Input should be a valid list" },
  ],
])("%s is a 422 and changes nothing", async (_name, body, problem) => {
  const before = await snapshot();
  const res = await bulk(body);
  expect(res.status).toBe(422);
  expect(res.body.detail).toEqual([expect.objectContaining(problem)]);
  expect(await snapshot()).toEqual(before);
});

afterAll(() => {
  expect(seen.size()).toBeGreaterThan(8);
  seen.expectNoSecrets([SECRET]);
});
