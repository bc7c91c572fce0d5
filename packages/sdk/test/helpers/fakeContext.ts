// A TaskContext for unit tests: an in-memory XCom store shared by a "run", a fake clock whose
// sleep() advances time instantly, and a log that records lines.
import type { CommandResult, TaskContext, XComPullOptions } from "../../src/context";

export interface FakeRun {
  xcoms: Map<string, unknown>;
  skipped: string[];
  logs: string[];
  clock: { now: number };
  sleeps: number[];
  context(taskId: string, overrides?: Partial<FakeContextOptions>): TaskContext;
}

export interface FakeContextOptions {
  mapIndex: number;
  tryNumber: number;
  firstRescheduleDate: Date | null;
  templateContext: Record<string, unknown>;
  runCommand: (command: string) => CommandResult;
  params: Record<string, unknown>;
}

const key = (taskId: string, mapIndex: number, k: string): string => `${taskId}|${mapIndex}|${k}`;

/** A fake run of `dagId` starting at `start`. */
export function fakeRun(dagId = "test_dag", start = new Date("2026-01-01T00:00:00Z")): FakeRun {
  const run: FakeRun = {
    xcoms: new Map(),
    skipped: [],
    logs: [],
    clock: { now: start.getTime() },
    sleeps: [],
    context(taskId, overrides = {}) {
      const mapIndex = overrides.mapIndex ?? -1;
      const pullOne = (
        id: string,
        k: string,
        mapIndexes: XComPullOptions["mapIndexes"],
      ): unknown => {
        if (typeof mapIndexes === "number") return run.xcoms.get(key(id, mapIndexes, k));
        if (Array.isArray(mapIndexes))
          return mapIndexes.map((i: number) => run.xcoms.get(key(id, i, k)));
        if (run.xcoms.has(key(id, -1, k))) return run.xcoms.get(key(id, -1, k));
        // A mapped upstream: every map index, in order.
        const mapped: unknown[] = [];
        for (let i = 0; run.xcoms.has(key(id, i, k)); i++)
          mapped.push(run.xcoms.get(key(id, i, k)));
        return mapped.length > 0 ? mapped : undefined;
      };
      const controller = new AbortController();
      return {
        dagId,
        taskId,
        runId: "manual__2026-01-01T00:00:00+00:00",
        mapIndex,
        tryNumber: overrides.tryNumber ?? 1,
        logicalDate: start,
        dataIntervalStart: start,
        dataIntervalEnd: start,
        params: overrides.params ?? {},
        conf: {},
        signal: controller.signal,
        templateContext: overrides.templateContext ?? {},
        log: {
          info: (m) => run.logs.push(`INFO ${m}`),
          warn: (m) => run.logs.push(`WARN ${m}`),
          error: (m) => run.logs.push(`ERROR ${m}`),
        },
        runtime: {
          now: () => new Date(run.clock.now),
          sleep: (ms) => {
            run.sleeps.push(ms);
            run.clock.now += ms;
            return Promise.resolve();
          },
          runCommand: ({ command }) =>
            Promise.resolve(
              (overrides.runCommand ?? (() => ({ exitCode: 0, lastLine: "" })))(command),
            ),
        },
        ti: {
          dagId,
          taskId,
          runId: "manual__2026-01-01T00:00:00+00:00",
          mapIndex,
          tryNumber: overrides.tryNumber ?? 1,
          maxTries: 0,
          startDate: new Date(run.clock.now),
          firstRescheduleDate: overrides.firstRescheduleDate ?? null,
          xcomPull: ({ taskIds, key: k = "return_value", mapIndexes, default: fallback }) => {
            const value =
              typeof taskIds === "string"
                ? pullOne(taskIds, k, mapIndexes)
                : taskIds.map((id) => pullOne(id, k, mapIndexes));
            return Promise.resolve(value === undefined ? fallback : value);
          },
          xcomPush: (k, value) => {
            run.xcoms.set(key(taskId, mapIndex, k), value);
            return Promise.resolve();
          },
          skipTasks: (ids) => {
            run.skipped.push(...ids);
            return Promise.resolve();
          },
        },
      };
    },
  };
  return run;
}
