// The variable endpoints: list (paged, ordered, variable_key_pattern), get, create, patch and
// delete — keys with slashes, values of sensitive keys (and secrets inside JSON values) never
// returned, a value sent back masked keeping the stored one, the role each needs (every role
// reads, Op writes; a 403 changes nothing), and the input each refuses with nothing changed.
// Every response is checked against Airflow's OpenAPI file.
import request from "supertest";
import { type Role } from "../src";
import { useApi } from "./support/apiTest";
import { responseLog } from "./support/responseLog";
import { expectRefusedUnchanged, rolesBelow, rolesFrom } from "./support/roles";
import { expectMatchesSpec } from "./support/spec";
import { tableSnapshot } from "./support/tableSnapshot";

const api = useApi();

const LIST = "/api/v2/variables";
const ONE = "/api/v2/variables/{variable_key}";

const DB_PASSWORD = "variable-db-passw0rd-42";
const API_KEY = "variable-api-key-abcdef";
const NESTED_SECRET = "nested-client-secret-777";
const SECRETS = [DB_PASSWORD, API_KEY, NESTED_SECRET];

const CONFIG_VALUE = {
  endpoint: "https://api.example.com",
  oauth: { client_secret: NESTED_SECRET },
};

/** Every response body of this file, searched for secrets at the end. */
const seen = responseLog();
const { keep } = seen;

/** A variable's URL; slashes stay slashes (Airflow's `{variable_key:path}`). */
const oneUrl = (key: string) => `${LIST}/${key.split("/").map(encodeURIComponent).join("/")}`;

/** The stored rows, to show that a refused request changed nothing. */
const snapshot = () => tableSnapshot(api().client, "select * from variable order by id");

async function storedValue(key: string): Promise<string | undefined> {
  const result = await api().client.query<{ val: string }>(
    "select val from variable where key = $1",
    [key],
  );
  return result.rows[0]?.val;
}

async function post(body: unknown, role: Role = "Op") {
  const res = keep(
    await api()
      .as(role)
      .post(LIST)
      .send(body as object),
  );
  expectMatchesSpec(res, "POST", LIST);
  return res;
}

async function patch(key: string, body: unknown, query = "", role: Role = "Op") {
  const res = keep(
    await api()
      .as(role)
      .patch(`${oneUrl(key)}${query}`)
      .send(body as object),
  );
  expectMatchesSpec(res, "PATCH", ONE);
  return res;
}

async function get(key: string, role: Role = "Viewer") {
  const res = keep(await api().as(role).get(oneUrl(key)));
  expectMatchesSpec(res, "GET", ONE);
  return res;
}

/** A 400 of GET /variables (the spec declares none there), checked as HTTPExceptionResponse. */
function expectHttpException(res: { status: number; body: unknown }): void {
  expectMatchesSpec(res, "PATCH", ONE);
}

beforeAll(async () => {
  for (const body of [
    { key: "plain", value: "hello", description: "A plain one" },
    { key: "db_password", value: DB_PASSWORD },
    { key: "API-Key.prod", value: API_KEY, description: "for the vendor" },
    { key: "config", value: CONFIG_VALUE },
    { key: "team/settings", value: [1, 2, 3] },
  ])
    expect((await post(body)).status).toBe(201);
});

describe("POST /api/v2/variables", () => {
  test("creates a variable: 201 as VariableResponse; a string value is stored as it is", async () => {
    const res = await post({ key: "region", value: "eu-west-1", description: "where we run" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      key: "region",
      value: "eu-west-1",
      description: "where we run",
      is_encrypted: false,
      team_name: null,
    });
  });

  test("a JSON value is stored as its JSON text; a sensitive key's value is never returned", async () => {
    expect(await storedValue("config")).toBe(JSON.stringify(CONFIG_VALUE));
    expect(await storedValue("team/settings")).toBe("[1,2,3]");
    const res = await post({ key: "slack_token", value: "xoxb-not-shown-0001" });
    expect(res.status).toBe(201);
    expect(res.body.value).toBe("***");
    SECRETS.push("xoxb-not-shown-0001");
  });

  test("a key that exists is 409, the stored one unchanged", async () => {
    const before = await snapshot();
    const res = await post({ key: "plain", value: "other" });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe("The Variable with key: `plain` already exists");
    expect(await snapshot()).toEqual(before);
  });

  test("SQL meta-characters in a key are just characters", async () => {
    const key = "a'; drop table variable; --";
    const res = await post({ key, value: "v" });
    expect(res.status).toBe(201);
    expect((await get(key)).body).toMatchObject({ key, value: "v" });
    expect((await api().as("Op").delete(oneUrl(key))).status).toBe(204);
  });

  test.each([
    ["no value", { key: "k" }, ["body", "value"]],
    ["no key", { value: "v" }, ["body", "key"]],
    ["a key that is a number", { key: 7, value: "v" }, ["body", "key"]],
    ["an empty key", { key: "", value: "v" }, ["body", "key"]],
    ["a key over 250 characters", { key: "k".repeat(251), value: "v" }, ["body", "key"]],
    ["an unknown field", { key: "k", value: "v", is_encrypted: true }, ["body", "is_encrypted"]],
    [
      "a description that is an object",
      { key: "k", value: "v", description: {} },
      ["body", "description"],
    ],
    ["a team_name", { key: "k", value: "v", team_name: "t" }, ["body", "team_name"]],
  ])("%s is 422 naming the field; nothing is stored", async (_, body, loc) => {
    const before = await snapshot();
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(loc);
    expect(await snapshot()).toEqual(before);
  });
});

