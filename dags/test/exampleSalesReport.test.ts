// The example DAG is loaded the way the scheduler loads it, and its tasks are run in order.
import path from "node:path";
import { loadDagBag } from "@updraft/runtime";
import { fakeTaskRun } from "@updraft/sdk/testing";

const bag = loadDagBag(path.join(__dirname, ".."));

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
    const run = fakeTaskRun({ dagId: "example_sales_report", params: { minimumSale: 50000 } });
    const announced = await run.run(dag.task("announce"));
    expect(announced.renderedFields.bashCommand).toBe(
      'echo "sales report for 2026-01-01 (run manual__2026-01-01T00:00:00+00:00)"',
    );
    await run.run(dag.task("fetch_sales"));
    await run.run(dag.task("dealerships"));
    const totals = [];
    for (const mapIndex of [0, 1])
      totals.push((await run.run(dag.task("summarise"), { mapIndex })).returnValue);
    expect(totals).toEqual([
      { dealership: "Centro", total: 137000 },
      { dealership: "Zona Sul", total: 61000 },
    ]);
    await run.run(dag.task("outcome.big_sale"));
    expect(run.skipped).toEqual(["outcome.quiet_day"]);
  });
});
