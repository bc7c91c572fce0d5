// The users API at /auth/fab/v1 (FAB's shape): Admin only, with the same tokens as /api/v2;
// bodies checked strictly (a 422 naming the field, nothing written); passwords stored as scrypt
// hashes and never returned; an Admin cannot delete, deactivate or demote themself, the last
// active Admin cannot be removed even by two Admins at once; and a change to a user reaches
// their tokens at once.
import {
  createPgliteClient,
  getUserCredentials,
  listUsers,
  migrate,
  type SqlClient,
  updateUser,
} from "@updraft/store";
import request from "supertest";
import { addUser, createApiApp, issueToken, type NewUser } from "../src";
import { verifyPassword } from "../src/auth/passwordHash";
import { TEST_SECRET, useApi } from "./support/apiTest";
import { expectRefusedUnchanged, rolesBelow } from "./support/roles";
import { tableSnapshot } from "./support/tableSnapshot";

const api = useApi({ auth: { secret: TEST_SECRET, loginAttemptsPerMinute: 10_000 } });

const USERS = "/auth/fab/v1/users";
const one = (username: string) => `${USERS}/${encodeURIComponent(username)}`;

const add = (user: Partial<NewUser> & { username: string }) =>
  addUser(api().client, { role: "Viewer", password: `pw-${user.username}`, ...user });

async function tokenOf(username: string, password = `pw-${username}`): Promise<string> {
  const res = await request(api().app).post("/auth/token").send({ username, password });
  expect(res.status).toBe(201);
  return (res.body as { access_token: string }).access_token;
}

/** A client calling with `token` (a login token, looked up on every call). */
const withToken = (token: string) => ({
  get: (url: string) => request(api().app).get(url).set("Authorization", `Bearer ${token}`),
  post: (url: string) => request(api().app).post(url).set("Authorization", `Bearer ${token}`),
  patch: (url: string) => request(api().app).patch(url).set("Authorization", `Bearer ${token}`),
  delete: (url: string) => request(api().app).delete(url).set("Authorization", `Bearer ${token}`),
});

const snapshotUsers = () => tableSnapshot(api().client, "select * from ab_user order by id");

const USER_KEYS = [
  "active",
  "changed_on",
  "created_on",
  "email",
  "failed_login_count",
  "first_name",
  "last_login",
  "last_name",
  "login_count",
  "roles",
  "username",
];

interface UserBody {
  readonly username: string;
  readonly roles: { name: string }[];
  readonly active: boolean;
  readonly [key: string]: unknown;
}

describe("who may call it", () => {
  beforeAll(async () => {
    await add({ username: "bystander", role: "User" });
  });

  test("without a token → 401", async () => {
    const res = await request(api().app).get(USERS);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: "Not authenticated" });
  });

  test.each(rolesBelow("Admin"))("a %s is refused every endpoint, nothing changes", (role) =>
    expectRefusedUnchanged(snapshotUsers, "Admin", async () => [
      await api().as(role).get(USERS),
      await api().as(role).get(one("bystander")),
      await api()
        .as(role)
        .post(USERS)
        .send({ username: `by-${role}`, password: "pw", roles: [{ name: "Admin" }] }),
      await api()
        .as(role)
        .patch(one("bystander"))
        .send({ roles: [{ name: "Admin" }] }),
      await api().as(role).delete(one("bystander")),
      await api().as(role).get("/auth/fab/v1/roles"),
    ]),
  );

  test("an unknown path under /auth/fab/v1 is a 404 in Airflow's words", async () => {
    const res = await api().as("Admin").get("/auth/fab/v1/permissions");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: "Not Found: GET /auth/fab/v1/permissions" });
  });
});

