// PATCH /api/v2/connections (bulk): create (fail / skip / overwrite), update (with and without
// update_mask, fail / skip) and delete (ids or entities, fail / skip) as Airflow's
// BulkConnectionService applies them — each action on its own, refused actions reported in
// `errors` and writing nothing — a stored password never in a response, and a bad body a 422 in
// pydantic's words with nothing changed. Every response is checked against Airflow's spec.
import { useApi } from "./support/apiTest";
import { responseLog } from "./support/responseLog";
import { expectMatchesSpec } from "./support/spec";
import { tableSnapshot } from "./support/tableSnapshot";

const api = useApi();

const BULK = "/api/v2/connections";
const PASSWORD = "bulk-Pg-s3cret";
const TOKEN = "bulk-extra-token-77";
const seen = responseLog();

/** PATCH the bulk body as Admin, checked against the spec. */
async function bulk(body: unknown) {
  const res = seen.keep(
    await api()
      .as("Admin")
      .patch(BULK)
      .send(body as object),
  );
  expectMatchesSpec(res, "PATCH", BULK);
  return res;
}

const snapshot = () =>
  tableSnapshot(
    api().client,
    "select conn_id, conn_type, host, login, password, port, extra, description from connection order by conn_id",
  );

async function stored(connId: string) {
  const result = await api().client.query(
    "select conn_type, host, login, password, port, extra, description from connection where conn_id = $1",
    [connId],
  );
  return result.rows[0];
}

beforeEach(async () => {
  await api().client.query("delete from connection");
  const res = await bulk({
    actions: [
      {
        action: "create",
        entities: [
          {
            connection_id: "warehouse",
            conn_type: "postgres",
            host: "db.internal",
            login: "loader",
            password: PASSWORD,
            port: 5432,
            extra: JSON.stringify({ region: "eu", api_token: TOKEN }),
          },
          { connection_id: "slack", conn_type: "http", host: "hooks.slack.com" },
        ],
      },
    ],
  });
  expect(res.body.create).toEqual({ success: ["warehouse", "slack"], errors: [] });
});

