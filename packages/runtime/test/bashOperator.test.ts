// BashOperator end to end: real bash through the Node task runtime, with template rendering.
import { BashOperator, buildTemplateContext, dag, executeTask, hasErrorCode } from "@updraft/sdk";
import type { TaskContext } from "@updraft/sdk";
import { nodeTaskRuntime } from "../src";

function contextFor(taskId: string, lines: string[]): TaskContext {
  const logicalDate = new Date("2026-03-04T05:06:07Z");
  const templateContext = buildTemplateContext({
    dagId: "bash",
    taskId,
    runId: "scheduled__2026-03-04T05:06:07+00:00",
    mapIndex: -1,
    tryNumber: 1,
    logicalDate,
    dataIntervalStart: logicalDate,
    dataIntervalEnd: logicalDate,
    runAfter: logicalDate,
    params: { table: "vendas" },
    variables: { get: () => undefined },
    connections: { get: () => undefined },
    now: logicalDate,
  });
  const pushed = new Map<string, unknown>();
  return {
    dagId: "bash",
    taskId,
    runId: "scheduled__2026-03-04T05:06:07+00:00",
    mapIndex: -1,
    tryNumber: 1,
    logicalDate,
    dataIntervalStart: logicalDate,
    dataIntervalEnd: logicalDate,
    params: { table: "vendas" },
    conf: {},
    signal: new AbortController().signal,
    templateContext,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    runtime: nodeTaskRuntime({ onOutputLine: (line) => lines.push(line) }),
    ti: {
      dagId: "bash",
      taskId,
      runId: "r",
      mapIndex: -1,
      tryNumber: 1,
      maxTries: 0,
      startDate: logicalDate,
      firstRescheduleDate: null,
      xcomPull: () => Promise.resolve(undefined),
      xcomPush: (key, value) => {
        pushed.set(key, value);
        return Promise.resolve();
      },
      skipTasks: () => Promise.resolve(),
    },
  };
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
    const result = await executeTask(
      bash('echo "loading {{ params.table }} for {{ ds }}"; echo done-{{ ds_nodash }}'),
      contextFor("run", lines),
    );
    expect(lines).toEqual(["loading vendas for 2026-03-04", "done-20260304"]);
    expect(result.returnValue).toBe("done-20260304");
    expect(result.renderedFields).toMatchObject({
      bashCommand: 'echo "loading vendas for 2026-03-04"; echo done-20260304',
    });
  });

  test("env replaces the environment and is templated too", async () => {
    const result = await executeTask(
      bash('printf "%s" "$RUN_DATE:${HOME:-nohome}"', { env: { RUN_DATE: "{{ ds }}" } }),
      contextFor("run", []),
    );
    expect(result.returnValue).toBe("2026-03-04:nohome");
  });

  test("exit code 99 skips the task", async () => {
    const error = await executeTask(bash("exit 99"), contextFor("run", [])).catch(
      (e: unknown) => e,
    );
    expect(hasErrorCode(error, "TASK_SKIPPED")).toBe(true);
  });

  test("another non-zero exit code fails it with Airflow's message", async () => {
    await expect(executeTask(bash("echo oops >&2; exit 3"), contextFor("run", []))).rejects.toThrow(
      "Bash command failed. The command returned a non-zero exit code 3.",
    );
  });
});