describe("GET /auth/fab/v1/users and /users/{username}", () => {
  beforeAll(async () => {
    await add({
      username: "list.ada",
      role: "Op",
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@example.com",
    });
    await add({ username: "list.bob", role: "User", firstName: "Bob" });
    await add({ username: "list.cy", role: "Viewer", active: false });
  });

  test("every user in FAB's shape, no password or hash anywhere", async () => {
    const res = await api().as("Admin").get(USERS);
    expect(res.status).toBe(200);
    const body = res.body as { users: UserBody[]; total_entries: number };
    expect(body.total_entries).toBe((await listUsers(api().client)).length);
    const ada = body.users.find((u) => u.username === "list.ada");
    expect(ada).toEqual({
      username: "list.ada",
      first_name: "Ada",
      last_name: "Lovelace",
      email: "ada@example.com",
      active: true,
      roles: [{ name: "Op" }],
      last_login: null,
      login_count: null,
      failed_login_count: null,
      created_on: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
      changed_on: null,
    });
    for (const user of body.users) expect(Object.keys(user).sort()).toEqual(USER_KEYS);
    expect(body.users.find((u) => u.username === "list.cy")?.active).toBe(false);
    expect(JSON.stringify(body)).not.toMatch(/scrypt|pw-|password/);
  });

  test("last_login shows a login", async () => {
    await tokenOf("list.bob");
    const res = await api().as("Admin").get(one("list.bob"));
    expect(res.status).toBe(200);
    expect(Date.parse((res.body as { last_login: string }).last_login)).toBeGreaterThan(
      Date.now() - 60_000,
    );
  });

  test("order_by, limit and offset page through them", async () => {
    const byName = await api().as("Admin").get(`${USERS}?order_by=-username&limit=2`);
    expect(byName.status).toBe(200);
    const all = (await listUsers(api().client)).map((u) => u.username).sort();
    expect((byName.body as { users: UserBody[] }).users.map((u) => u.username)).toEqual(
      all.reverse().slice(0, 2),
    );
    const page = await api().as("Admin").get(`${USERS}?order_by=user_name&limit=1&offset=1`);
    expect((page.body as { users: UserBody[] }).users.map((u) => u.username)).toEqual([
      all.sort()[1],
    ]);
    expect((page.body as { total_entries: number }).total_entries).toBe(all.length);
  });

  test.each([
    ["?order_by=password_hash", 400, "Ordering with 'password_hash' is disallowed"],
    ["?limit=-1", 422, "greater than or equal to 0"],
    ["?offset=x", 422, "valid integer"],
  ])("%s → %i", async (query, status, detail) => {
    const res = await api().as("Admin").get(`${USERS}${query}`);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).toContain(detail);
  });

  test("an unknown username → 404 naming it", async () => {
    const res = await api().as("Admin").get(one("nobody"));
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: "The User with username `nobody` was not found" });
  });
});

