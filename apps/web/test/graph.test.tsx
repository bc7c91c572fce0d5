// The graph view: the layout (pure: left to right along edges, groups around their tasks,
// collapsed groups standing for their tasks) and the rendered nodes, coloured by the selected
// run's states and leading to that run's task instances.
import { deserialize, serialize } from "node:v8";
import { configure, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { StructureNode } from "../src/api/types";
import { GROUP_HEADER, type LaidOutNode, layoutGraph } from "../src/components/graph/layoutGraph";
import { installFakeApi } from "./support/fakeApi";
import { answerDagPage, DAG_ID, NEW_RUN, OLD_RUN, STRUCTURE } from "./support/dagPageFixtures";
import { renderApp } from "./support/renderApp";

// The first render of the whole App can take more than a second on a busy machine.
configure({ asyncUtilTimeout: 5000 });

// dagre clones with structuredClone, which browsers and Node have and jest's jsdom leaves out.
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
// React Flow reads the viewport's zoom from DOMMatrixReadOnly (m22) on pointer events: React
// Flow's own testing guide stands it in for jsdom this way.
class ViewportMatrix {
  readonly m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? "")?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}
Object.assign(window, { DOMMatrixReadOnly: window.DOMMatrixReadOnly ?? ViewportMatrix });

const byId = (nodes: readonly LaidOutNode[]) => new Map(nodes.map((n) => [n.id, n]));
const overlaps = (a: LaidOutNode, b: LaidOutNode) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutGraph", () => {
  test("places every task left of its downstream tasks", () => {
    const layout = layoutGraph(STRUCTURE.nodes, STRUCTURE.edges);
    const nodes = byId(layout.nodes);
    for (const edge of STRUCTURE.edges) {
      const source = nodes.get(edge.source_id)!;
      const target = nodes.get(edge.target_id)!;
      expect(source.x + source.width).toBeLessThan(target.x);
    }
    expect(layout.edges.map((e) => e.id)).toEqual([
      "extract->transform.clean",
      "transform.clean->transform.join",
      "transform.join->load",
    ]);
  });

  test("draws an expanded group around its tasks, with room for its name", () => {
    const layout = layoutGraph(STRUCTURE.nodes, STRUCTURE.edges);
    const nodes = byId(layout.nodes);
    const group = nodes.get("transform")!;
    expect(group.kind).toBe("group");
    for (const id of ["transform.clean", "transform.join"]) {
      const child = nodes.get(id)!;
      expect(child.parentId).toBe("transform");
      expect(child.x).toBeGreaterThan(group.x);
      expect(child.y).toBeGreaterThanOrEqual(group.y + GROUP_HEADER);
      expect(child.x + child.width).toBeLessThan(group.x + group.width);
      expect(child.y + child.height).toBeLessThan(group.y + group.height);
    }
    // Parents come before their children (React Flow needs them first).
    expect(layout.nodes.map((n) => n.id)).toEqual([
      "extract",
      "transform",
      "transform.clean",
      "transform.join",
      "load",
    ]);
    // Nothing outside the group overlaps it; nothing has negative coordinates.
    expect(overlaps(group, nodes.get("extract")!)).toBe(false);
    expect(overlaps(group, nodes.get("load")!)).toBe(false);
    expect(Math.min(...layout.nodes.map((n) => Math.min(n.x, n.y)))).toBeGreaterThanOrEqual(0);
    expect(layout.width).toBe(Math.max(...layout.nodes.map((n) => n.x + n.width)));
  });

  test("a collapsed group is one node: its tasks' edges move to it, loops and repeats go", () => {
    const fanIn = [...STRUCTURE.edges, { source_id: "extract", target_id: "transform.join" }];
    const layout = layoutGraph(STRUCTURE.nodes, fanIn, new Set(["transform"]));
    expect(layout.nodes.map((n) => [n.id, n.kind])).toEqual([
      ["extract", "task"],
      ["transform", "collapsedGroup"],
      ["load", "task"],
    ]);
    expect(layout.edges.map((e) => e.id)).toEqual(["extract->transform", "transform->load"]);
    const nodes = byId(layout.nodes);
    expect(nodes.get("extract")!.x).toBeLessThan(nodes.get("transform")!.x);
    expect(nodes.get("transform")!.x).toBeLessThan(nodes.get("load")!.x);
  });

  test("parallel tasks share a rank without overlapping, and nested groups nest", () => {
    const task = (id: string): StructureNode => ({
      id,
      label: id.split(".").at(-1)!,
      type: "task",
      children: null,
      is_mapped: false,
      tooltip: null,
      operator: "EmptyOperator",
    });
    const group = (id: string, children: StructureNode[]): StructureNode => ({
      ...task(id),
      type: "task_group",
      operator: null,
      children,
    });
    const nodes = [
      task("start"),
      group("g", [task("g.a"), group("g.inner", [task("g.inner.b"), task("g.inner.c")])]),
      task("end"),
    ];
    const edges = [
      { source_id: "start", target_id: "g.a" },
      { source_id: "start", target_id: "g.inner.b" },
      { source_id: "start", target_id: "g.inner.c" },
      { source_id: "g.a", target_id: "end" },
      { source_id: "g.inner.b", target_id: "end" },
      { source_id: "g.inner.c", target_id: "end" },
    ];
    const layout = byId(layoutGraph(nodes, edges).nodes);
    const [b, c] = [layout.get("g.inner.b")!, layout.get("g.inner.c")!];
    expect(b.x).toBe(c.x);
    expect(overlaps(b, c)).toBe(false);
    const inner = layout.get("g.inner")!;
    const outer = layout.get("g")!;
    expect(inner.parentId).toBe("g");
    expect(inner.y).toBeGreaterThan(outer.y + GROUP_HEADER - 1);
    expect(inner.x + inner.width).toBeLessThan(outer.x + outer.width);
    expect(overlaps(inner, layout.get("g.a")!)).toBe(false);
  });
});

