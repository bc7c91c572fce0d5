// POST /auth/token (not in Airflow's v2 file, so its answers are checked here by shape) and what
// its tokens are good for: 201 {access_token} plus the UI's `_token` cookie; one 401 for every
// bad login; 422 for a malformed body; a token stops working the moment its user is deleted or
// deactivated (those 401s are validated against Airflow's spec). GET /auth/logout drops the
// cookie.
import { getUserCredentials, setUserActive, deleteUser } from "@updraft/store";
import jwt from "jsonwebtoken";
import request from "supertest";
import { addUser, type NewUser } from "../src";
import { TEST_SECRET, useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const api = useApi({ auth: { secret: TEST_SECRET, loginAttemptsPerMinute: 10_000 } });

const login = (body: object) => request(api().app).post("/auth/token").send(body);
const add = (user: Partial<NewUser> & { username: string }) =>
  addUser(api().client, { role: "Viewer", password: "pw-" + user.username, ...user });

/** An authenticated call (Airflow's 401 body on GET /api/v2/dags when refused). */
const dagsWith = (token: string) =>
  request(api().app).get("/api/v2/dags").set("Authorization", `Bearer ${token}`);
/** A path no router serves: 404 once authenticated, 401 before, whatever other routes do. */
const unservedWith = (token: string) =>
  request(api().app).get("/api/v2/no-such-endpoint").set("Authorization", `Bearer ${token}`);

async function tokenOf(username: string, password = "pw-" + username): Promise<string> {
  const res = await login({ username, password });
  expect(res.status).toBe(201);
  return (res.body as { access_token: string }).access_token;
}

describe("POST /auth/token", () => {
  beforeAll(async () => {
    await add({ username: "ada", role: "Op", password: "s3cret!", email: "ada@example.com" });
  });

  test("right credentials (JSON) → 201 {access_token}, a JWT of the user and role, and the cookie", async () => {
    const res = await login({ username: "ada", password: "s3cret!" });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body as object)).toEqual(["access_token"]);
    const token = (res.body as { access_token: string }).access_token;
    const claims = jwt.verify(token, TEST_SECRET) as jwt.JwtPayload;
    expect(claims).toMatchObject({ sub: "ada", role: "Op", iss: "updraft" });
    expect(typeof claims.uid).toBe("number");
    expect(claims.exp! - claims.iat!).toBe(86_400);
    expect(res.headers["cache-control"]).toBe("no-store");
    const cookie = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
    expect(cookie).toHaveLength(1);
    expect(cookie[0]).toMatch(new RegExp(`^_token=${token.replace(/\./g, "\\.")};`));
    expect(cookie[0]).toMatch(/; Max-Age=86400;/);
    expect(cookie[0]).toMatch(/; Path=\//);
    expect(cookie[0]).toMatch(/; HttpOnly/);
    expect(cookie[0]).toMatch(/; SameSite=Strict/);
    expect(cookie[0]).not.toMatch(/; Secure/); // plain http here
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|s3cret/);
  });

  test("the token authenticates API calls, as a bearer header or as the cookie", async () => {
    const token = await tokenOf("ada", "s3cret!");
    expect((await unservedWith(token)).status).toBe(404);
    const byCookie = await request(api().app)
      .get("/api/v2/no-such-endpoint")
      .set("Cookie", `other=1; _token=${token}`);
    expect(byCookie.status).toBe(404);
  });

  test("a form body (application/x-www-form-urlencoded) works as JSON does", async () => {
    const res = await request(api().app)
      .post("/auth/token")
      .type("form")
      .send({ username: "ada", password: "s3cret!" });
    expect(res.status).toBe(201);
    expect(typeof (res.body as { access_token: unknown }).access_token).toBe("string");
  });

  test("a login stamps last_login", async () => {
    await add({ username: "stamped" });
    expect((await getUserCredentials(api().client, { username: "stamped" }))?.user.lastLogin).toBe(
      null,
    );
    await tokenOf("stamped");
    const after = await getUserCredentials(api().client, { username: "stamped" });
    expect(after?.user.lastLogin).toBeInstanceOf(Date);
  });

  test.each([
    ["a wrong password", { username: "ada", password: "S3cret!" }],
    ["an empty password", { username: "ada", password: "" }],
    ["an unknown user", { username: "nobody", password: "s3cret!" }],
    ["a username the table could not hold", { username: "a b", password: "x" }],
    ["SQL in the username", { username: "ada'; drop table ab_user; --", password: "x" }],
  ])("%s → 401 Invalid credentials, nothing else said", async (_what, body) => {
    const res = await login(body);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: "Invalid credentials" });
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(await getUserCredentials(api().client, { username: "ada" })).not.toBeNull();
  });

  test("an inactive user with the right password → the same 401", async () => {
    await add({ username: "sleeper", active: false });
    const res = await login({ username: "sleeper", password: "pw-sleeper" });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: "Invalid credentials" });
  });

  test("an unknown user costs about what a known one does (a hash is checked either way)", async () => {
    const time = async (body: object): Promise<number> => {
      const started = process.hrtime.bigint();
      expect((await login(body)).status).toBe(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time({ username: "ada", password: "wrong" }));
      unknown.push(await time({ username: "nobody-at-all", password: "wrong" }));
    }
    // Lenient: without the decoy hash the unknown user answers in ~1 ms against ~50 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });

  test.each([
    ["no body", undefined, [["body"]]],
    ["a missing password", { username: "ada" }, [["body", "password"]]],
    ["a non-string username", { username: 7, password: "x" }, [["body", "username"]]],
    [
      "an unknown field",
      { username: "ada", password: "s3cret!", role: "Admin" },
      [["body", "role"]],
    ],
  ])("%s → 422 in pydantic's shape", async (_what, body, locs) => {
    const res = await (body === undefined ? request(api().app).post("/auth/token") : login(body));
    expect(res.status).toBe(422);
    const detail = (res.body as { detail: { loc: string[]; msg: string; type: string }[] }).detail;
    expect(detail.map((d) => d.loc)).toEqual(locs);
    expect(JSON.stringify(res.body)).not.toContain("s3cret");
  });

  test("behind a trusted https proxy the cookie is Secure", async () => {
    const app = api().app;
    app.set("trust proxy", "loopback");
    try {
      const res = await request(app)
        .post("/auth/token")
        .set("X-Forwarded-Proto", "https")
        .send({ username: "ada", password: "s3cret!" });
      expect(res.status).toBe(201);
      expect(String(res.headers["set-cookie"])).toMatch(/; Secure/);
    } finally {
      app.set("trust proxy", false);
    }
  });
});

