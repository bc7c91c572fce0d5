// The long-running verbs end to end: `scheduler` + `worker` on Postgres + Redis run a triggered
// DAG and stop cleanly; `standalone` on its embedded database runs a scheduled DAG and, started
// again, resumes from what the first start stored instead of starting over.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPgliteClient, migrateUrl, SCHEMA_KEY } from "@updraft/store";
import {
  createTestDatabase,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from "@updraft/testing";
import { CLI_DAGS, cli, startCli } from "./support/cli";

describe("updraft scheduler + updraft worker", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  });
  afterAll(() => db.drop());

  test("run a triggered DAG through Redis and both exit 0 when stopped", async () => {
    const env = {
      UPDRAFT_DATABASE_URL: db.url,
      UPDRAFT_REDIS_URL: testRedisUrl(),
      UPDRAFT_REDIS_PREFIX: testRedisPrefix(),
      UPDRAFT_DAGS_FOLDER: CLI_DAGS,
      UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION: "false",
    };
    const scheduler = startCli(["scheduler"], env);
    const worker = startCli(["worker", "--concurrency", "4"], env);
    try {
      await scheduler.waitFor(/scheduler started/);
      await worker.waitFor(/worker/);
      const triggered = await cli(["dags", "trigger", "cli_ok", "-r", "manual__services"], env);
      expect(triggered.code).toBe(0);
      await worker.waitFor(/task success .*task_id=end/);
      await scheduler.waitFor(/dag run success .*dag_id=cli_ok .*run_id=manual__services/);
    } finally {
      expect(await worker.stop()).toBe(0);
      expect(await scheduler.stop()).toBe(0);
    }
    const states = await cli(
      ["tasks", "states-for-dag-run", "cli_ok", "manual__services", "-o", "json"],
      env,
    );
    const rows = JSON.parse(states.out) as { state: string }[];
    expect(rows.map((r) => r.state)).toEqual(["success", "success", "success"]);
  }, 60_000);
});

describe("updraft standalone", () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), "updraft-standalone-"));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const env = () => ({
    UPDRAFT_HOME: home,
    UPDRAFT_DAGS_FOLDER: CLI_DAGS,
    UPDRAFT_DAGS_ARE_PAUSED_AT_CREATION: "false",
    UPDRAFT_API_HOST: "127.0.0.1",
    UPDRAFT_API_PORT: "0",
  });

  const onceRuns = async (): Promise<{ run_id: string; state: string }[]> => {
    const client = await createPgliteClient({ dataDir: path.join(home, "db") });
    try {
      return (
        await client.query<{ run_id: string; state: string }>(
          "select run_id, state from dag_run where dag_id = 'cli_once' order by id",
        )
      ).rows;
    } finally {
      await client.close();
    }
  };

  test("runs a scheduled DAG, stops on its signal, and a second start resumes", async () => {
    const first = startCli(["standalone"], env());
    const apiLinePattern =
      /standalone \| API on (\S+)\/api\/v2 — login with username: admin {2}password: (\S+)/;
    const apiLine = apiLinePattern.exec(await first.waitFor(apiLinePattern))!;
    await first.waitFor(/standalone \| scheduler running/);
    await first.waitFor(/dag run success .*dag_id=cli_once/, 30_000);
    // The printed admin login works against the API the standalone serves.
    const [, url, password] = apiLine;
    const login = await fetch(`${url}/auth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "admin", password }),
    });
    expect(login.status).toBe(201);
    const { access_token: token } = (await login.json()) as { access_token: string };
    const dags = await fetch(`${url}/api/v2/dags?dag_id_pattern=cli_once`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(dags.status).toBe(200);
    expect(
      ((await dags.json()) as { dags: { dag_id: string }[] }).dags.map((d) => d.dag_id),
    ).toEqual(["cli_once"]);
    expect(await first.stop()).toBe(0);
    const afterFirst = await onceRuns();
    expect(afterFirst).toHaveLength(1);
    expect(afterFirst[0]!.state).toBe("success");

    const second = startCli(["standalone"], env());
    await second.waitFor(/standalone \| API on \S+ — login as admin with the password in /);
    await second.waitFor(/standalone \| scheduler running/);
    // One more pass than needed: an @once DAG that already ran must not run again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await second.stop()).toBe(0);
    expect(await onceRuns()).toEqual(afterFirst);
  }, 60_000);
});
