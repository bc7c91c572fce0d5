// `dags test` and `tasks test`: in process, on a private in-memory database.
import { CLI_DAGS, cli, SHIPPED_DAGS } from "./support/cli";

const stateOf = (out: string, task: string, mapIndex = -1): string | undefined =>
  new RegExp(`^${task.replace(/[.[\]]/g, "\\$&")}\\s+\\| ${mapIndex}\\s+\\| (\\w+)`, "m").exec(
    out,
  )?.[1];

describe("updraft dags test", () => {
  test("runs the shipped example_sales_report and prints every task's state, exit 0", async () => {
    const { code, out } = await cli(["dags", "test", "example_sales_report", "2026-03-02"], {
      UPDRAFT_DAGS_FOLDER: SHIPPED_DAGS,
    });
    expect(code).toBe(0);
    expect(out).toContain("[announce] INFO sales report for 2026-03-02 (run manual__");
    expect(out).toContain('[outcome.big_sale] INFO Following branch "outcome.celebrate"');
    expect(out).toMatch(/^task_id\s+\| map_index \| state\s+\| try_number \| duration$/m);
    const expected: [string, number, string][] = [
      ["announce", -1, "success"],
      ["fetch_sales", -1, "success"],
      ["dealerships", -1, "success"],
      ["summarise", 0, "success"],
      ["summarise", 1, "success"],
      ["outcome.big_sale", -1, "success"],
      ["outcome.celebrate", -1, "success"],
      ["outcome.quiet_day", -1, "skipped"],
      ["done", -1, "success"],
    ];
    for (const [task, mapIndex, state] of expected)
      expect([task, mapIndex, stateOf(out, task, mapIndex)]).toEqual([task, mapIndex, state]);
    expect(out).toMatch(/^Dag run manual__\S+ success$/m);
  });

  test("a failing task exits 1 and shows its log and error", async () => {
    const { code, out } = await cli(["dags", "test", "cli_fails"], {
      UPDRAFT_DAGS_FOLDER: CLI_DAGS,
    });
    expect(code).toBe(1);
    expect(out).toContain("[boom] INFO about to fail");
    expect(out).toMatch(/^\[boom\] ERROR .*returned a non-zero exit code 3\.$/m);
    expect(stateOf(out, "boom")).toBe("failed");
    expect(stateOf(out, "after")).toBe("upstream_failed");
    expect(out).toMatch(/^Dag run manual__\S+ failed/m);
  });

  test("an unknown DAG, a bad date and a bad conf exit 1 with the reason", async () => {
    const env = { UPDRAFT_DAGS_FOLDER: CLI_DAGS };
    const unknown = await cli(["dags", "test", "nope"], env);
    expect(unknown).toMatchObject({ code: 1, err: `Dag id nope not found in ${CLI_DAGS}` });
    const date = await cli(["dags", "test", "cli_ok", "yesterday"], env);
    expect(date.code).toBe(1);
    expect(date.err).toMatch(/^logical_date: expected an ISO 8601 date .*got "yesterday"$/);
    const conf = await cli(["dags", "test", "cli_params", "-c", '{"limit": 0}'], env);
    expect(conf.code).toBe(1);
    expect(conf.err).toMatch(/limit/);
  });
});

describe("updraft tasks test", () => {
  test("runs one task ignoring its upstream, prints its log and state, exit 0", async () => {
    const { code, out } = await cli(
      ["tasks", "test", "example_sales_report", "announce", "2026-03-02"],
      { UPDRAFT_DAGS_FOLDER: SHIPPED_DAGS },
    );
    expect(code).toBe(0);
    expect(out).toContain("[announce] INFO sales report for 2026-03-02");
    expect(out).toMatch(
      /^Task announce of example_sales_report \(logical date 2026-03-02T00:00:00.000Z\): success$/m,
    );
  });

  test("a failing task exits 1; an unknown task exits 1", async () => {
    const env = { UPDRAFT_DAGS_FOLDER: CLI_DAGS };
    const failed = await cli(["tasks", "test", "cli_fails", "boom"], env);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain("[boom] INFO about to fail");
    expect(failed.out).toMatch(/: failed$/m);
    const unknown = await cli(["tasks", "test", "cli_fails", "nope"], env);
    expect(unknown).toMatchObject({ code: 1, err: "Task nope not found in DAG cli_fails" });
  });
});
