import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli } from "./support/cli";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";

describe("updraft db", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ templateKey: "cli_empty", prepare: async () => undefined });
  });
  afterAll(() => db.drop());

  test("migrate on Postgres applies the migrations once, and says so", async () => {
    const env = { UPDRAFT_DATABASE_URL: db.url };
    const first = await cli(["db", "migrate"], env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^Database Postgres 127\.0\.0\.1:5432\/updraft_test_\w+ migrated: applied [\d, ]+ \(version \d+\)\.$/,
    );
    expect((await cli(["db", "migrate"], env)).out).toMatch(/is up to date \(version \d+\)\.$/);
    expect((await cli(["db", "check"], env)).out).toMatch(/is reachable\.$/);
  });

  test("reset refuses without --yes", async () => {
    const result = await cli(["db", "reset"], { UPDRAFT_DATABASE_URL: db.url });
    expect(result.code).toBe(1);
    expect(result.err).toContain("Run again with --yes to confirm.");
  });

  test("without a database URL the embedded PGlite database under UPDRAFT_HOME is used", async () => {
    const home = mkdtempSync(path.join(tmpdir(), "updraft-home-"));
    const result = await cli(["db", "migrate"], { UPDRAFT_HOME: home });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      new RegExp(
        `^Database embedded PGlite at ${path.join(home, "db")} migrated: applied [\\d, ]+ \\(version \\d+\\)\\.$`,
      ),
    );
    expect((await cli(["db", "migrate"], { UPDRAFT_HOME: home })).out).toContain("is up to date");
  });

  test("a database URL that is not postgresql:// stops start-up with the variable named, password hidden", async () => {
    const result = await cli(["db", "check"], { UPDRAFT_DATABASE_URL: "mysql://u:hunter2@h/db" });
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      'UPDRAFT_DATABASE_URL: expected a postgresql:// URL, got "mysql://u:***@h/db"',
    );
  });
});

describe("updraft dags reserialize", () => {
  test("parses the folder into the database and reports import errors with exit 1", async () => {
    const home = mkdtempSync(path.join(tmpdir(), "updraft-home-"));
    const fixtures = path.join(__dirname, "..", "..", "runtime", "test", "fixtures", "dags");
    const result = await cli(["dags", "reserialize"], {
      UPDRAFT_HOME: home,
      UPDRAFT_DAGS_FOLDER: fixtures,
    });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(
      /^Parsed .* in \d+ ms: 2 DAG\(s\) \(2 new, 2 changed, 0 now stale\), 4 import error\(s\)\.$/,
    );
    const again = await cli(["dags", "reserialize"], {
      UPDRAFT_HOME: home,
      UPDRAFT_DAGS_FOLDER: fixtures,
    });
    expect(again.out).toContain("2 DAG(s) (0 new, 0 changed, 0 now stale)");
  });
});
