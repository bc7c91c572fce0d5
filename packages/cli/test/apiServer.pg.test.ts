// `updraft api-server`: serves the API (and the built UI named by UPDRAFT_UI_DIR) on a migrated
// Postgres until stopped; on Postgres it will not start without the shared signing secret, nor
// with a UI folder that holds no build.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateUrl, SCHEMA_KEY } from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { cli, startCli } from "./support/cli";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
});
afterAll(() => db.drop());

describe("updraft api-server", () => {
  test("serves health and the API, and stops with exit 0", async () => {
    const server = startCli(["api-server"], {
      UPDRAFT_DATABASE_URL: db.url,
      UPDRAFT_API_SECRET_KEY: "a-secret-of-at-least-thirty-two-characters!",
      UPDRAFT_API_HOST: "127.0.0.1",
      UPDRAFT_API_PORT: "0",
    });
    const line = await server.waitFor(/api server listening/);
    const url =
      /"url":"(http:\/\/[^"]+)\/api\/v2"/.exec(line)?.[1] ?? /url=(\S+)\/api\/v2/.exec(line)?.[1];
    expect(url).toBeDefined();
    const health = await fetch(`${url}/api/v2/monitor/health`);
    expect(health.status).toBe(200);
    expect(
      ((await health.json()) as { metadatabase: { status: string } }).metadatabase.status,
    ).toBe("healthy");
    expect((await fetch(`${url}/api/v2/dags`)).status).toBe(401);
    expect(await server.stop()).toBe(0);
  });

  test("serves the UI folder of UPDRAFT_UI_DIR at the root, client-side routes included", async () => {
    const uiDir = mkdtempSync(path.join(tmpdir(), "updraft-ui-"));
    mkdirSync(path.join(uiDir, "assets"));
    writeFileSync(path.join(uiDir, "index.html"), "<title>Updraft</title>");
    const server = startCli(["api-server"], {
      UPDRAFT_DATABASE_URL: db.url,
      UPDRAFT_API_SECRET_KEY: "a-secret-of-at-least-thirty-two-characters!",
      UPDRAFT_API_HOST: "127.0.0.1",
      UPDRAFT_API_PORT: "0",
      UPDRAFT_UI_DIR: uiDir,
    });
    const line = await server.waitFor(/api server listening/);
    const url =
      /"url":"(http:\/\/[^"]+)\/api\/v2"/.exec(line)?.[1] ?? /url=(\S+)\/api\/v2/.exec(line)?.[1];
    const page = await fetch(`${url}/dags/some_dag/runs/r1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe("<title>Updraft</title>");
    expect(await server.stop()).toBe(0);
  });

  test("a UPDRAFT_UI_DIR without index.html stops start-up, naming the variable", async () => {
    const { code, err } = await cli(["api-server"], {
      UPDRAFT_DATABASE_URL: db.url,
      UPDRAFT_API_SECRET_KEY: "a-secret-of-at-least-thirty-two-characters!",
      UPDRAFT_UI_DIR: mkdtempSync(path.join(tmpdir(), "updraft-no-ui-")),
    });
    expect(code).not.toBe(0);
    expect(err).toMatch(/UPDRAFT_UI_DIR: .* holds no index\.html/);
  });

  test("on Postgres without UPDRAFT_API_SECRET_KEY it refuses to start, naming the variable", async () => {
    const { code, err } = await cli(["api-server"], { UPDRAFT_DATABASE_URL: db.url });
    expect(code).not.toBe(0);
    expect(err).toMatch(/UPDRAFT_API_SECRET_KEY: required with a Postgres metadata database/);
  });
});