describe("POST /auth/fab/v1/users", () => {
  test("creates the user with their one role; the password is hashed and logs in", async () => {
    const res = await api()
      .as("Admin")
      .post(USERS)
      .send({
        username: "new.op",
        password: "correct horse",
        roles: [{ name: "Op" }],
        first_name: "New",
        last_name: "",
        email: "new.op@example.com",
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: "new.op",
      roles: [{ name: "Op" }],
      first_name: "New",
      last_name: null,
      email: "new.op@example.com",
      active: true,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/correct horse|scrypt/);
    const stored = await getUserCredentials(api().client, { username: "new.op" });
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    await expect(verifyPassword("correct horse", stored!.passwordHash)).resolves.toBe(true);
    const token = await tokenOf("new.op", "correct horse");
    expect((await withToken(token).get("/api/v2/connections")).status).toBe(200);
  });

  test("a taken username → 409, the user untouched", async () => {
    await add({ username: "taken", role: "Viewer" });
    const before = await snapshotUsers();
    const res = await api()
      .as("Admin")
      .post(USERS)
      .send({ username: "taken", password: "other", roles: [{ name: "Admin" }] });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ detail: "Username `taken` already exists. Use PATCH to update." });
    expect(await snapshotUsers()).toEqual(before);
  });

  const valid = { username: "fresh", password: "hunter2-secret", roles: [{ name: "User" }] };
  test.each<[string, Record<string, unknown>, (string | number)[], string]>([
    ["no roles", { roles: undefined }, ["body", "roles"], "Field required"],
    ["an unknown role", { roles: [{ name: "Public" }] }, ["body", "roles", 0, "name"], "Op"],
    [
      "two roles",
      { roles: [{ name: "User" }, { name: "Op" }] },
      ["body", "roles"],
      "exactly one role",
    ],
    ["no roles at all", { roles: [] }, ["body", "roles"], "exactly one role"],
    ["a role as a string", { roles: "Admin" }, ["body", "roles"], "valid list"],
    ["no password", { password: undefined }, ["body", "password"], "Field required"],
    ["an empty password", { password: "" }, ["body", "password"], "non-empty password"],
    ["a space in the username", { username: "a b" }, ["body", "username"], "letters, digits"],
    ["a bad email", { email: "nope" }, ["body", "email"], "email address"],
    ["a long first name", { first_name: "x".repeat(257) }, ["body", "first_name"], "256"],
    ["an unknown field", { is_superuser: true }, ["body", "is_superuser"], "Extra inputs"],
    ["active as text", { active: "yes" }, ["body", "active"], "valid boolean"],
  ])("%s → 422 naming the field, nothing created", async (_what, change, loc, msg) => {
    const before = await snapshotUsers();
    const res = await api()
      .as("Admin")
      .post(USERS)
      .send({ ...valid, ...change });
    expect(res.status).toBe(422);
    const detail = (res.body as { detail: { loc: unknown[]; msg: string }[] }).detail;
    expect(detail[0]?.loc).toEqual(loc);
    expect(detail[0]?.msg).toContain(msg);
    expect(JSON.stringify(res.body)).not.toContain("hunter2-secret");
    expect(await snapshotUsers()).toEqual(before);
  });

  test("a body that is not an object → 422", async () => {
    const res = await api().as("Admin").post(USERS).send([valid]);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).not.toContain("hunter2-secret");
    expect(await getUserCredentials(api().client, { username: "fresh" })).toBeNull();
  });
});

