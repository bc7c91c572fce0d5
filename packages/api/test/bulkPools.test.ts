// PATCH /api/v2/pools (bulk): create (fail / skip / overwrite), update (PoolBody entities,
// update_mask) and delete as Airflow's BulkPoolService applies them, with default_pool kept as
// Airflow keeps it — only slots and include_deferred change, through an update_mask naming only
// those, and it is never deleted — each refusal its action's 400 with nothing written; bad bodies
// a 422 with nothing changed.
import { useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";
import { tableSnapshot } from "./support/tableSnapshot";

const api = useApi();

const BULK = "/api/v2/pools";

async function bulk(body: unknown) {
  const res = await api()
    .as("Op")
    .patch(BULK)
    .send(body as object);
  expectMatchesSpec(res, "PATCH", BULK);
  return res;
}

const snapshot = () =>
  tableSnapshot(
    api().client,
    "select pool, slots, description, include_deferred from slot_pool order by pool",
  );

async function stored(name: string) {
  const result = await api().client.query(
    "select slots, description, include_deferred from slot_pool where pool = $1",
    [name],
  );
  return result.rows[0];
}

beforeEach(async () => {
  await api().client.query("delete from slot_pool where pool <> 'default_pool'");
  await api().client.query(
    "update slot_pool set slots = 128, include_deferred = false where pool = 'default_pool'",
  );
  const res = await bulk({
    actions: [
      {
        action: "create",
        entities: [
          { name: "snowflake", slots: 4, description: "warehouse", include_deferred: true },
          { name: "api", slots: 2 },
        ],
      },
    ],
  });
  expect(res.body.create).toEqual({ success: ["snowflake", "api"], errors: [] });
});

test("create: fail refuses existing names with 409, skip leaves them, overwrite replaces them", async () => {
  const before = await snapshot();
  const entities = [
    { name: "api", slots: 9 },
    { name: "io", slots: 1 },
  ];
  const failed = await bulk({ actions: [{ action: "create", entities }] });
  expect(failed.body.create).toEqual({
    success: [],
    errors: [
      { error: "The pools with these pool names: {'api'} already exist.", status_code: 409 },
    ],
  });
  expect(await snapshot()).toEqual(before);
  const skipped = await bulk({
    actions: [{ action: "create", action_on_existence: "skip", entities }],
  });
  expect(skipped.body.create.success).toEqual(["io"]);
  expect(await stored("api")).toMatchObject({ slots: 2 });
  const overwritten = await bulk({
    actions: [
      {
        action: "create",
        action_on_existence: "overwrite",
        entities: [{ name: "snowflake", slots: 8 }],
      },
    ],
  });
  expect(overwritten.body.create.success).toEqual(["snowflake"]);
  expect(await stored("snowflake")).toEqual({
    slots: 8,
    description: null,
    include_deferred: false,
  });
});

test("update changes what the entities set, narrowed by update_mask", async () => {
  const res = await bulk({
    actions: [
      {
        action: "update",
        update_mask: ["slots"],
        entities: [
          { name: "snowflake", slots: 6, description: "ignored" },
          { name: "api", slots: -1 },
        ],
      },
    ],
  });
  expect(res.body.update).toEqual({ success: ["snowflake", "api"], errors: [] });
  expect(await stored("snowflake")).toMatchObject({ slots: 6, description: "warehouse" });
  expect(await stored("api")).toMatchObject({ slots: -1 });
});

test("default_pool: slots through an update_mask of slots / include_deferred only", async () => {
  const before = await snapshot();
  const refused = await bulk({
    actions: [{ action: "update", entities: [{ name: "default_pool", slots: 64 }] }],
  });
  expect(refused.body.update).toEqual({
    success: [],
    errors: [
      {
        error: "Only slots and included_deferred can be modified on Default Pool",
        status_code: 400,
      },
    ],
  });
  expect(await snapshot()).toEqual(before);
  const masked = await bulk({
    actions: [
      {
        action: "update",
        update_mask: ["slots", "include_deferred"],
        entities: [{ name: "default_pool", slots: 64, include_deferred: true }],
      },
    ],
  });
  expect(masked.body.update.success).toEqual(["default_pool"]);
  expect(await stored("default_pool")).toMatchObject({ slots: 64, include_deferred: true });
});

test("default_pool: an overwrite giving it a description is refused; one without is applied", async () => {
  const before = await snapshot();
  const refused = await bulk({
    actions: [
      {
        action: "create",
        action_on_existence: "overwrite",
        entities: [{ name: "default_pool", slots: 5, description: "mine" }],
      },
    ],
  });
  expect(refused.body.create.errors).toEqual([
    { error: "Only slots and included_deferred can be modified on Default Pool", status_code: 400 },
  ]);
  expect(await snapshot()).toEqual(before);
  await bulk({
    actions: [
      {
        action: "create",
        action_on_existence: "overwrite",
        entities: [{ name: "default_pool", slots: 5 }],
      },
    ],
  });
  expect(await stored("default_pool")).toMatchObject({ slots: 5 });
});

test("delete: default_pool cannot be deleted (400, the action writes nothing)", async () => {
  const before = await snapshot();
  const refused = await bulk({
    actions: [{ action: "delete", entities: ["api", "default_pool"] }],
  });
  expect(refused.body.delete).toEqual({
    success: [],
    errors: [{ error: "Default Pool can't be deleted", status_code: 400 }],
  });
  expect(await snapshot()).toEqual(before);
  const deleted = await bulk({
    actions: [{ action: "delete", entities: ["api", { name: "snowflake", slots: 4 }] }],
  });
  expect(deleted.body.delete).toEqual({ success: ["api", "snowflake"], errors: [] });
  expect(await snapshot()).toEqual([
    [{ pool: "default_pool", slots: 128, description: expect.anything(), include_deferred: false }],
  ]);
});

test("missing names: 404 under fail (naming them), skipped under skip", async () => {
  const failed = await bulk({
    actions: [{ action: "update", entities: [{ name: "ghost", slots: 1 }] }],
  });
  expect(failed.body.update.errors).toEqual([
    { error: "The pools with these pool names: {'ghost'} were not found.", status_code: 404 },
  ]);
  const skipped = await bulk({
    actions: [{ action: "delete", action_on_non_existence: "skip", entities: ["ghost"] }],
  });
  expect(skipped.body.delete).toEqual({ success: [], errors: [] });
});

test.each([
  [
    "slots below -1",
    { actions: [{ action: "create", entities: [{ name: "p", slots: -2 }] }] },
    {
      loc: ["body", "actions", 0, "create", "entities", 0, "slots"],
      msg: "Input should be greater than or equal to -1",
    },
  ],
  [
    "an update entity without slots (PoolBody)",
    { actions: [{ action: "update", entities: [{ name: "api" }] }] },
    {
      loc: ["body", "actions", 0, "update", "entities", 0, "slots"],
      msg: "Field required",
    },
  ],
  [
    "team_name",
    { actions: [{ action: "create", entities: [{ name: "p", slots: 1, team_name: "a" }] }] },
    { loc: ["body", "actions", 0, "create", "entities", 0, "team_name"] },
  ],
])("%s is a 422 and changes nothing", async (_name, body, problem) => {
  const before = await snapshot();
  const res = await bulk(body);
  expect(res.status).toBe(422);
  expect(res.body.detail).toEqual([expect.objectContaining(problem)]);
  expect(await snapshot()).toEqual(before);
});
