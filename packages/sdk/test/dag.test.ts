import type { DagDefinitionError } from "../src";
import { dag, EmptyOperator, hasErrorCode } from "../src";

function errorOf(build: () => unknown): DagDefinitionError {
  try {
    build();
  } catch (error) {
    return error as DagDefinitionError;
  }
  throw new Error("expected an error");
}

describe("dag options", () => {
  test("defaults match Airflow 3 (manual schedule, no catchup, 16 runs and tasks)", () => {
    const d = dag({ dagId: "defaults" });
    expect(d.timetable.type).toBe("null");
    expect(d.catchup).toBe(false);
    expect(d.maxActiveRuns).toBe(16);
    expect(d.maxActiveTasks).toBe(16);
    expect(d.dagrunTimeoutMs).toBeNull();
    expect(d.isPausedUponCreation).toBeNull();
    expect(d.timezone).toBe("UTC");
  });

  test("startDate strings without offset are wall-clock time in the DAG's timezone", () => {
    const d = dag({
      dagId: "tz",
      startDate: "2026-01-01",
      timezone: "America/Sao_Paulo",
      schedule: "@daily",
    });
    expect(d.startDate?.toISOString()).toBe("2026-01-01T03:00:00.000Z");
  });

  test("owner is a shortcut for defaultArgs.owner and owners come from the tasks", () => {
    const d = dag({ dagId: "owned", owner: "data-eng" }, () => {
      new EmptyOperator({ taskId: "a" });
      new EmptyOperator({ taskId: "b", owner: "analytics" });
    });
    expect(d.owners).toEqual(["analytics", "data-eng"]);
  });

  test.each([
    [{ dagId: "bad id!" }, "INVALID_ID", "dagId: expected 1-250 characters"],
    [
      { dagId: "x", startDate: "2026-02-01", endDate: "2026-01-01" },
      "START_AFTER_END",
      "is after endDate",
    ],
    [{ dagId: "x", schedule: "61 * * * *" }, "INVALID_CRON", "schedule"],
    [
      { dagId: "x", maxActiveRuns: 0 },
      "INVALID_ARGUMENT",
      'dag "x".maxActiveRuns: expected an integer >= 1, got 0',
    ],
    [
      { dagId: "x", dagrunTimeout: "soon" },
      "INVALID_DURATION",
      'dag "x".dagrunTimeout: expected a duration',
    ],
    [
      { dagId: "x", defaultArgs: { retries: -1 } },
      "INVALID_ARGUMENT",
      'dag "x".defaultArgs.retries: expected an integer >= 0, got -1',
    ],
    [{ dagId: "x", startDate: "yesterday" }, "INVALID_DATE", 'dag "x".startDate'],
    [{ dagId: "x", timezone: "Mars/Olympus" }, "INVALID_TIMEZONE", "Mars/Olympus"],
  ])("rejects %j with %s", (options, code, message) => {
    const error = errorOf(() => dag(options));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});

describe("dag validation", () => {
  test("duplicate task ids are rejected, naming the id and the DAG", () => {
    const error = errorOf(() =>
      dag({ dagId: "dup" }, () => {
        new EmptyOperator({ taskId: "same" });
        new EmptyOperator({ taskId: "same" });
      }),
    );
    expect(error.code).toBe("DUPLICATE_TASK_ID");
    expect(error.message).toBe('task "same": the id is already used in dag "dup"');
  });

  test("a cycle is reported with its path", () => {
    const d = dag({ dagId: "cyclic" }, () => {
      const a = new EmptyOperator({ taskId: "a" });
      const b = new EmptyOperator({ taskId: "b" });
      const c = new EmptyOperator({ taskId: "c" });
      const start = new EmptyOperator({ taskId: "start" });
      start.then(a).then(b).then(c).then(a);
    });
    const error = errorOf(() => d.validate());
    expect(error.code).toBe("DAG_CYCLE");
    expect(error.message).toBe('dag "cyclic": cycle detected: a → b → c → a');
    expect(error.details).toEqual({ dagId: "cyclic", cycle: ["a", "b", "c", "a"] });
  });

  test("a task depending on itself is a cycle", () => {
    const d = dag({ dagId: "self" }, () => {
      const a = new EmptyOperator({ taskId: "a" });
      a.then(a);
    });
    expect(errorOf(() => d.validate()).message).toBe('dag "self": cycle detected: a → a');
  });

  test("an edge to an unknown task id is reported when the DAG is validated", () => {
    const d = dag({ dagId: "unknown" }, () => {
      new EmptyOperator({ taskId: "load" }).after("extract");
    });
    const error = errorOf(() => d.validate());
    expect(error.code).toBe("UNKNOWN_UPSTREAM");
    expect(error.message).toBe('dag "unknown": task "load" is linked to unknown task "extract"');
  });

  test("edges by task id resolve to the tasks once validated", () => {
    const d = dag({ dagId: "by_id" }, () => {
      new EmptyOperator({ taskId: "load" }).after("extract");
      new EmptyOperator({ taskId: "extract" });
    });
    d.validate();
    expect([...d.task("load").upstreamTaskIds]).toEqual(["extract"]);
  });

  test("linking tasks of two DAGs is an error", () => {
    let first!: EmptyOperator;
    dag({ dagId: "one" }, () => {
      first = new EmptyOperator({ taskId: "a" });
    });
    const error = errorOf(() =>
      dag({ dagId: "two" }, () => {
        first.then(new EmptyOperator({ taskId: "b" }));
      }),
    );
    expect(hasErrorCode(error, "UNKNOWN_UPSTREAM")).toBe(true);
    expect(error.message).toContain("more than one DAG");
  });

  test("a task created outside any DAG says how to fix it", () => {
    const error = errorOf(() => new EmptyOperator({ taskId: "orphan" }));
    expect(error.code).toBe("NO_DAG_CONTEXT");
    expect(error.message).toContain("pass { dag }");
  });

  test("topological order breaks ties by task id", () => {
    const d = dag({ dagId: "topo" }, () => {
      const z = new EmptyOperator({ taskId: "z" });
      const a = new EmptyOperator({ taskId: "a" });
      const m = new EmptyOperator({ taskId: "m" });
      z.then(m);
      a.then(m);
    });
    expect(d.validate().topologicalTaskIds()).toEqual(["a", "z", "m"]);
  });
});