describe("PATCH /auth/fab/v1/users/{username}", () => {
  test("changes the role, names and email; the user's token has the new role at once", async () => {
    await add({ username: "climber", role: "Viewer", email: "c@example.com" });
    const token = await tokenOf("climber");
    expect((await withToken(token).get("/api/v2/connections")).status).toBe(403);
    const res = await api()
      .as("Admin")
      .patch(one("climber"))
      .send({ roles: [{ name: "Op" }], first_name: "Cli", email: "" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: "climber",
      roles: [{ name: "Op" }],
      first_name: "Cli",
      email: null,
    });
    expect((await withToken(token).get("/api/v2/connections")).status).toBe(200);
    await api()
      .as("Admin")
      .patch(one("climber"))
      .send({ roles: [{ name: "Viewer" }] });
    expect((await withToken(token).get("/api/v2/connections")).status).toBe(403);
  });

  test("update_mask narrows what changes to the fields it names", async () => {
    await add({ username: "masked", role: "User", firstName: "Keep" });
    const res = await api()
      .as("Admin")
      .patch(`${one("masked")}?update_mask=last_name`)
      .send({ first_name: "Lost", last_name: "Set", roles: [{ name: "Admin" }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      first_name: "Keep",
      last_name: "Set",
      roles: [{ name: "User" }],
    });
  });

  test("a new password replaces the old one, stored as a hash", async () => {
    await add({ username: "forgetful", password: "old-one" });
    const res = await api().as("Admin").patch(one("forgetful")).send({ password: "new-one" });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/new-one|scrypt/);
    const login = (password: string) =>
      request(api().app).post("/auth/token").send({ username: "forgetful", password });
    expect((await login("old-one")).status).toBe(401);
    expect((await login("new-one")).status).toBe(201);
  });

  test("deactivating a user stops their token and their login at once; activating restores", async () => {
    await add({ username: "sleepy", role: "Op" });
    const token = await tokenOf("sleepy");
    expect((await withToken(token).get("/api/v2/connections")).status).toBe(200);
    const off = await api().as("Admin").patch(one("sleepy")).send({ active: false });
    expect(off.status).toBe(200);
    expect((off.body as UserBody).active).toBe(false);
    expect((await withToken(token).get("/api/v2/connections")).status).toBe(401);
    expect((await withToken(token).get("/api/v2/dags")).status).toBe(401);
    const login = await request(api().app)
      .post("/auth/token")
      .send({ username: "sleepy", password: "pw-sleepy" });
    expect(login.status).toBe(401);
    await api().as("Admin").patch(one("sleepy")).send({ active: true });
    expect((await withToken(token).get("/api/v2/connections")).status).toBe(200);
  });

  test("an Admin cannot demote or deactivate themself (400), nothing changes", async () => {
    await add({ username: "self.admin", role: "Admin" });
    await add({ username: "other.admin", role: "Admin" });
    const me = withToken(await tokenOf("self.admin"));
    const before = await snapshotUsers();
    const demote = await me.patch(one("self.admin")).send({ roles: [{ name: "Op" }] });
    expect(demote.status).toBe(400);
    expect((demote.body as { detail: string }).detail).toMatch(
      /cannot take the Admin role from yourself/,
    );
    const deactivate = await me.patch(one("self.admin")).send({ active: false });
    expect(deactivate.status).toBe(400);
    expect((deactivate.body as { detail: string }).detail).toMatch(/cannot deactivate yourself/);
    expect(await snapshotUsers()).toEqual(before);
    const names = await me.patch(one("self.admin")).send({ first_name: "Me", password: "new" });
    expect(names.status).toBe(200);
  });

  test.each<[string, string, Record<string, unknown>, number, string]>([
    ["a rename", "", { username: "renamed" }, 400, "cannot be renamed"],
    ["a mask naming another field", "?update_mask=username", { username: "p" }, 400, "Only"],
    ["an unknown role", "", { roles: [{ name: "root" }] }, 422, "Viewer, User, Op, Admin"],
    ["an empty password", "", { password: "" }, 422, "non-empty password"],
    ["a read-only field", "", { last_login: null }, 422, "Extra inputs"],
  ])("%s is refused, nothing changes", async (_what, query, body, status, detail) => {
    await add({ username: "p", role: "User" }).catch(() => undefined);
    const before = await snapshotUsers();
    const res = await api()
      .as("Admin")
      .patch(`${one("p")}${query}`)
      .send(body);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).toContain(detail);
    expect(await snapshotUsers()).toEqual(before);
  });

  test("an unknown user → 404", async () => {
    const res = await api().as("Admin").patch(one("ghost")).send({ first_name: "Boo" });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: "The User with username `ghost` was not found" });
  });
});

describe("DELETE /auth/fab/v1/users/{username}", () => {
  test("deletes the user; their token is refused at once", async () => {
    await add({ username: "goner", role: "Op" });
    const token = await tokenOf("goner");
    expect((await withToken(token).get("/api/v2/connections")).status).toBe(200);
    const res = await api().as("Admin").delete(one("goner"));
    expect(res.status).toBe(204);
    expect(await getUserCredentials(api().client, { username: "goner" })).toBeNull();
    expect((await withToken(token).get("/api/v2/connections")).status).toBe(401);
    expect((await api().as("Admin").delete(one("goner"))).status).toBe(404);
  });

  test("an Admin cannot delete themself", async () => {
    await add({ username: "stayer", role: "Admin" });
    const res = await withToken(await tokenOf("stayer")).delete(one("stayer"));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: "You cannot delete yourself: another Admin has to" });
    expect(await getUserCredentials(api().client, { username: "stayer" })).not.toBeNull();
  });
});