describe("tokens of users who are gone", () => {
  test("deleting a user makes their token 401 at once (Airflow's 401 body)", async () => {
    await add({ username: "leaver" });
    const token = await tokenOf("leaver");
    expect((await unservedWith(token)).status).toBe(404);
    await deleteUser(api().client, { username: "leaver" });
    const res = await dagsWith(token);
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "GET", "/api/v2/dags");
    expect(res.body).toEqual({ detail: "Invalid JWT token" });
  });

  test("deactivating a user makes their token 401; reactivating makes it good again", async () => {
    await add({ username: "paused" });
    const token = await tokenOf("paused");
    await setUserActive(api().client, { username: "paused", active: false });
    const res = await dagsWith(token);
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "GET", "/api/v2/dags");
    await setUserActive(api().client, { username: "paused", active: true });
    expect((await unservedWith(token)).status).toBe(404);
  });

  test("a user deleted and re-created under the same name does not revive the old token", async () => {
    await add({ username: "phoenix" });
    const old = await tokenOf("phoenix");
    await deleteUser(api().client, { username: "phoenix" });
    await add({ username: "phoenix" });
    expect((await dagsWith(old)).status).toBe(401);
    expect((await unservedWith(await tokenOf("phoenix"))).status).toBe(404);
  });

  test("a login token whose uid names another user is refused", async () => {
    await add({ username: "victim" });
    const claims = jwt.decode(await tokenOf("victim")) as { uid: number };
    const forged = jwt.sign({ role: "Admin", uid: claims.uid }, TEST_SECRET, {
      subject: "someone-else",
      issuer: "updraft",
    });
    const res = await dagsWith(forged);
    expect(res.status).toBe(401);
    expectMatchesSpec(res, "GET", "/api/v2/dags");
  });

  test("a token signed with another secret, or expired, is 401 (Airflow's body)", async () => {
    const other = jwt.sign({ role: "Admin" }, "x".repeat(40), { subject: "a", issuer: "updraft" });
    const expired = jwt.sign(
      { role: "Admin", exp: Math.floor(Date.now() / 1000) - 10 },
      TEST_SECRET,
      {
        subject: "a",
        issuer: "updraft",
      },
    );
    for (const token of [other, expired, "not-a-jwt"]) {
      const res = await dagsWith(token);
      expect(res.status).toBe(401);
      expectMatchesSpec(res, "GET", "/api/v2/dags");
    }
    const badCookie = await request(api().app).get("/api/v2/dags").set("Cookie", "_token=%E0%A4%A");
    expect(badCookie.status).toBe(401);
    expectMatchesSpec(badCookie, "GET", "/api/v2/dags");
  });
});

describe("GET /auth/logout", () => {
  test("clears the cookie (same attributes, expired)", async () => {
    const res = await request(api().app).get("/auth/logout");
    expect(res.status).toBe(204);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^_token=;/);
    expect(cookie).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
  });
});
