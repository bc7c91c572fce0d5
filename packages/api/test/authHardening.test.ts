// The app's hardening, seen from outside: helmet's headers; no CORS headers unless origins are
// configured (then only for those); bodies over the limit → 413; a 500 carries no stack or
// message (the error goes to the server's log); login attempts past the per-IP limit → 429.
import type { SqlClient } from "@updraft/store";
import request from "supertest";
import { addUser, createApiApp, type ApiOptions } from "../src";
import { TEST_SECRET, useApi } from "./support/apiTest";
import { expectMatchesSpec } from "./support/spec";

const api = useApi();

/** Another app over the same database, with `options` (each app has its own rate limiter). */
const appWith = (options: Partial<Omit<ApiOptions, "client">> = {}) =>
  createApiApp({
    log: () => undefined,
    ...options,
    client: api().client,
    auth: { secret: TEST_SECRET, ...options.auth },
  });

/** A client whose every statement fails as a lost database would, with internals in the message. */
function brokenClient(): SqlClient {
  const fail = () =>
    Promise.reject(new Error("connect ECONNREFUSED 10.0.0.7:5432 (password=hunter2)"));
  return {
    dialect: "postgres",
    query: fail,
    exec: fail,
    transaction: fail,
    listen: fail,
    close: () => Promise.resolve(),
  };
}

describe("hardening", () => {
  test("helmet's headers are on every answer, Express's banner is not", async () => {
    for (const res of [
      await request(api().app).get("/api/v2/version"),
      await request(api().app).post("/auth/token").send({ username: "x", password: "y" }),
      await request(api().app).get("/api/v2/dags"),
    ]) {
      expect(res.headers["content-security-policy"]).toMatch(/default-src 'self'/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(res.headers["x-powered-by"]).toBeUndefined();
    }
  });

  test("no CORS headers by default, on a simple request or a preflight", async () => {
    const simple = await request(api().app)
      .get("/api/v2/version")
      .set("Origin", "https://evil.example");
    expect(simple.status).toBe(200);
    expectMatchesSpec(simple, "GET", "/api/v2/version");
    const preflight = await request(api().app)
      .options("/auth/token")
      .set("Origin", "https://evil.example")
      .set("Access-Control-Request-Method", "POST");
    for (const res of [simple, preflight])
      expect(Object.keys(res.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
  });

  test("with corsOrigins, only those origins get CORS headers", async () => {
    const app = appWith({ corsOrigins: ["https://ui.example"] });
    const allowed = await request(app).get("/api/v2/version").set("Origin", "https://ui.example");
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://ui.example");
    const other = await request(app).get("/api/v2/version").set("Origin", "https://evil.example");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  test("a body over the limit → 413 {detail}, JSON or form, before any work", async () => {
    const app = appWith({ bodyLimit: "1kb" });
    const json = await request(app)
      .post("/auth/token")
      .send({ username: "ada", password: "x".repeat(2048) });
    expect(json.status).toBe(413);
    expect(json.body).toEqual({ detail: "Request body too large" });
    const form = await request(app)
      .post("/auth/token")
      .type("form")
      .send({ username: "ada", password: "x".repeat(2048) });
    expect(form.status).toBe(413);
    const byDefault = await request(api().app)
      .post("/auth/token")
      .send({ username: "ada", password: "x".repeat(1_100_000) });
    expect(byDefault.status).toBe(413);
    expect(byDefault.body).toEqual({ detail: "Request body too large" });
  });

  test("a 500 says only Internal Server Error; the error itself goes to the log", async () => {
    const logged: unknown[] = [];
    const app = createApiApp({
      client: brokenClient(),
      auth: { secret: TEST_SECRET },
      log: (error) => logged.push(error),
    });
    const res = await request(app).post("/auth/token").send({ username: "ada", password: "x" });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ detail: "Internal Server Error" });
    expect(res.text).not.toMatch(/ECONNREFUSED|hunter2|\bat \S+ \(|\.ts:\d+/);
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toContain("ECONNREFUSED");
  });

  test("a login token's user lookup failing is a 500 too, not a pass", async () => {
    const good = appWith();
    await addUser(api().client, { username: "hardy", role: "Admin", password: "pw" });
    const login = await request(good)
      .post("/auth/token")
      .send({ username: "hardy", password: "pw" });
    const token = (login.body as { access_token: string }).access_token;
    const broken = createApiApp({
      client: brokenClient(),
      auth: { secret: TEST_SECRET },
      log: () => undefined,
    });
    const res = await request(broken).get("/api/v2/dags").set("Authorization", `Bearer ${token}`);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ detail: "Internal Server Error" });
  });

  test("login attempts past the per-IP limit → 429 {detail} with Retry-After, even with the right password", async () => {
    await addUser(api().client, { username: "eager", role: "Viewer", password: "right" });
    const app = appWith({ auth: { secret: TEST_SECRET, loginAttemptsPerMinute: 3 } });
    const attempt = (password: string) =>
      request(app).post("/auth/token").send({ username: "eager", password });
    for (let i = 0; i < 2; i++) expect((await attempt("wrong")).status).toBe(401);
    expect((await attempt("right")).status).toBe(201);
    const limited = await attempt("right");
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ detail: "Too many login attempts; try again in a minute" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.headers["set-cookie"]).toBeUndefined();
    // Only the login is limited: the API itself still answers.
    expect((await request(app).get("/api/v2/version")).status).toBe(200);
  });

  test("the login limit defaults to 10 a minute", async () => {
    const app = appWith();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await request(app).post("/auth/token").send({ username: "nobody", password: "x" })).status,
      );
    expect(statuses).toEqual([...Array<number>(10).fill(401), 429]);
  });
});
