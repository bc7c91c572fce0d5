// The example DAG is loaded the way the scheduler loads it, and its tasks are run in order.
import path from "node:path";
import { executeTask, type TaskContext } from "@updraft/sdk";
import { loadDagBag } from "@updraft/runtime";

const bag = loadDagBag(path.join(__dirname, ".."));

function runContext() {
  const xcoms = new Map<string, unknown>();
  const skipped: string[] = [];
  const context = (taskId: string, mapIndex = -1): TaskContext => ({
    dagId: "example_sales_report",
    taskId,
    runId: "manual__2026-01-02T09:00:00+00:00",
    mapIndex,
    tryNumber: 1,
    logicalDate: null,
    dataIntervalStart: null,
    dataIntervalEnd: null,
    params: { minimumSale: 50000 },
    conf: {},
    signal: new AbortController().signal,
    templateContext: {},
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    runtime: {
      now: () => new Date(),
      sleep: () => Promise.resolve(),
      runCommand: () => Promise.resolve({ exitCode: 0, lastLine: "" }),
    },
    ti: {
      dagId: "example_sales_report",
      taskId,
      runId: "r",
      mapIndex,
      tryNumber: 1,
      maxTries: 2,
      startDate: new Date(),
      firstRescheduleDate: null,
      xcomPull: ({ taskIds }) => {
        const id = taskIds as string;
        if (xcoms.has(`${id}|-1`)) return Promise.resolve(xcoms.get(`${id}|-1`));
        const all: unknown[] = [];
        for (let i = 0; xcoms.has(`${id}|${i}`); i++) all.push(xcoms.get(`${id}|${i}`));
        return Promise.resolve(all.length > 0 ? all : undefined);
      },
      xcomPush: (_key, value) => {
        xcoms.set(`${taskId}|${mapIndex}`, value);
        return Promise.resolve();
      },
      skipTasks: (ids) => {
        skipped.push(...ids);
        return Promise.resolve();
      },
    },
  });
  return { context, xcoms, skipped };
}

describe("example_sales_report", () => {
  test("loads without import errors", () => {
    expect(bag.importErrors).toEqual([]);
    expect(bag.dags.has("example_sales_report")).toBe(true);
  });

  test("has the structure the README describes", () => {
    const { serialized } = bag.dags.get("example_sales_report")!;
    const tasks = Object.fromEntries(serialized.dag.tasks.map((t) => [t.task_id, t]));
    expect(Object.keys(tasks).sort()).toEqual([
      "announce",
      "dealerships",
      "done",
      "fetch_sales",
      "outcome.big_sale",
      "outcome.celebrate",
      "outcome.quiet_day",
      "summarise",
    ]);
    expect(tasks["summarise"]!.is_mapped).toBe(true);
    expect(tasks["summarise"]!.upstream_task_ids).toEqual(["dealerships", "fetch_sales"]);
    expect(serialized.dag.timetable_description).toBe("At 06:00");
    expect(tasks["fetch_sales"]!.retries).toBe(2);
  });

  test("its tasks run: one summary per dealership, and the branch picks celebrate", async () => {
    const dag = bag.dags.get("example_sales_report")!.dag;
    const run = runContext();
    await executeTask(dag.task("fetch_sales"), run.context("fetch_sales"));
    await executeTask(dag.task("dealerships"), run.context("dealerships"));
    const totals = [];
    for (const mapIndex of [0, 1])
      totals.push(
        (await executeTask(dag.task("summarise"), run.context("summarise", mapIndex))).returnValue,
      );
    expect(totals).toEqual([
      { dealership: "Centro", total: 137000 },
      { dealership: "Zona Sul", total: 61000 },
    ]);
    await executeTask(dag.task("outcome.big_sale"), run.context("outcome.big_sale"));
    expect(run.skipped).toEqual(["outcome.quiet_day"]);
  });
});
