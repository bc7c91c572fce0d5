// BashOperator end to end: real bash through the Node task runtime, with template rendering.
import { BashOperator, dag, hasErrorCode } from "@updraft/sdk";
import { type FakeTaskRun, fakeTaskRun } from "@updraft/sdk/testing";
import { nodeTaskRuntime } from "../src";

function runFor(lines: string[]): FakeTaskRun {
  return fakeTaskRun({
    dagId: "bash",
    logicalDate: new Date("2026-03-04T05:06:07Z"),
    params: { table: "vendas" },
    runtime: nodeTaskRuntime({ onOutputLine: (line) => lines.push(line) }),
  });
}

function bash(
  bashCommand: string,
  extra: Partial<ConstructorParameters<typeof BashOperator>[0]> = {},
): BashOperator {
  let op!: BashOperator;
  dag({ dagId: `bash_${Math.random().toString(36).slice(2)}` }, () => {
    op = new BashOperator({ taskId: "run", bashCommand, ...extra });
  });
  return op;
}

describe("BashOperator", () => {
  test("renders the command, runs it, and returns the last stdout line", async () => {
    const lines: string[] = [];
    const result = await runFor(lines).run(
      bash('echo "loading {{ params.table }} for {{ ds }}"; echo done-{{ ds_nodash }}'),
    );
    expect(lines).toEqual(["loading vendas for 2026-03-04", "done-20260304"]);
    expect(result.returnValue).toBe("done-20260304");
    expect(result.renderedFields).toMatchObject({
      bashCommand: 'echo "loading vendas for 2026-03-04"; echo done-20260304',
    });
  });

  test("env replaces the environment and is templated too", async () => {
    const result = await runFor([]).run(
      bash('printf "%s" "$RUN_DATE:${HOME:-nohome}"', { env: { RUN_DATE: "{{ ds }}" } }),
    );
    expect(result.returnValue).toBe("2026-03-04:nohome");
  });

  test("exit code 99 skips the task", async () => {
    const error = await runFor([])
      .run(bash("exit 99"))
      .catch((e: unknown) => e);
    expect(hasErrorCode(error, "TASK_SKIPPED")).toBe(true);
  });

  test("another non-zero exit code fails it with Airflow's message", async () => {
    await expect(runFor([]).run(bash("echo oops >&2; exit 3"))).rejects.toThrow(
      "Bash command failed. The command returned a non-zero exit code 3.",
    );
  });
});