describe("create", () => {
  test("creates every entity; the other action kinds are null", async () => {
    const res = await bulk({
      actions: [{ action: "create", entities: [{ connection_id: "ftp", conn_type: "ftp" }] }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      create: { success: ["ftp"], errors: [] },
      update: null,
      delete: null,
    });
    expect(await stored("ftp")).toMatchObject({ conn_type: "ftp", host: null, password: null });
    expect(await stored("warehouse")).toMatchObject({ password: PASSWORD, port: 5432 });
  });

  test("fail (the default): an existing id refuses the whole action with 409, nothing created", async () => {
    const before = await snapshot();
    const res = await bulk({
      actions: [
        {
          action: "create",
          entities: [
            { connection_id: "new_one", conn_type: "http" },
            { connection_id: "warehouse", conn_type: "http" },
            { connection_id: "slack", conn_type: "http" },
          ],
        },
      ],
    });
    expect(res.body.create).toEqual({
      success: [],
      errors: [
        {
          error: "The connections with these connection_ids: {'slack', 'warehouse'} already exist.",
          status_code: 409,
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  test("skip: existing ids are left as they are, the others created", async () => {
    const res = await bulk({
      actions: [
        {
          action: "create",
          action_on_existence: "skip",
          entities: [
            { connection_id: "warehouse", conn_type: "mysql", host: "elsewhere" },
            { connection_id: "new_one", conn_type: "http" },
          ],
        },
      ],
    });
    expect(res.body.create).toEqual({ success: ["new_one"], errors: [] });
    expect(await stored("warehouse")).toMatchObject({ conn_type: "postgres", host: "db.internal" });
    expect(await stored("new_one")).toMatchObject({ conn_type: "http" });
  });

  test("overwrite: every field replaced, a password sent back as *** keeps the stored one", async () => {
    const res = await bulk({
      actions: [
        {
          action: "create",
          action_on_existence: "overwrite",
          entities: [
            {
              connection_id: "warehouse",
              conn_type: "postgres",
              host: "db2.internal",
              password: "***",
              extra: JSON.stringify({ region: "us", api_token: "***" }),
            },
            { connection_id: "slack", conn_type: "http", password: "fresh-slack-secret" },
          ],
        },
      ],
    });
    expect(res.body.create).toEqual({ success: ["warehouse", "slack"], errors: [] });
    const warehouse = await stored("warehouse");
    expect(warehouse).toMatchObject({
      host: "db2.internal",
      login: null,
      port: null,
      password: PASSWORD,
    });
    expect(JSON.parse(String(warehouse?.extra))).toEqual({ region: "us", api_token: TOKEN });
    expect(await stored("slack")).toMatchObject({ host: null, password: "fresh-slack-secret" });
  });
});

describe("update", () => {
  test("changes the fields each entity sets; unset fields and the password are kept", async () => {
    const res = await bulk({
      actions: [
        {
          action: "update",
          entities: [
            { connection_id: "warehouse", conn_type: "postgres", host: "db3.internal" },
            { connection_id: "slack", conn_type: "http", port: 443, description: "alerts" },
          ],
        },
      ],
    });
    expect(res.body.update).toEqual({ success: ["warehouse", "slack"], errors: [] });
    expect(await stored("warehouse")).toMatchObject({
      host: "db3.internal",
      login: "loader",
      password: PASSWORD,
      port: 5432,
    });
    expect(await stored("slack")).toMatchObject({ port: 443, description: "alerts" });
  });

  test("update_mask narrows each entity to the fields it names", async () => {
    await bulk({
      actions: [
        {
          action: "update",
          update_mask: ["login"],
          entities: [
            { connection_id: "warehouse", conn_type: "mysql", host: "ignored", login: "etl" },
          ],
        },
      ],
    });
    expect(await stored("warehouse")).toMatchObject({
      conn_type: "postgres",
      host: "db.internal",
      login: "etl",
    });
  });

  test("fail: a missing id refuses the action with 404; skip updates the ones that exist", async () => {
    const before = await snapshot();
    const entities = [
      { connection_id: "warehouse", conn_type: "postgres", host: "changed" },
      { connection_id: "ghost", conn_type: "http" },
    ];
    const failed = await bulk({ actions: [{ action: "update", entities }] });
    expect(failed.body.update).toEqual({
      success: [],
      errors: [
        {
          error: "The connections with these connection_ids: {'ghost'} were not found.",
          status_code: 404,
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
    const skipped = await bulk({
      actions: [{ action: "update", action_on_non_existence: "skip", entities }],
    });
    expect(skipped.body.update).toEqual({ success: ["warehouse"], errors: [] });
    expect(await stored("warehouse")).toMatchObject({ host: "changed" });
    expect(await stored("ghost")).toBeUndefined();
  });
});

describe("delete", () => {
  test("by id or by entity", async () => {
    const res = await bulk({
      actions: [
        {
          action: "delete",
          entities: ["warehouse", { connection_id: "slack", conn_type: "http" }],
        },
      ],
    });
    expect(res.body.delete).toEqual({ success: ["warehouse", "slack"], errors: [] });
    expect(await snapshot()).toEqual([[]]);
  });

  test("fail: a missing id refuses the action with 404; skip deletes the ones that exist", async () => {
    const before = await snapshot();
    const failed = await bulk({ actions: [{ action: "delete", entities: ["slack", "ghost"] }] });
    expect(failed.body.delete).toEqual({
      success: [],
      errors: [
        {
          error: "The connections with these connection_ids: {'ghost'} were not found.",
          status_code: 404,
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
    const skipped = await bulk({
      actions: [
        { action: "delete", action_on_non_existence: "skip", entities: ["slack", "ghost"] },
      ],
    });
    expect(skipped.body.delete).toEqual({ success: ["slack"], errors: [] });
    expect(await stored("slack")).toBeUndefined();
  });
});

describe("several actions", () => {
  test("apply in order, each on its own: a refused one reports its error, the others apply", async () => {
    const res = await bulk({
      actions: [
        { action: "create", entities: [{ connection_id: "one", conn_type: "http" }] },
        { action: "create", entities: [{ connection_id: "warehouse", conn_type: "http" }] },
        { action: "update", entities: [{ connection_id: "one", conn_type: "ftp" }] },
        { action: "create", entities: [{ connection_id: "two", conn_type: "http" }] },
        { action: "delete", entities: ["slack"] },
      ],
    });
    expect(res.body).toEqual({
      create: {
        success: ["one", "two"],
        errors: [
          {
            error: "The connections with these connection_ids: {'warehouse'} already exist.",
            status_code: 409,
          },
        ],
      },
      update: { success: ["one"], errors: [] },
      delete: { success: ["slack"], errors: [] },
    });
    expect(await stored("one")).toMatchObject({ conn_type: "ftp" });
    expect(await stored("two")).toMatchObject({ conn_type: "http" });
    expect(await stored("warehouse")).toMatchObject({ conn_type: "postgres" });
  });

  test("an id given twice in one action refuses that action with 400", async () => {
    const before = await snapshot();
    const res = await bulk({
      actions: [
        {
          action: "create",
          entities: [
            { connection_id: "dup", conn_type: "http" },
            { connection_id: "dup", conn_type: "ftp" },
          ],
        },
      ],
    });
    expect(res.body.create.errors).toEqual([
      {
        error:
          "The connections with these connection_ids: {'dup'} are given more than once in one action.",
        status_code: 400,
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  test("an empty list of actions changes nothing", async () => {
    const res = await bulk({ actions: [] });
    expect(res.body).toEqual({ create: null, update: null, delete: null });
  });
});

describe("invalid bodies are 422 in pydantic's words; nothing changes", () => {
  test.each([
    [
      "an entity without conn_type",
      { actions: [{ action: "create", entities: [{ connection_id: "x" }] }] },
      {
        loc: ["body", "actions", 0, "create", "entities", 0, "conn_type"],
        msg: "Field required",
        type: "missing",
      },
    ],
    [
      "an unknown action",
      { actions: [{ action: "upsert", entities: [] }] },
      {
        loc: ["body", "actions", 0, "action"],
        msg: "Input should be 'create', 'update' or 'delete'",
      },
    ],
    [
      "an unknown action_on_existence",
      { actions: [{ action: "create", entities: [], action_on_existence: "replace" }] },
      {
        loc: ["body", "actions", 0, "create", "action_on_existence"],
        msg: "Input should be 'fail', 'skip' or 'overwrite'",
      },
    ],
    [
      "an unknown field of an action",
      { actions: [{ action: "delete", entities: [], update_mask: ["x"] }] },
      { loc: ["body", "actions", 0, "delete", "update_mask"], type: "extra_forbidden" },
    ],
    [
      "a bad delete entity",
      { actions: [{ action: "delete", entities: [42] }] },
      { loc: ["body", "actions", 0, "delete", "entities", 0] },
    ],
    [
      "extra that is not a JSON object",
      {
        actions: [
          { action: "create", entities: [{ connection_id: "x", conn_type: "http", extra: "[1]" }] },
        ],
      },
      { loc: ["body", "actions", 0, "create", "entities", 0, "extra"] },
    ],
    ["no actions", {}, { loc: ["body", "actions"], msg: "Field required", type: "missing" }],
  ])("%s", async (_name, body, problem) => {
    const before = await snapshot();
    const res = await bulk(body);
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual(expect.arrayContaining([expect.objectContaining(problem)]));
    expect(await snapshot()).toEqual(before);
  });

  test("a valid action beside an invalid one is not applied either", async () => {
    const before = await snapshot();
    const res = await bulk({
      actions: [
        { action: "delete", entities: ["warehouse"] },
        { action: "create", entities: [{ connection_id: "x", port: 70_000, conn_type: "http" }] },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([
      expect.objectContaining({
        loc: ["body", "actions", 1, "create", "entities", 0, "port"],
        msg: "Input should be less than or equal to 65535",
      }),
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

afterAll(() => {
  expect(seen.size()).toBeGreaterThan(10);
  seen.expectNoSecrets([PASSWORD, TOKEN, "fresh-slack-secret"]);
});