describe("the graph view", () => {
  const api = installFakeApi();
  beforeEach(() => answerDagPage(api));
  const nodeOf = (taskId: string) =>
    document.querySelector<HTMLElement>(
      `.react-flow__node[data-id="${taskId}"] .graph-node, .react-flow__node[data-id="${taskId}"] .graph-group`,
    );

  test("colours each node by the newest run's states and links it to that run's instance", async () => {
    renderApp(api, `/dags/${DAG_ID}/graph`, "Viewer");
    const clean = await screen.findByRole("link", { name: "transform.clean: failed" });
    expect(clean).toHaveAttribute(
      "href",
      `/dags/${DAG_ID}/runs/${encodeURIComponent(NEW_RUN)}/tasks/transform.clean`,
    );
    expect(screen.getByLabelText("Run")).toHaveValue(NEW_RUN);
    expect(nodeOf("transform.clean")).toHaveStyle({ borderColor: "red" });
    expect(nodeOf("transform.join")).toHaveStyle({ borderColor: "orange" });
    expect(nodeOf("transform")).toHaveStyle({ borderColor: "red" });
    expect(nodeOf("extract")).toHaveTextContent("PythonOperator");
    expect(nodeOf("load")).toHaveTextContent("load [3]");
    expect(nodeOf("load")).toHaveStyle({ borderColor: "lime" });
  });

  test("picking another run recolours the nodes and retargets their links", async () => {
    renderApp(api, `/dags/${DAG_ID}/graph`, "Viewer");
    await screen.findByRole("link", { name: "transform.clean: failed" });
    await userEvent.selectOptions(screen.getByLabelText("Run"), OLD_RUN);
    const clean = await screen.findByRole("link", { name: "transform.clean: success" });
    expect(clean).toHaveAttribute(
      "href",
      `/dags/${DAG_ID}/runs/${encodeURIComponent(OLD_RUN)}/tasks/transform.clean`,
    );
    expect(nodeOf("transform.clean")).toHaveStyle({ borderColor: "green" });
  });

  test("a group folds into one node coloured by its summary, and unfolds", async () => {
    renderApp(api, `/dags/${DAG_ID}/graph`, "Viewer");
    // fireEvent: user-event's mousedown has no `view`, which the canvas's pan handler (d3) reads.
    fireEvent.click(await screen.findByRole("button", { name: "Collapse transform" }));
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: "transform.clean: failed" })).toBeNull(),
    );
    expect(nodeOf("transform")).toHaveTextContent("transform [2]");
    expect(nodeOf("transform")).toHaveStyle({ borderColor: "red" });
    fireEvent.click(screen.getByRole("button", { name: "Expand transform" }));
    expect(await screen.findByRole("link", { name: "transform.clean: failed" })).toBeVisible();
  });

  test("clicking a node opens its task instance in the selected run", async () => {
    renderApp(api, `/dags/${DAG_ID}/graph`, "Viewer");
    await screen.findByRole("link", { name: "extract: success" });
    fireEvent.click(nodeOf("extract")!.querySelector(".graph-node-meta")!);
    // The graph is gone and the task instance page asks for that run's `extract`.
    await waitFor(() => expect(screen.queryByLabelText("Task graph")).toBeNull());
    const instancePath = `/api/v2/dags/${DAG_ID}/dagRuns/${NEW_RUN}/taskInstances/extract`;
    await waitFor(() =>
      expect(api.calls.some((call) => call.path.startsWith(instancePath))).toBe(true),
    );
  });

  test("a DAG without runs still draws its tasks, uncoloured and without links", async () => {
    api.on(`GET /api/v2/ui/grid/runs/${DAG_ID}`, () => []);
    renderApp(api, `/dags/${DAG_ID}/graph`, "Viewer");
    await waitFor(() => expect(nodeOf("extract")).not.toBeNull());
    expect(nodeOf("extract")).toHaveAttribute("data-state", "none");
    expect(screen.queryByRole("link", { name: /^extract/ })).toBeNull();
    expect(screen.getByLabelText("Run")).toBeDisabled();
  });
});
