// The API server also serves the built web UI: its files at the root, hashed assets cached
// for good, any client-side route answered with index.html, and /api/v2 untouched (a JSON 404
// stays a JSON 404). /api/v2/ui/auth/me tells the UI who is calling.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import request from "supertest";
import { serveWebApp } from "../src/http/webApp";
import { useApi } from "./support/apiTest";

const uiDir = mkdtempSync(path.join(tmpdir(), "updraft-ui-"));
mkdirSync(path.join(uiDir, "assets"));
writeFileSync(path.join(uiDir, "index.html"), "<!doctype html><div id=root></div>");
writeFileSync(path.join(uiDir, "assets", "index-abc123.js"), "console.log(1)");
writeFileSync(path.join(uiDir, "favicon.svg"), "<svg/>");

const api = useApi({ uiDir });

test("the root and client-side routes get index.html, revalidated each time", async () => {
  for (const url of ["/", "/dags", "/dags/etl/runs/manual__2026-01-01T00:00:00+00:00"]) {
    const res = await request(api().app).get(url);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.text).toContain("<div id=root>");
  }
});

test("hashed assets are cached for a year; a missing asset is a 404, not index.html", async () => {
  const asset = await request(api().app).get("/assets/index-abc123.js");
  expect(asset.status).toBe(200);
  expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  const missing = await request(api().app).get("/assets/gone.js");
  expect(missing.status).toBe(404);
  expect(missing.text).not.toContain("id=root");
  const icon = await request(api().app).get("/favicon.svg");
  expect(icon.status).toBe(200);
  expect(icon.headers["content-type"]).toMatch(/^image\/svg\+xml/);
});

test("the API's own paths are not the UI's: unknown /api/v2 paths stay JSON 404s", async () => {
  const res = await api().as("Viewer").get("/api/v2/nope");
  expect(res.status).toBe(404);
  expect(res.body).toEqual({ detail: "Not Found: GET /nope" });
  expect((await request(api().app).get("/api/v2/dags")).status).toBe(401);
});

test("helmet's headers reach the UI's pages too", async () => {
  const res = await request(api().app).get("/dags");
  expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
});

test("/ui/auth/me names the caller and their role; without a token it is a 401", async () => {
  const res = await api().as("Op").get("/api/v2/ui/auth/me");
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ username: "op", role: "Op" });
  expect(res.headers["cache-control"]).toBe("no-store");
  expect((await request(api().app).get("/api/v2/ui/auth/me")).status).toBe(401);
});

test("a folder without a build is refused when the app is made", () => {
  const empty = mkdtempSync(path.join(tmpdir(), "updraft-ui-empty-"));
  expect(() => serveWebApp(empty)).toThrow(/holds no index\.html/);
});
