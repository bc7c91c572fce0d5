// The data the web UI's grid and graph views read (Airflow 3's private `ui` endpoints, under
// /api/v2/ui as Airflow serves them beside the public API; not part of the public spec):
// - GET /ui/structure/structure_data?dag_id=  — the graph: nodes (tasks, groups) and edges;
// - GET /ui/grid/structure/{dag_id}           — the grid's rows: the task tree;
// - GET /ui/grid/runs/{dag_id}                — the grid's columns: the newest runs;
// - GET /ui/grid/ti_summaries/{dag_id}/{run_id} — one column's cells: a state per task and per
//   group, mapped tasks and groups summarised (child_states, task_count);
// - GET /ui/auth/me                            — the caller's username and role.
import { getDagRun, getSerializedDag, gridRuns, gridTaskInstances } from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import { principalOf } from "../auth/authenticate";
import type { ApiContext } from "../context";
import { notFound } from "../http/apiError";
import { pathSegment } from "../http/pathSegment";
import { parseInput } from "../http/validation";
import { apiDate } from "../serialize/datetime";
import { stateCounts, summaryState } from "../ui/stateSummary";
import { leafIds, taskEdges, type TreeNode, taskTree } from "../ui/taskTree";

const dagNotFound = (dagId: string) => `The Dag with ID: \`${dagId}\` was not found`;

const runsQuery = z
  .object({
    limit: z.coerce.number().int().min(0).max(1000).default(10),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const structureQuery = z.object({ dag_id: z.string().min(1) }).strict();

interface GridNode {
  readonly id: string;
  readonly label: string;
  readonly children: GridNode[] | null;
  readonly is_mapped: boolean;
  readonly setup_teardown_type: null;
}

const gridNode = (node: TreeNode): GridNode => ({
  id: node.id,
  label: node.label,
  children: node.children === null ? null : node.children.map(gridNode),
  is_mapped: node.isMapped,
  setup_teardown_type: null,
});

export function uiRoutes(ctx: ApiContext): Router {
  const router = Router();
  const serialized = async (dagId: string) => {
    const row = await getSerializedDag(ctx.client, { dagId });
    if (row === null) throw notFound(dagNotFound(dagId));
    return row.data;
  };

  // Who the UI is talking for, so it can show only the buttons the role allows (Airflow 3.1's
  // /ui/auth/me, with the role added; the API checks the role on every call regardless).
  router.get("/ui/auth/me", (req, res) => {
    const { username, role } = principalOf(req);
    res.set("Cache-Control", "no-store").json({ username, role });
  });

  router.get("/ui/structure/structure_data", async (req, res) => {
    const { dag_id: dagId } = parseInput(structureQuery, req.query, "query");
    const dag = await serialized(dagId);
    const node = (n: TreeNode): Record<string, unknown> => ({
      id: n.id,
      label: n.label,
      type: n.type,
      children: n.children === null ? null : n.children.map(node),
      is_mapped: n.isMapped,
      tooltip: n.tooltip,
      setup_teardown_type: null,
      operator: n.operator,
      asset_condition_type: null,
    });
    res.json({
      nodes: taskTree(dag).map(node),
      edges: taskEdges(dag).map((e) => ({
        source_id: e.source,
        target_id: e.target,
        is_setup_teardown: null,
        label: null,
        is_source_asset: null,
      })),
    });
  });

  router.get("/ui/grid/structure/:dag_id", async (req, res) => {
    res.json(taskTree(await serialized(pathSegment(req.params.dag_id))).map(gridNode));
  });

  router.get("/ui/grid/runs/:dag_id", async (req, res) => {
    const dagId = pathSegment(req.params.dag_id);
    const query = parseInput(runsQuery, req.query, "query");
    await serialized(dagId);
    const runs = await gridRuns(ctx.client, { dagId, limit: query.limit, offset: query.offset });
    res.json(
      runs.map((run) => ({
        dag_id: dagId,
        run_id: run.runId,
        queued_at: apiDate(run.queuedAt),
        start_date: apiDate(run.startDate),
        end_date: apiDate(run.endDate),
        run_after: apiDate(run.runAfter),
        state: run.state,
        run_type: run.runType,
        has_missed_deadline: false,
        duration:
          run.startDate === null
            ? null
            : ((run.endDate ?? new Date()).getTime() - run.startDate.getTime()) / 1000,
      })),
    );
  });

  router.get("/ui/grid/ti_summaries/:dag_id/:run_id", async (req, res) => {
    const dagId = pathSegment(req.params.dag_id);
    const runId = pathSegment(req.params.run_id);
    const tree = taskTree(await serialized(dagId));
    if ((await getDagRun(ctx.client, { dagId, runId })) === null)
      throw notFound(`The DagRun with dag_id: \`${dagId}\` and run_id: \`${runId}\` was not found`);
    const instances = await gridTaskInstances(ctx.client, { dagId, runId });
    const byTask = new Map<string, typeof instances>();
    for (const ti of instances) byTask.set(ti.taskId, [...(byTask.get(ti.taskId) ?? []), ti]);
    const cells: Record<string, unknown>[] = [];
    const summarise = (node: TreeNode): void => {
      const own = leafIds(node).flatMap((id) => byTask.get(id) ?? []);
      const states = own.map((ti) => ti.state);
      const several = node.children !== null || node.isMapped;
      const starts = own
        .map((ti) => ti.startDate?.getTime())
        .filter((t): t is number => t !== undefined);
      const ends = own
        .map((ti) => ti.endDate?.getTime())
        .filter((t): t is number => t !== undefined);
      const single = own.length === 1 && !several ? own[0] : undefined;
      cells.push({
        task_id: node.id,
        try_number: single?.tryNumber ?? Math.max(0, ...own.map((ti) => ti.tryNumber)),
        start_date: starts.length === 0 ? null : apiDate(new Date(Math.min(...starts))),
        end_date: ends.length === 0 ? null : apiDate(new Date(Math.max(...ends))),
        queued_dttm: apiDate(single?.queuedAt ?? null),
        child_states: several ? stateCounts(states) : null,
        task_count: own.length,
        state: several ? summaryState(states) : (single?.state ?? null),
        note: single?.note ?? null,
      });
      node.children?.forEach(summarise);
    };
    tree.forEach(summarise);
    res.json({ dag_id: dagId, run_id: runId, task_instances: cells });
  });
  return router;
}