describe("GET /api/v2/variables", () => {
  async function list(query: string, role: Role = "Viewer") {
    const res = keep(await api().as(role).get(`${LIST}${query}`));
    expectMatchesSpec(res, "GET", LIST);
    return res;
  }
  const keys = (res: { body: { variables: { key: string }[] } }) =>
    res.body.variables.map((v) => v.key);

  test("lists every variable by id, sensitive values masked, secrets inside JSON masked", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    expect(res.body.total_entries).toBe(7);
    expect(keys(res)).toEqual([
      "plain",
      "db_password",
      "API-Key.prod",
      "config",
      "team/settings",
      "region",
      "slack_token",
    ]);
    const values = Object.fromEntries(
      (res.body.variables as { key: string; value: string }[]).map((v) => [v.key, v.value]),
    );
    expect(values).toMatchObject({
      plain: "hello",
      db_password: "***",
      "API-Key.prod": "***",
      "team/settings": "[1,2,3]",
      slack_token: "***",
    });
    expect(JSON.parse(values.config ?? "")).toEqual({
      endpoint: "https://api.example.com",
      oauth: { client_secret: "***" },
    });
  });

  test.each([
    [
      "?order_by=key",
      ["API-Key.prod", "config", "db_password", "plain", "region", "slack_token", "team/settings"],
    ],
    [
      "?order_by=-key",
      ["team/settings", "slack_token", "region", "plain", "db_password", "config", "API-Key.prod"],
    ],
    ["?order_by=description&limit=3", ["plain", "API-Key.prod", "region"]],
    ["?order_by=-id&limit=2", ["slack_token", "region"]],
    ["?order_by=is_encrypted&order_by=team_name&limit=2", ["plain", "db_password"]],
    [
      "?order_by=_val&variable_key_pattern=plain%7Cregion%7Cdb_password",
      ["region", "plain", "db_password"],
    ],
  ])("order_by %s", async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(keys(res)).toEqual(expected);
  });

  test("limit and offset page through the order", async () => {
    const pages = await Promise.all(
      [0, 3, 6].map((o) => list(`?order_by=key&limit=3&offset=${o}`)),
    );
    expect(pages.map(keys)).toEqual([
      ["API-Key.prod", "config", "db_password"],
      ["plain", "region", "slack_token"],
      ["team/settings"],
    ]);
  });

  test.each([
    ["?variable_key_pattern=PASS", ["db_password"]],
    ["?variable_key_pattern=team%2F", ["team/settings"]],
    ["?variable_key_pattern=_e%25", ["API-Key.prod", "team/settings", "region", "slack_token"]],
    ["?variable_key_pattern=plain%20%7C%20region", ["plain", "region"]],
    ["?variable_key_pattern=x'%20or%20'1'%3D'1", []],
  ])("variable_key_pattern %s", async (query, expected) => {
    const res = await list(query);
    expect(keys(res)).toEqual(expected);
  });

  test("a bad order_by is 400, a bad limit 422", async () => {
    const order = keep(await api().as("Viewer").get(`${LIST}?order_by=val`));
    expect(order.status).toBe(400);
    expectHttpException(order);
    expect((await list("?limit=many")).status).toBe(422);
  });
});

