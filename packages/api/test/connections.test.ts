// The connection endpoints: list (paged, ordered, connection_id_pattern), get, create, patch
// and delete — what each returns and writes, that no response ever carries a stored password
// or a sensitive extra value, the role each needs (Op reads, Admin writes; a 403 changes
// nothing), and the input each refuses (wrong types, unknown fields, SQL meta-characters in
// ids) with nothing changed. Every response is checked against Airflow's OpenAPI file.
import request from "supertest";
import { type Role } from "../src";
import { useApi } from "./support/apiTest";
import { responseLog } from "./support/responseLog";
import { expectRefusedUnchanged, rolesBelow, rolesFrom } from "./support/roles";
import { expectMatchesSpec } from "./support/spec";
import { tableSnapshot } from "./support/tableSnapshot";

const api = useApi();

const LIST = "/api/v2/connections";
const ONE = "/api/v2/connections/{connection_id}";

const PASSWORD = "Pg-s3cret-Passw0rd";
const API_KEY = "AKIA-extra-api-key-1234";
const NESTED_TOKEN = "tok-nested-9f8e7d";
const CLIENT_SECRET = "client-secret-in-a-list-555";
const SECRETS = [PASSWORD, API_KEY, NESTED_TOKEN, CLIENT_SECRET];

const WAREHOUSE_EXTRA = {
  region: "eu-west-1",
  api_key: API_KEY,
  options: { "Auth-Token": NESTED_TOKEN, timeout: 30 },
  clients: [{ name: "etl", client_secret: CLIENT_SECRET }],
};

/** Every response body of this file, searched for secrets at the end. */
const seen = responseLog();
const { keep } = seen;

const oneUrl = (id: string) => `${LIST}/${encodeURIComponent(id)}`;

/** The stored rows, to show that a refused request changed nothing. */
const snapshot = () => tableSnapshot(api().client, "select * from connection order by id");

async function post(body: unknown, role: Role = "Admin") {
  const res = keep(
    await api()
      .as(role)
      .post(LIST)
      .send(body as object),
  );
  expectMatchesSpec(res, "POST", LIST);
  return res;
}

async function patch(id: string, body: unknown, query = "", role: Role = "Admin") {
  const res = keep(
    await api()
      .as(role)
      .patch(`${oneUrl(id)}${query}`)
      .send(body as object),
  );
  expectMatchesSpec(res, "PATCH", ONE);
  return res;
}

async function stored(id: string) {
  const result = await api().client.query<{ password: string | null; extra: string | null }>(
    "select * from connection where conn_id = $1",
    [id],
  );
  return result.rows[0];
}

/**
 * Airflow answers a bad order_by with 400, but the spec declares no 400 for GET /connections:
 * the body is checked against HTTPExceptionResponse through an operation that declares it.
 */
function expectHttpException(res: { status: number; body: unknown }): void {
  expectMatchesSpec(res, "PATCH", ONE);
}

beforeAll(async () => {
  const created = [
    {
      connection_id: "warehouse",
      conn_type: "postgres",
      description: "The warehouse",
      host: "db.internal",
      login: "loader",
      schema: "dw",
      port: 5432,
      password: PASSWORD,
      extra: JSON.stringify(WAREHOUSE_EXTRA),
    },
    { connection_id: "aws_default", conn_type: "aws", host: "s3.amazonaws.com" },
    { connection_id: "slack.Alerts", conn_type: "http", port: 443, password: "" },
    { connection_id: "zeta-ftp", conn_type: "ftp", host: "ftp.example.com", port: 21 },
  ];
  for (const body of created) expect((await post(body)).status).toBe(201);
});