describe("the last active Admin", () => {
  beforeAll(async () => {
    for (const user of await listUsers(api().client))
      if (user.role === "Admin")
        await updateUser(api().client, { username: user.username, role: "Op" });
  });

  test("cannot be demoted, deactivated or deleted, even by a token minted with the secret", async () => {
    await add({ username: "only.admin", role: "Admin" });
    const before = await snapshotUsers();
    for (const res of [
      await api()
        .as("Admin")
        .patch(one("only.admin"))
        .send({ roles: [{ name: "User" }] }),
      await api().as("Admin").patch(one("only.admin")).send({ active: false }),
      await api().as("Admin").delete(one("only.admin")),
    ]) {
      expect(res.status).toBe(400);
      expect((res.body as { detail: string }).detail).toBe(
        "`only.admin` is the last active Admin: make another user an active Admin first",
      );
    }
    expect(await snapshotUsers()).toEqual(before);
  });

  test("two Admins demoting each other at once: one wins, one Admin remains", async () => {
    await add({ username: "twin.a", role: "Admin" });
    await add({ username: "twin.b", role: "Admin" });
    await api().as("Admin").delete(one("only.admin"));
    const a = withToken(await tokenOf("twin.a"));
    const b = withToken(await tokenOf("twin.b"));
    const answers = await Promise.all([
      a.patch(one("twin.b")).send({ roles: [{ name: "Op" }] }),
      b.patch(one("twin.a")).send({ roles: [{ name: "Op" }] }),
    ]);
    // The loser is refused by the last-Admin rule (400), or by its role check (403) when the
    // winner committed before the loser's token was looked up.
    const [won, lost] = answers.map((res) => res.status).sort();
    expect(won).toBe(200);
    expect([400, 403]).toContain(lost);
    const admins = (await listUsers(api().client)).filter((u) => u.role === "Admin" && u.active);
    expect(admins).toHaveLength(1);
  });
});

describe("GET /auth/fab/v1/roles", () => {
  test("the four roles, by name, in FAB's shape", async () => {
    const res = await api().as("Admin").get("/auth/fab/v1/roles");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      roles: ["Admin", "Op", "User", "Viewer"].map((name) => ({ name, actions: [] })),
      total_entries: 4,
    });
    const page = await api().as("Admin").get("/auth/fab/v1/roles?order_by=-name&limit=2");
    expect((page.body as { roles: { name: string }[] }).roles.map((r) => r.name)).toEqual([
      "Viewer",
      "User",
    ]);
  });
});

describe("over PGlite, as `updraft standalone` runs", () => {
  let client: SqlClient;
  const admin = `Bearer ${issueToken({ secret: TEST_SECRET }, { username: "tool", role: "Admin" })}`;
  const app = () => createApiApp({ client, auth: { secret: TEST_SECRET }, log: () => undefined });
  beforeAll(async () => {
    client = await createPgliteClient();
    await migrate(client);
  });
  afterAll(() => client.close());

  test("create, list a page, change, guard the last Admin and delete: the same SQL answers", async () => {
    const served = app();
    const call = (method: "get" | "post" | "patch" | "delete", url: string) =>
      request(served)[method](url).set("Authorization", admin);
    for (const [username, role] of [
      ["pg.admin", "Admin"],
      ["pg.op", "Op"],
    ])
      expect(
        (await call("post", USERS).send({ username, password: "pw", roles: [{ name: role }] }))
          .status,
      ).toBe(200);
    const page = await call("get", `${USERS}?order_by=-username&limit=1`);
    expect(page.body).toMatchObject({ users: [{ username: "pg.op" }], total_entries: 2 });
    const demote = await call("patch", one("pg.admin")).send({ roles: [{ name: "User" }] });
    expect(demote.status).toBe(400);
    const promote = await call("patch", one("pg.op")).send({ roles: [{ name: "Admin" }] });
    expect((promote.body as UserBody).roles).toEqual([{ name: "Admin" }]);
    expect((await call("delete", one("pg.admin"))).status).toBe(204);
    expect((await call("get", USERS)).body).toMatchObject({ total_entries: 1 });
  });
});