describe("GET /api/v2/variables/{variable_key}", () => {
  test("returns one variable, a key with a slash too", async () => {
    const res = await get("team/settings");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      key: "team/settings",
      value: "[1,2,3]",
      description: null,
      is_encrypted: false,
      team_name: null,
    });
    expect((await get("db_password")).body.value).toBe("***");
  });

  test.each(["nope", "a'; drop table variable; --", "team"])(
    "an unknown key (%s) is 404; nothing changes",
    async (key) => {
      const before = await snapshot();
      const res = await get(key);
      expect(res.status).toBe(404);
      expect(res.body.detail).toBe(`The Variable with key: \`${key}\` was not found`);
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe("PATCH /api/v2/variables/{variable_key}", () => {
  test("the fields the body sets change, narrowed to the update_mask", async () => {
    const masked = await patch(
      "plain",
      { key: "plain", value: "not applied", description: "new words" },
      "?update_mask=description",
    );
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({ value: "hello", description: "new words" });
    const both = await patch("plain", { key: "plain", value: { n: 1 } });
    expect(both.body).toMatchObject({ value: '{"n":1}', description: "new words" });
    const cleared = await patch("plain", { key: "plain", value: "hi", description: null });
    expect(cleared.body).toMatchObject({ value: "hi", description: null });
  });

  test("a sensitive value sent back as *** keeps the stored one; a new one replaces it", async () => {
    const got = await get("db_password");
    const back = await patch("db_password", {
      key: got.body.key,
      value: got.body.value,
      description: "rotated monthly",
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ value: "***", description: "rotated monthly" });
    expect(await storedValue("db_password")).toBe(DB_PASSWORD);
    const rotated = await patch("db_password", {
      key: "db_password",
      value: "rotated-passw0rd-43",
    });
    expect(rotated.body.value).toBe("***");
    expect(await storedValue("db_password")).toBe("rotated-passw0rd-43");
    SECRETS.push("rotated-passw0rd-43");
  });

  test("a JSON value sent back with its masked secret keeps the secret", async () => {
    const got = await get("config");
    const edited = {
      ...(JSON.parse(got.body.value as string) as object),
      endpoint: "https://v2.example.com",
    };
    const res = await patch("config", { key: "config", value: JSON.stringify(edited) });
    expect(res.status).toBe(200);
    expect(JSON.parse((await storedValue("config")) ?? "")).toEqual({
      ...CONFIG_VALUE,
      endpoint: "https://v2.example.com",
    });
  });

  test("a key with a slash is patched by its path", async () => {
    const res = await patch("team/settings", { key: "team/settings", value: [4] });
    expect(res.status).toBe(200);
    expect(res.body.value).toBe("[4]");
  });

  test("another key in the body is 400, an unknown key 404, a bad body 422 — nothing changes", async () => {
    const before = await snapshot();
    const mismatch = await patch("plain", { key: "region", value: "x" });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.detail).toBe(
      "Invalid body, key from request body doesn't match uri parameter",
    );
    const unknown = await patch("a'; drop table variable; --", {
      key: "a'; drop table variable; --",
      value: "x",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe(
      "The Variable with key: `a'; drop table variable; --` was not found",
    );
    for (const body of [
      { key: "plain" },
      { key: "plain", value: "x", val: "y" },
      { key: ["plain"], value: "x" },
    ]) {
      const res = await patch("plain", body);
      expect(res.status).toBe(422);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("DELETE /api/v2/variables/{variable_key}", () => {
  test("deletes it (a key with a slash too): 204, then 404", async () => {
    const res = keep(await api().as("Op").delete(oneUrl("team/settings")));
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    const again = keep(await api().as("Op").delete(oneUrl("team/settings")));
    expect(again.status).toBe(404);
    expectMatchesSpec(again, "DELETE", ONE);
    expect(again.body.detail).toBe("The Variable with key: `team/settings` was not found");
  });

  test("a key with SQL meta-characters deletes nothing", async () => {
    const before = await snapshot();
    const res = keep(await api().as("Op").delete(oneUrl("x' or '1'='1")));
    expect(res.status).toBe(404);
    expectMatchesSpec(res, "DELETE", ONE);
    expect(await snapshot()).toEqual(before);
  });
});

describe("roles", () => {
  test.each(rolesFrom("Viewer"))("the %s role reads variables", async (role) => {
    const res = keep(await api().as(role).get(LIST));
    expect(res.status).toBe(200);
    expect((await get("plain", role)).status).toBe(200);
  });

  test.each(rolesBelow("Op"))(
    "the %s role cannot create, patch or delete a variable (403); nothing changes",
    async (role) => {
      await expectRefusedUnchanged(snapshot, "Op", async () => {
        const create = await post({ key: `by_${role}`, value: "x" }, role);
        const change = await patch("plain", { key: "plain", value: "taken over" }, "", role);
        const remove = keep(await api().as(role).delete(oneUrl("plain")));
        expectMatchesSpec(remove, "DELETE", ONE);
        return [create, change, remove];
      });
    },
  );

  test.each(rolesFrom("Op"))("the %s role creates, patches and deletes", async (role) => {
    const key = `by_${role}`;
    expect((await post({ key, value: "1" }, role)).status).toBe(201);
    expect((await patch(key, { key, value: "2" }, "", role)).body.value).toBe("2");
    expect((await api().as(role).delete(oneUrl(key))).status).toBe(204);
  });

  test("no token is 401", async () => {
    const res = await request(api().app).post(LIST).send({ key: "k", value: "v" });
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "POST", LIST);
  });
});

describe("secrets", () => {
  test("no response of this file carried a sensitive variable's value or a secret inside JSON", async () => {
    keep(await api().as("Admin").get(`${LIST}?limit=100`));
    for (const key of ["db_password", "API-Key.prod", "config", "slack_token"])
      keep(await api().as("Admin").get(oneUrl(key)));
    seen.expectNoSecrets(SECRETS);
  });
});