describe("POST /api/v2/connections", () => {
  test("creates a connection: 201 with the password and the extra's secrets masked", async () => {
    const res = await post({
      connection_id: "snowflake_main",
      conn_type: "snowflake",
      login: "svc",
      password: PASSWORD,
      extra: JSON.stringify({ account: "xy123", private_key: "-----BEGIN KEY-----abc" }),
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      connection_id: "snowflake_main",
      conn_type: "snowflake",
      description: null,
      host: null,
      login: "svc",
      schema: null,
      port: null,
      password: "***",
      extra: JSON.stringify({ account: "xy123", private_key: "***" }),
      team_name: null,
    });
    expect(await stored("snowflake_main")).toMatchObject({ password: PASSWORD });
  });

  test("an existing connection_id is 409, the stored one unchanged", async () => {
    const before = await snapshot();
    const res = await post({ connection_id: "warehouse", conn_type: "mysql", password: "x" });
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe("The connection with connection_id: `warehouse` already exists");
    expect(await snapshot()).toEqual(before);
  });

  test('an empty extra is stored as "{}", a missing password as null', async () => {
    const res = await post({ connection_id: "empty_extra", conn_type: "http", extra: "" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ extra: "{}", password: null });
  });

  test.each([
    ["no conn_type", { connection_id: "c1" }, ["body", "conn_type"], "missing"],
    [
      "a port that is a string",
      { connection_id: "c1", conn_type: "http", port: "80" },
      ["body", "port"],
      "number_type",
    ],
    [
      "a fractional port",
      { connection_id: "c1", conn_type: "http", port: 80.5 },
      ["body", "port"],
      undefined,
    ],
    [
      "a port beyond 65535",
      { connection_id: "c1", conn_type: "http", port: 70_000 },
      ["body", "port"],
      undefined,
    ],
    [
      "an unknown field",
      { connection_id: "c1", conn_type: "http", uri: "http://x" },
      ["body", "uri"],
      "extra_forbidden",
    ],
    [
      "SQL meta-characters in the connection_id",
      { connection_id: "a'; drop table connection; --", conn_type: "http" },
      ["body", "connection_id"],
      undefined,
    ],
    [
      "a connection_id over 200 characters",
      { connection_id: "c".repeat(201), conn_type: "http" },
      ["body", "connection_id"],
      undefined,
    ],
    [
      "an extra that is not JSON",
      { connection_id: "c1", conn_type: "http", extra: "{oops" },
      ["body", "extra"],
      undefined,
    ],
    [
      "an extra that is a JSON array",
      { connection_id: "c1", conn_type: "http", extra: "[1]" },
      ["body", "extra"],
      undefined,
    ],
    [
      "a team_name (no multi-team mode)",
      { connection_id: "c1", conn_type: "http", team_name: "a" },
      ["body", "team_name"],
      undefined,
    ],
    [
      "a password that is a number",
      { connection_id: "c1", conn_type: "http", password: 1234 },
      ["body", "password"],
      "string_type",
    ],
  ])("%s is 422 naming the field; nothing is stored", async (_, body, loc, type) => {
    const before = await snapshot();
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(loc);
    if (type !== undefined) expect(res.body.detail[0].type).toBe(type);
    expect(await snapshot()).toEqual(before);
  });

  test("a body that is not an object, or none at all, is 422", async () => {
    const before = await snapshot();
    expect((await post([{ connection_id: "c1", conn_type: "http" }])).status).toBe(422);
    const none = keep(await api().as("Admin").post(LIST));
    expectMatchesSpec(none, "POST", LIST);
    expect(none.status).toBe(422);
    expect(none.body.detail[0]).toMatchObject({ loc: ["body"], type: "missing" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("GET /api/v2/connections", () => {
  async function list(query: string, role: Role = "Op") {
    const res = keep(await api().as(role).get(`${LIST}${query}`));
    expectMatchesSpec(res, "GET", LIST);
    return res;
  }
  const ids = (res: { body: { connections: { connection_id: string }[] } }) =>
    res.body.connections.map((c) => c.connection_id);

  test("lists every connection by id, masked", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    expect(res.body.total_entries).toBe(6);
    expect(ids(res)).toEqual([
      "warehouse",
      "aws_default",
      "slack.Alerts",
      "zeta-ftp",
      "snowflake_main",
      "empty_extra",
    ]);
    const warehouse = res.body.connections[0];
    expect(warehouse).toMatchObject({ password: "***", port: 5432, team_name: null });
    expect(JSON.parse(warehouse.extra)).toEqual({
      region: "eu-west-1",
      api_key: "***",
      options: { "Auth-Token": "***", timeout: 30 },
      clients: [{ name: "etl", client_secret: "***" }],
    });
    // An empty password is still a password: masked, not shown as "".
    expect(res.body.connections[2]).toMatchObject({
      connection_id: "slack.Alerts",
      password: "***",
    });
    expect(res.body.connections[1]).toMatchObject({ password: null, extra: null });
  });

  test.each([
    [
      "?order_by=conn_id",
      ["aws_default", "empty_extra", "slack.Alerts", "snowflake_main", "warehouse", "zeta-ftp"],
    ],
    [
      "?order_by=-connection_id",
      ["zeta-ftp", "warehouse", "snowflake_main", "slack.Alerts", "empty_extra", "aws_default"],
    ],
    [
      "?order_by=conn_type&order_by=-id",
      ["aws_default", "zeta-ftp", "empty_extra", "slack.Alerts", "warehouse", "snowflake_main"],
    ],
    [
      "?order_by=port",
      ["zeta-ftp", "slack.Alerts", "warehouse", "aws_default", "snowflake_main", "empty_extra"],
    ],
    [
      "?order_by=-port",
      ["warehouse", "slack.Alerts", "zeta-ftp", "empty_extra", "snowflake_main", "aws_default"],
    ],
    [
      "?order_by=host,id",
      ["warehouse", "zeta-ftp", "aws_default", "slack.Alerts", "snowflake_main", "empty_extra"],
    ],
    [
      "?order_by=description&order_by=team_name",
      ["warehouse", "aws_default", "slack.Alerts", "zeta-ftp", "snowflake_main", "empty_extra"],
    ],
  ])("order_by %s, nulls last, id breaking ties", async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
  });

  test("limit and offset page through the order, total_entries counting all", async () => {
    const first = await list("?order_by=conn_id&limit=2");
    const second = await list("?order_by=conn_id&limit=2&offset=2");
    const past = await list("?limit=2&offset=10");
    expect(ids(first)).toEqual(["aws_default", "empty_extra"]);
    expect(ids(second)).toEqual(["slack.Alerts", "snowflake_main"]);
    expect(ids(past)).toEqual([]);
    expect([first, second, past].map((r): unknown => r.body.total_entries)).toEqual([6, 6, 6]);
  });

  test.each([
    ["?connection_id_pattern=WARE", ["warehouse"]],
    ["?connection_id_pattern=%25_default", ["aws_default"]],
    ["?connection_id_pattern=slack%20%7C%20ftp", ["slack.Alerts", "zeta-ftp"]],
    [
      "?connection_id_pattern=~",
      ["warehouse", "aws_default", "slack.Alerts", "zeta-ftp", "snowflake_main", "empty_extra"],
    ],
    ["?connection_id_pattern=a'%3B%20drop%20table%20connection%3B%20--", []],
  ])("connection_id_pattern %s (ILIKE, bound)", async (query, expected) => {
    const res = await list(query);
    expect(ids(res)).toEqual(expected);
    expect(res.body.total_entries).toBe(expected.length);
  });

  test("a bad order_by is 400; a bad limit or offset is 422", async () => {
    const order = keep(await api().as("Op").get(`${LIST}?order_by=password`));
    expect(order.status).toBe(400);
    expectHttpException(order);
    expect(order.body.detail).toBe(
      "Ordering with 'password' is disallowed or the attribute does not exist on the model",
    );
    for (const query of ["?limit=-1", "?offset=x", "?limit=1.5"]) {
      const res = await list(query);
      expect(res.status).toBe(422);
      expect(res.body.detail[0].loc[0]).toBe("query");
    }
  });
});

describe("GET /api/v2/connections/{connection_id}", () => {
  test("returns the connection with its secrets masked", async () => {
    const res = keep(await api().as("Op").get(oneUrl("warehouse")));
    expect(res.status).toBe(200);
    expectMatchesSpec(res, "GET", ONE);
    expect(res.body).toMatchObject({
      connection_id: "warehouse",
      conn_type: "postgres",
      description: "The warehouse",
      host: "db.internal",
      login: "loader",
      schema: "dw",
      port: 5432,
      password: "***",
    });
  });

  test.each(["nope", "a'; drop table connection; --", "warehouse%"])(
    "an unknown id (%s) is 404 in Airflow's words; nothing changes",
    async (id) => {
      const before = await snapshot();
      const res = keep(await api().as("Op").get(oneUrl(id)));
      expect(res.status).toBe(404);
      expectMatchesSpec(res, "GET", ONE);
      expect(res.body.detail).toBe(`The Connection with connection_id: \`${id}\` was not found`);
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe("PATCH /api/v2/connections/{connection_id}", () => {
  const base = { connection_id: "warehouse", conn_type: "postgres" };

  test("with an update_mask only the masked fields change; the password stays", async () => {
    const res = await patch(
      "warehouse",
      { ...base, host: "db2.internal", login: "intruder", password: null },
      "?update_mask=host",
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ host: "db2.internal", login: "loader", password: "***" });
    expect(await stored("warehouse")).toMatchObject({
      host: "db2.internal",
      login: "loader",
      password: PASSWORD,
    });
  });

  test("without a mask the fields the body sets change; an absent password is kept", async () => {
    const res = await patch("warehouse", { ...base, description: null, port: 6432 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: null, port: 6432, host: "db2.internal" });
    expect(await stored("warehouse")).toMatchObject({ password: PASSWORD, port: 6432 });
  });

  test("what GET returned, sent back with one change, keeps the password and the extra's secrets", async () => {
    const got = keep(await api().as("Op").get(oneUrl("warehouse")));
    const extra = JSON.parse(got.body.extra as string) as Record<string, unknown>;
    const edited = {
      ...got.body,
      team_name: undefined,
      extra: JSON.stringify({ ...extra, region: "us-east-1" }),
    };
    const res = await patch("warehouse", edited);
    expect(res.status).toBe(200);
    const row = await stored("warehouse");
    expect(row?.password).toBe(PASSWORD);
    expect(JSON.parse(row?.extra ?? "null")).toEqual({ ...WAREHOUSE_EXTRA, region: "us-east-1" });
  });

  test("a new password and new extra secrets are stored, and shown masked", async () => {
    const res = await patch(
      "snowflake_main",
      {
        connection_id: "snowflake_main",
        conn_type: "snowflake",
        password: "a-new-password-0001",
        extra: JSON.stringify({ account: "xy123", private_key: "new-key-material-0002" }),
      },
      "?update_mask=password&update_mask=extra",
    );
    expect(res.status).toBe(200);
    expect(res.body.password).toBe("***");
    expect(JSON.parse(res.body.extra as string)).toEqual({ account: "xy123", private_key: "***" });
    expect(await stored("snowflake_main")).toMatchObject({ password: "a-new-password-0001" });
    SECRETS.push("a-new-password-0001", "new-key-material-0002");
  });

  test("an explicit null password in the mask clears it", async () => {
    const res = await patch(
      "aws_default",
      { connection_id: "aws_default", conn_type: "aws", password: null },
      "?update_mask=password",
    );
    expect(res.status).toBe(200);
    expect(res.body.password).toBeNull();
  });

  test("a body naming another connection (or an id no body can name) is 400, an unknown one 404, a bad body 422 — nothing changes", async () => {
    const before = await snapshot();
    const mismatch = await patch("warehouse", { ...base, connection_id: "aws_default" });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.detail).toBe(
      "The connection_id in the request body does not match the URL parameter",
    );
    const sqlInPath = await patch("a'; drop table connection; --", {
      connection_id: "nope",
      conn_type: "http",
    });
    expect(sqlInPath.status).toBe(400);
    const missing = await patch("nope", { connection_id: "nope", conn_type: "http" });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe("The Connection with connection_id: `nope` was not found");
    for (const body of [
      { ...base, port: "5432" },
      { ...base, password: PASSWORD, extra: "not json" },
      { ...base, is_encrypted: true },
      { connection_id: "warehouse" },
    ]) {
      const res = await patch("warehouse", body);
      expect(res.status).toBe(422);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("DELETE /api/v2/connections/{connection_id}", () => {
  test("deletes it: 204 without a body, then 404", async () => {
    const res = keep(await api().as("Admin").delete(oneUrl("empty_extra")));
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    const again = keep(await api().as("Admin").delete(oneUrl("empty_extra")));
    expect(again.status).toBe(404);
    expectMatchesSpec(again, "DELETE", ONE);
    expect(again.body.detail).toBe(
      "The Connection with connection_id: `empty_extra` was not found",
    );
  });

  test("an id with SQL meta-characters deletes nothing", async () => {
    const before = await snapshot();
    const res = keep(await api().as("Admin").delete(oneUrl("x' or '1'='1")));
    expect(res.status).toBe(404);
    expectMatchesSpec(res, "DELETE", ONE);
    expect(await snapshot()).toEqual(before);
  });
});

describe("roles", () => {
  test.each(rolesBelow("Op"))("the %s role cannot read connections (403)", async (role) => {
    for (const [url, template] of [
      [LIST, LIST],
      [oneUrl("warehouse"), ONE],
    ] as const) {
      const res = keep(await api().as(role).get(url));
      expect(res.status).toBe(403);
      expectMatchesSpec(res, "GET", template);
    }
  });

  test.each(rolesBelow("Admin"))(
    "the %s role cannot create, patch or delete a connection (403); nothing changes",
    async (role) => {
      await expectRefusedUnchanged(snapshot, "Admin", async () => {
        const create = await post({ connection_id: "by_" + role, conn_type: "http" }, role);
        const change = await patch(
          "warehouse",
          { connection_id: "warehouse", conn_type: "mysql", password: "taken-over" },
          "",
          role,
        );
        const remove = keep(await api().as(role).delete(oneUrl("warehouse")));
        expectMatchesSpec(remove, "DELETE", ONE);
        return [create, change, remove];
      });
    },
  );

  test("an Admin may do all of it; no token is 401", async () => {
    expect((await post({ connection_id: "by_admin", conn_type: "http" })).status).toBe(201);
    const change = await patch("by_admin", { connection_id: "by_admin", conn_type: "ftp" });
    expect(change.body.conn_type).toBe("ftp");
    expect((await api().as("Admin").delete(oneUrl("by_admin"))).status).toBe(204);
    const anonymous = await request(api().app).get(LIST);
    expect(anonymous.status).toBe(401);
    expectMatchesSpec(anonymous, "GET", LIST);
  });
});

describe("secrets", () => {
  test("no response of this file carried a stored password or sensitive extra value", async () => {
    for (const role of rolesFrom("Op")) {
      keep(await api().as(role).get(`${LIST}?limit=100`));
      for (const id of ["warehouse", "snowflake_main", "slack.Alerts"])
        keep(await api().as(role).get(oneUrl(id)));
    }
    expect(seen.size()).toBeGreaterThan(50);
    seen.expectNoSecrets(SECRETS);
  });
});
