// The metadata verbs against Postgres: trigger, list-runs, states-for-dag-run, pause/unpause,
// tasks clear and backfill, on DAGs stored with `dags reserialize`.
import { migrateUrl, SCHEMA_KEY } from "@updraft/store";
import { createTestDatabase, type TestDatabase } from "@updraft/testing";
import { CLI_DAGS, cli } from "./support/cli";

let db: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase({ templateKey: SCHEMA_KEY, prepare: migrateUrl });
  env = { UPDRAFT_DATABASE_URL: db.url, UPDRAFT_DAGS_FOLDER: CLI_DAGS };
  expect((await cli(["dags", "reserialize"], env)).code).toBe(0);
});
afterAll(() => db.drop());

type Json = Record<string, string | number | null>;
const json = (out: string): Json[] => JSON.parse(out) as Json[];

describe("updraft dags trigger / list-runs / tasks states-for-dag-run", () => {
  test("trigger writes a queued manual run and prints it", async () => {
    const result = await cli(
      [
        "dags",
        "trigger",
        "cli_params",
        "-r",
        "by_hand",
        "-c",
        '{"limit": 7}',
        "-l",
        "2026-02-01T06:00:00Z",
        "-o",
        "json",
      ],
      env,
    );
    expect(result.code).toBe(0);
    expect(json(result.out)).toEqual([
      {
        dag_id: "cli_params",
        run_id: "by_hand",
        state: "queued",
        run_type: "manual",
        logical_date: "2026-02-01T06:00:00.000Z",
      },
    ]);
    const runs = await cli(["dags", "list-runs", "cli_params", "-o", "json"], env);
    expect(json(runs.out)).toEqual([
      expect.objectContaining({ run_id: "by_hand", state: "queued", run_type: "manual" }),
    ]);
    expect((await cli(["dags", "list-runs", "cli_params", "--state", "success"], env)).out).toBe(
      "No data found",
    );
    const states = await cli(
      ["tasks", "states-for-dag-run", "cli_params", "by_hand", "-o", "json"],
      env,
    );
    expect(states.code).toBe(0);
    expect(json(states.out)).toEqual([
      expect.objectContaining({ task_id: "noop", map_index: -1, state: null, try_number: 0 }),
    ]);
  });

  test("the table form of trigger names dag_id, run_id, state and logical_date", async () => {
    const { code, out } = await cli(["dags", "trigger", "cli_ok"], env);
    expect(code).toBe(0);
    expect(out).toMatch(/^dag_id\s+\| run_id\s+\| state\s+\| run_type \| logical_date$/m);
    expect(out).toMatch(/^cli_ok\s+\| manual__\S+\s+\| queued \| manual\s+\|$/m);
  });

  test("bad input exits 1 with the message: conf, params, dates, unknown DAGs and runs", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["dags", "trigger", "cli_ok", "-c", "{nope"],
        /^--conf: expected a JSON object, got "\{nope"/,
      ],
      [["dags", "trigger", "cli_ok", "-c", "[1]"], /^--conf: expected a JSON object, got "\[1\]"$/],
      [["dags", "trigger", "cli_params", "-c", '{"limit": 0}'], /limit/],
      [["dags", "trigger", "cli_ok", "-l", "soon"], /^--logical-date: expected an ISO 8601 date/],
      [
        ["dags", "trigger", "cli_ok", "-l", "2999-01-01"],
        /^logical_date: must not be in the future/,
      ],
      [
        ["dags", "trigger", "not_stored"],
        /^Dag id not_stored is not in the metadata database; run `updraft dags reserialize`/,
      ],
      [["dags", "list-runs", "cli_ok", "--state", "done"], /^--state: expected one of queued/],
      [["tasks", "states-for-dag-run", "cli_ok", "no_run"], /^Dag run cli_ok\/no_run not found\.$/],
      [["dags", "pause", "not_stored"], /^Dag id not_stored is not in the metadata database/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args, env);
      expect([args, result.code]).toEqual([args, 1]);
      expect(result.err).toMatch(message);
    }
  });
});

describe("updraft dags pause / unpause", () => {
  test("sets is_paused and prints it", async () => {
    const paused = await cli(["dags", "pause", "cli_ok", "-o", "json"], env);
    expect(paused.code).toBe(0);
    expect(json(paused.out)).toEqual([{ dag_id: "cli_ok", is_paused: "true" }]);
    const unpaused = await cli(["dags", "unpause", "cli_ok", "-o", "json"], env);
    expect(json(unpaused.out)).toEqual([{ dag_id: "cli_ok", is_paused: "false" }]);
  });
});

