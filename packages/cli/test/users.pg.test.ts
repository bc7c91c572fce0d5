// `updraft users create | list | delete` over Postgres, run in this process: the password comes
// from --password, stdin or the generator (printed once), only its hash is stored, listings
// never show it, and a deleted user's token is refused by the API at once.
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { createApiApp } from "@updraft/api";
import {
  createPgClient,
  getUserCredentials,
  migrateUrl,
  SCHEMA_KEY,
  type SqlClient,
} from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { loadConfig } from "../src";
import { createUserCommand } from "../src/commands/users";
import { cli } from "./support/cli";

let db: TestDatabase;
let client: SqlClient;
let env: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  env = { UPDRAFT_DATABASE_URL: db.url };
  client = createPgClient({ connectionString: db.url, maxConnections: 2 });
});
afterAll(async () => {
  await client.close();
  await db.drop();
});

const stored = async (username: string) => getUserCredentials(client, { username });

/** One call to an API app over this database: its status and JSON body. */
async function callApi(
  path: string,
  init: { body?: object; token?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const app = createApiApp({ client, auth: { secret: "s".repeat(32) }, log: () => undefined });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: init.body === undefined ? "GET" : "POST",
      headers: {
        "content-type": "application/json",
        ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return { status: res.status, body: await res.json() };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const login = (username: string, password: string | undefined) =>
  callApi("/auth/token", { body: { username, password } });

test("create with Airflow's flags stores the user, and only a hash of the password", async () => {
  const result = await cli(
    [
      "users",
      "create",
      "--username",
      "ada",
      "--role",
      "Admin",
      "--password",
      "analytical-engine",
      "--firstname",
      "Ada",
      "--lastname",
      "Lovelace",
      "--email",
      "ada@example.com",
    ],
    env,
  );
  expect(result).toMatchObject({ code: 0, err: "" });
  expect(result.out).toBe("User ada created with role Admin");
  const ada = await stored("ada");
  expect(ada?.user).toMatchObject({
    role: "Admin",
    firstName: "Ada",
    lastName: "Lovelace",
    email: "ada@example.com",
    active: true,
  });
  expect(ada?.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
  expect(ada?.passwordHash).not.toContain("analytical-engine");
});

test("without a password one is generated, printed once, and logs in", async () => {
  const result = await cli(["users", "create", "-u", "bob", "-r", "Viewer"], env);
  expect(result.code).toBe(0);
  const password = /^Password: (\S+)/m.exec(result.out)?.[1];
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  expect((await login("bob", password)).status).toBe(201);
  const again = await cli(
    ["users", "create", "-u", "bob2", "-r", "Viewer", "--use-random-password"],
    env,
  );
  expect(again.out).toMatch(/^Password: /m);
});

test("--password-stdin reads the first line of stdin", async () => {
  const config = loadConfig(env, process.cwd());
  const out: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
  const code = await createUserCommand(
    config,
    { username: "carol", role: "Op", passwordStdin: true },
    io,
    Readable.from(["from-", "stdin\r\nignored\n"]),
  );
  expect(code).toBe(0);
  expect(out).toEqual(["User carol created with role Op"]);
  expect((await login("carol", "from-stdin")).status).toBe(201);
  const empty = createUserCommand(
    config,
    { username: "dave", role: "Op", passwordStdin: true },
    io,
    Readable.from([""]),
  );
  await expect(empty).rejects.toThrow("--password-stdin: expected a password on stdin");
});

test.each([
  [
    "a username with a space",
    ["-u", "x y", "-r", "Viewer", "-p", "p"],
    'username: expected 1 to 64 letters, digits or . _ @ -, got "x y"',
  ],
  [
    "a bad email",
    ["-u", "eve", "-r", "Viewer", "-p", "p", "-e", "nope"],
    "email: expected an email address",
  ],
  [
    "two password sources",
    ["-u", "eve", "-r", "Viewer", "-p", "p", "--use-random-password"],
    "expected at most one",
  ],
  ["a taken username", ["-u", "ada", "-r", "Viewer", "-p", "p"], "The user `ada` already exists"],
])("create with %s is refused (exit 1) with the reason", async (_what, args, message) => {
  const result = await cli(["users", "create", ...args], env);
  expect(result.code).toBe(1);
  expect(result.err).toContain(message);
  expect(await stored("eve")).toBeNull();
});

test("a role outside Airflow's four, or none, is refused by the parser", async () => {
  const bad = await cli(["users", "create", "-u", "eve", "-r", "Root", "-p", "p"], env);
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/Allowed choices are Viewer, User, Op, Admin/);
  const missing = await cli(["users", "create", "-u", "eve", "-p", "p"], env);
  expect(missing.code).toBe(1);
  expect(missing.err).toMatch(/--role/);
});

test("list shows the users by username, without any hash", async () => {
  const result = await cli(["users", "list", "-o", "json"], env);
  expect(result.code).toBe(0);
  const rows = JSON.parse(result.out) as Record<string, unknown>[];
  expect(rows.map((r) => [r.username, r.role, r.active])).toEqual([
    ["ada", "Admin", "true"],
    ["bob", "Viewer", "true"],
    ["bob2", "Viewer", "true"],
    ["carol", "Op", "true"],
  ]);
  expect(Object.keys(rows[0]!)).toEqual([
    "id",
    "username",
    "email",
    "first_name",
    "last_name",
    "role",
    "active",
    "created_at",
    "last_login",
  ]);
  expect(result.out).not.toMatch(/scrypt|password/i);
  const table = await cli(["users", "list"], env);
  expect(table.out).toMatch(/^id +\| username/);
  expect(table.out).toContain("ada@example.com");
});

test("delete removes the user and their token is refused at once", async () => {
  const { body } = await login("ada", "analytical-engine");
  const token = (body as { access_token: string }).access_token;
  const call = () => callApi("/api/v2/no-such-endpoint", { token });
  expect((await call()).status).toBe(404);
  const result = await cli(["users", "delete", "--username", "ada"], env);
  expect(result).toMatchObject({ code: 0, out: "User ada deleted" });
  expect(await stored("ada")).toBeNull();
  const refused = await call();
  expect(refused.status).toBe(401);
  expect(refused.body).toEqual({ detail: "Invalid JWT token" });
});

test("delete of an unknown user is exit 1", async () => {
  const result = await cli(["users", "delete", "-u", "nobody"], env);
  expect(result).toMatchObject({ code: 1, err: "User nobody does not exist" });
});

test("on an unmigrated database the commands say to migrate first", async () => {
  const bare = await createTestDatabase({
    templateKey: "cli_empty",
    prepare: async () => undefined,
  });
  try {
    const result = await cli(["users", "list"], { UPDRAFT_DATABASE_URL: bare.url });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/updraft db migrate/);
  } finally {
    await bare.drop();
  }
});
