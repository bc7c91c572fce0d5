// The long-running verbs' log formats: text stays one readable line per event; json is one pino
// object per line with Airflow's id fields; both route warnings to stderr and keep secrets out
// while printing ordinary values as they are.
import { cliLogger, logLine } from "../src/commands/cliLogger";
import type { Io } from "../src/commands/dags";

function captured(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t) }, out, err };
}

const finished = {
  key: { dagId: "sales", runId: "manual__2026-05-01", taskId: "load", mapIndex: 2 },
  tryNumber: 3,
  outcome: { kind: "ran" as const, state: "success" as const },
};

describe("json log format", () => {
  test("a finished try is one JSON line with dag_id, run_id, task_id, map_index, try_number", () => {
    const { io, out, err } = captured();
    cliLogger(io, "json").taskFinished(finished);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    const entry = JSON.parse(out[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: "info",
      msg: "task success",
      dag_id: "sales",
      run_id: "manual__2026-05-01",
      task_id: "load",
      map_index: 2,
      try_number: 3,
      pid: process.pid,
    });
    expect(new Date(entry.time as string).toISOString()).toBe(entry.time);
  });

  test("scheduler events keep their fields in snake_case; warn and error go to stderr", () => {
    const { io, out, err } = captured();
    const logger = cliLogger(io, "json");
    logger.info("dag run failed", { dagId: "sales", runId: "r1", reason: "task_failure" });
    logger.warn("task instance without heartbeat", { dagId: "sales", mapIndex: -1 });
    logger.error("scheduler pass failed", { error: "connection reset" });
    expect(out.map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({
        level: "info",
        dag_id: "sales",
        run_id: "r1",
        reason: "task_failure",
      }),
    ]);
    expect(err.map((l) => (JSON.parse(l) as { level: string; msg: string }).level)).toEqual([
      "warn",
      "error",
    ]);
  });

  test("secrets are masked; ordinary values, ids and URLs without passwords are not", () => {
    const { io, out } = captured();
    cliLogger(io, "json").info("connection checked", {
      connId: "warehouse",
      url: "postgresql://loader:s3cret-pw@db:5432/sales",
      redis: "redis://cache:6379",
      password: "hunter2",
      apiToken: "xoxb-123",
      runId: "scheduled__2026-05-01T06:00:00+00:00",
      count: 3,
    });
    const line = out[0]!;
    expect(line).not.toContain("s3cret-pw");
    expect(line).not.toContain("hunter2");
    expect(line).not.toContain("xoxb-123");
    expect(JSON.parse(line)).toMatchObject({
      conn_id: "warehouse",
      url: "postgresql://loader:***@db:5432/sales",
      redis: "redis://cache:6379",
      password: "***",
      api_token: "***",
      run_id: "scheduled__2026-05-01T06:00:00+00:00",
      count: 3,
    });
  });
});

describe("text log format", () => {
  test("stays one readable line: time, level, message, snake_case pairs", () => {
    const now = new Date("2026-05-01T06:00:00.000Z");
    expect(
      logLine("info", "dag run success", { dagId: "sales", runId: "r 1", skipped: undefined }, now),
    ).toBe('2026-05-01T06:00:00.000Z INFO dag run success dag_id=sales run_id="r 1"');
    const { io, out, err } = captured();
    const logger = cliLogger(io);
    logger.taskFinished(finished);
    logger.warn("slow", { url: "postgres://u:pw@h/db" });
    expect(out[0]).toMatch(
      / INFO task success dag_id=sales run_id=manual__2026-05-01 task_id=load map_index=2 try_number=3$/,
    );
    expect(err[0]).toMatch(/ WARN slow url=postgres:\/\/u:\*\*\*@h\/db$/);
  });
});

test("json lines never repeat a key: pino's own win, a clashing field is renamed", () => {
  const { io, out } = captured();
  const logger = cliLogger(io, "json");
  logger.info("scheduler started", { jobId: 1, hostname: "elsewhere", level: "deep", msg: "x" });
  const line = out[0]!;
  for (const key of ["hostname", "level", "msg"]) expect(line.split(`"${key}":`)).toHaveLength(2);
  expect(JSON.parse(line)).toMatchObject({
    level: "info",
    msg: "scheduler started",
    job_id: 1,
    event_hostname: "elsewhere",
    event_level: "deep",
    event_msg: "x",
  });
});