describe("updraft tasks clear", () => {
  test("without --yes lists what would be cleared and exits 1; with --yes clears", async () => {
    await cli(["dags", "trigger", "cli_ok", "-r", "to_clear"], env);
    const dry = await cli(["tasks", "clear", "cli_ok", "-t", "^sh", "-r", "to_clear", "-d"], env);
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(/^cli_ok\s+\| to_clear \| end\s+\| -1/m);
    expect(dry.out).toMatch(/^cli_ok\s+\| to_clear \| shout\s+\| -1/m);
    expect(dry.out).not.toContain("hello");
    expect(dry.err).toBe(
      "2 task instance(s) would be cleared. Run again with --yes to clear them.",
    );
    const done = await cli(
      ["tasks", "clear", "cli_ok", "-t", "^sh", "-r", "to_clear", "-d", "--yes"],
      env,
    );
    expect(done.code).toBe(0);
    expect(done.out).toContain("Cleared 2 task instance(s)");
    const up = await cli(["tasks", "clear", "cli_ok", "-t", "end", "-r", "to_clear", "-u"], env);
    expect(up.err).toMatch(/^3 task instance\(s\) would be cleared/);
    const failedOnly = await cli(
      ["tasks", "clear", "cli_ok", "-t", ".", "-r", "to_clear", "-f", "-y"],
      env,
    );
    expect(failedOnly).toMatchObject({ code: 0 });
    expect(failedOnly.out).toContain("Nothing to clear.");
    const none = await cli(["tasks", "clear", "cli_ok", "-t", "^zzz"], env);
    expect(none).toMatchObject({ code: 1, err: 'No task of cli_ok matches --task-regex "^zzz".' });
  });
});

describe("updraft dags backfill", () => {
  test("--dry-run plans one run per day and writes nothing; the real one creates them once", async () => {
    const args = ["dags", "backfill", "cli_daily", "-s", "2026-01-01", "-e", "2026-01-03"];
    const dry = await cli([...args, "--dry-run", "-o", "json"], env);
    expect(dry.code).toBe(0);
    expect(json(dry.out).map((r) => [r.logical_date, r.status])).toEqual([
      ["2026-01-01T00:00:00.000Z", "planned"],
      ["2026-01-02T00:00:00.000Z", "planned"],
      ["2026-01-03T00:00:00.000Z", "planned"],
    ]);
    expect((await cli(["dags", "list-runs", "cli_daily", "-o", "json"], env)).out).toBe("[]");
    const real = await cli(args, env);
    expect(real.code).toBe(0);
    expect(real.out).toContain("3 run(s) created, 0 skipped");
    const runs = json((await cli(["dags", "list-runs", "cli_daily", "-o", "json"], env)).out);
    expect(runs.map((r) => [r.run_type, r.state])).toEqual([
      ["backfill", "queued"],
      ["backfill", "queued"],
      ["backfill", "queued"],
    ]);
    const again = await cli([...args.slice(0, 5), "-e", "2026-01-04", "-o", "json"], env);
    expect(json(again.out).map((r) => r.status)).toEqual([
      "skipped (run exists)",
      "skipped (run exists)",
      "skipped (run exists)",
      "created",
    ]);
    const bad = await cli(
      ["dags", "backfill", "cli_ok", "-s", "2026-01-01", "-e", "2026-01-02"],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/no periodic schedule/);
  });
});

describe("an unmigrated database", () => {
  test("tells to run updraft db migrate, exit 1", async () => {
    const empty = await createTestDatabase({
      templateKey: "cli_empty",
      prepare: async () => undefined,
    });
    try {
      const result = await cli(["dags", "list-runs", "cli_ok"], {
        UPDRAFT_DATABASE_URL: empty.url,
      });
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/is not migrated .* run `updraft db migrate` first\.$/);
      const scheduler = await cli(["scheduler"], { UPDRAFT_DATABASE_URL: empty.url });
      expect(scheduler.code).toBe(1);
      expect(scheduler.err).toMatch(/run `updraft db migrate` first/);
    } finally {
      await empty.drop();
    }
  });
});
