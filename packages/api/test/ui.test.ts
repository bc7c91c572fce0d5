// The web UI's grid and graph data: the task tree (groups with their tasks), the graph's edges,
// the newest runs, and one run's cells — a mapped task and a group summarised by their states.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { processDagsFolder } from "@updraft/scheduler";
import { useApi } from "./support/apiTest";

const folder = mkdtempSync(path.join(tmpdir(), "updraft-api-ui-"));
const api = useApi({ dagsFolder: folder });

beforeAll(async () => {
  cpSync(path.join(__dirname, "fixtures", "ui"), folder, { recursive: true });
  const report = await processDagsFolder(api().client, {
    dagsFolder: folder,
    pausedByDefault: false,
  });
  const errors = await api().client.query("select stack_trace from import_error");
  if (!report.dagIds.includes("grid_dag")) throw new Error(JSON.stringify(errors.rows));
  const { client } = api();
  await client.query(
    `insert into dag_run (dag_id, run_id, run_type, run_after, state, start_date)
     values ('grid_dag', 'manual__1', 'manual', now() - interval '1 hour', 'success', now() - interval '1 hour'),
            ('grid_dag', 'manual__2', 'manual', now(), 'running', now())`,
  );
  await client.query(
    `insert into task_instance (dag_id, run_id, task_id, map_index, state, try_number) values
       ('grid_dag', 'manual__2', 'extract', -1, 'success', 1),
       ('grid_dag', 'manual__2', 'load.each', 0, 'success', 1),
       ('grid_dag', 'manual__2', 'load.each', 1, 'failed', 2),
       ('grid_dag', 'manual__2', 'load.each', 2, 'running', 1),
       ('grid_dag', 'manual__2', 'load.check', -1, null, 0),
       ('grid_dag', 'manual__2', 'report', -1, null, 0)`,
  );
});

describe("the ui endpoints", () => {
  test("grid structure: the task tree, groups with their tasks in order", async () => {
    const res = await api().as("Viewer").get("/api/v2/ui/grid/structure/grid_dag");
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: "extract",
        label: "extract",
        children: null,
        is_mapped: false,
        setup_teardown_type: null,
      },
      {
        id: "load",
        label: "load",
        is_mapped: false,
        setup_teardown_type: null,
        children: [
          {
            id: "load.each",
            label: "each",
            children: null,
            is_mapped: true,
            setup_teardown_type: null,
          },
          {
            id: "load.check",
            label: "check",
            children: null,
            is_mapped: false,
            setup_teardown_type: null,
          },
        ],
      },
      {
        id: "report",
        label: "report",
        children: null,
        is_mapped: false,
        setup_teardown_type: null,
      },
    ]);
  });

  test("graph structure: nodes and task-level edges", async () => {
    const res = await api().as("Viewer").get("/api/v2/ui/structure/structure_data?dag_id=grid_dag");
    expect(res.status).toBe(200);
    expect((res.body.nodes as { id: string; type: string }[]).map((n) => [n.id, n.type])).toEqual([
      ["extract", "task"],
      ["load", "task_group"],
      ["report", "task"],
    ]);
    const edges = (res.body.edges as { source_id: string; target_id: string }[])
      .map((e) => `${e.source_id}→${e.target_id}`)
      .sort();
    expect(edges).toEqual(["extract→load.each", "load.check→report", "load.each→load.check"]);
  });

  test("grid runs: newest first, with durations", async () => {
    const res = await api().as("Viewer").get("/api/v2/ui/grid/runs/grid_dag?limit=5");
    expect(res.status).toBe(200);
    expect(
      (res.body as { run_id: string; state: string }[]).map((r) => [r.run_id, r.state]),
    ).toEqual([
      ["manual__2", "running"],
      ["manual__1", "success"],
    ]);
  });

  test("ti summaries: a mapped task and its group show the most telling state and the counts", async () => {
    const res = await api().as("Viewer").get("/api/v2/ui/grid/ti_summaries/grid_dag/manual__2");
    expect(res.status).toBe(200);
    const cells = Object.fromEntries(
      (res.body.task_instances as { task_id: string }[]).map((c) => [c.task_id, c]),
    );
    expect(cells.extract).toMatchObject({ state: "success", child_states: null, task_count: 1 });
    expect(cells["load.each"]).toMatchObject({
      state: "failed",
      child_states: { success: 1, failed: 1, running: 1 },
      task_count: 3,
      try_number: 2,
    });
    expect(cells.load).toMatchObject({
      state: "failed",
      child_states: { success: 1, failed: 1, running: 1, no_status: 1 },
      task_count: 4,
    });
    expect(cells.report).toMatchObject({ state: null, task_count: 1 });
  });

  test("unknown DAGs and runs are 404, a token is needed", async () => {
    expect((await api().as("Viewer").get("/api/v2/ui/grid/structure/nope")).status).toBe(404);
    expect(
      (await api().as("Viewer").get("/api/v2/ui/grid/ti_summaries/grid_dag/nope")).status,
    ).toBe(404);
    expect((await api().as("Viewer").get("/api/v2/ui/structure/structure_data")).status).toBe(422);
  });
});
