// The graph view's layout, pure: the DAG's task tree and edges in, a box per visible node out,
// left to right as Airflow draws DAGs. dagre ranks and orders the tasks (keeping a group's tasks
// together); each expanded group is then drawn as the box around its children with room for its
// name, and a collapsed group is one node that stands for everything inside it.
import { graphlib, layout } from "@dagrejs/dagre";
import type { StructureEdge, StructureNode } from "../../api/types";

export const NODE_HEIGHT = 52;
export const GROUP_HEADER = 30;
export const GROUP_PADDING = 16;
const MIN_NODE_WIDTH = 150;
/** Rough widths of a character of the node's name and of its second line (operator, state). */
const NAME_CHAR = 7.6;
const META_CHAR = 6.4;
/** The longest state name the second line shows ("up for reschedule"), and a gap. */
const META_STATE_CHARS = 19;

export type LaidOutKind = "task" | "group" | "collapsedGroup";

export interface LaidOutNode {
  readonly id: string;
  readonly kind: LaidOutKind;
  readonly label: string;
  readonly operator: string | null;
  readonly isMapped: boolean;
  /** The expanded group the node is drawn in; null at the top level. */
  readonly parentId: string | null;
  /** Top-left corner, absolute (React Flow wants it relative to the parent: subtract). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaidOutEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export interface GraphLayout {
  /** Parents before their children, in the DAG's order. */
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
  readonly width: number;
  readonly height: number;
}

interface Placed {
  readonly node: StructureNode;
  readonly parentId: string | null;
  readonly kind: LaidOutKind;
}

/** Wide enough for the name (with a mapped count) and for the operator beside any state. */
function nodeWidth(node: StructureNode): number {
  const name = (node.label.length + (node.is_mapped === true ? 6 : 0)) * NAME_CHAR;
  const meta = ((node.operator ?? "Task group").length + META_STATE_CHARS) * META_CHAR;
  return Math.max(MIN_NODE_WIDTH, Math.ceil(Math.max(name, meta)) + 32);
}

/** The visible nodes in pre-order, and for every task the visible node that stands for it. */
function visibleNodes(nodes: readonly StructureNode[], collapsed: ReadonlySet<string>) {
  const placed: Placed[] = [];
  const shownAs = new Map<string, string>();
  const hide = (node: StructureNode, as: string) => {
    shownAs.set(node.id, as);
    node.children?.forEach((child) => hide(child, as));
  };
  const walk = (list: readonly StructureNode[], parentId: string | null) => {
    for (const node of list) {
      if (node.children === null) {
        placed.push({ node, parentId, kind: "task" });
        shownAs.set(node.id, node.id);
      } else if (collapsed.has(node.id) || node.children.length === 0) {
        placed.push({ node, parentId, kind: "collapsedGroup" });
        hide(node, node.id);
      } else {
        placed.push({ node, parentId, kind: "group" });
        shownAs.set(node.id, node.id);
        walk(node.children, node.id);
      }
    }
  };
  walk(nodes, null);
  return { placed, shownAs };
}

/** The edges between visible nodes: each end moved to what shows it, loops and repeats dropped. */
function visibleEdges(
  edges: readonly StructureEdge[],
  shownAs: ReadonlyMap<string, string>,
): LaidOutEdge[] {
  const seen = new Map<string, LaidOutEdge>();
  for (const edge of edges) {
    const source = shownAs.get(edge.source_id);
    const target = shownAs.get(edge.target_id);
    if (source === undefined || target === undefined || source === target) continue;
    const id = `${source}->${target}`;
    if (!seen.has(id)) seen.set(id, { id, source, target });
  }
  return [...seen.values()];
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function layoutGraph(
  nodes: readonly StructureNode[],
  edges: readonly StructureEdge[],
  collapsed: ReadonlySet<string> = new Set(),
): GraphLayout {
  const { placed, shownAs } = visibleNodes(nodes, collapsed);
  const laidEdges = visibleEdges(edges, shownAs);
  const graph = new graphlib.Graph({ compound: true, multigraph: false });
  graph.setGraph({ rankdir: "LR", nodesep: 48, ranksep: 70, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const { node, parentId, kind } of placed) {
    if (kind === "group") graph.setNode(node.id, {});
    else graph.setNode(node.id, { width: nodeWidth(node), height: NODE_HEIGHT });
    if (parentId !== null) graph.setParent(node.id, parentId);
  }
  for (const edge of laidEdges) graph.setEdge(edge.source, edge.target);
  layout(graph);

  // Leaves where dagre put them (dagre gives centres); groups around their children, innermost first.
  const boxes = new Map<string, Box>();
  for (const { node, kind } of placed) {
    if (kind === "group") continue;
    const {
      x = 0,
      y = 0,
      width,
      height,
    } = graph.node(node.id) as {
      x?: number;
      y?: number;
      width: number;
      height: number;
    };
    boxes.set(node.id, { x: x - width / 2, y: y - height / 2, width, height });
  }
  for (const { node, kind } of [...placed].reverse()) {
    if (kind !== "group") continue;
    const inner = (node.children ?? []).map((child) => boxes.get(child.id)).filter(isBox);
    const left = Math.min(...inner.map((b) => b.x)) - GROUP_PADDING;
    const top = Math.min(...inner.map((b) => b.y)) - GROUP_PADDING - GROUP_HEADER;
    const right = Math.max(...inner.map((b) => b.x + b.width)) + GROUP_PADDING;
    const bottom = Math.max(...inner.map((b) => b.y + b.height)) + GROUP_PADDING;
    boxes.set(node.id, { x: left, y: top, width: right - left, height: bottom - top });
  }

  const all = [...boxes.values()];
  const minX = Math.min(0, ...all.map((b) => b.x));
  const minY = Math.min(0, ...all.map((b) => b.y));
  const laidNodes = placed.map(({ node, parentId, kind }): LaidOutNode => {
    const box = boxes.get(node.id) ?? { x: 0, y: 0, width: 0, height: 0 };
    return {
      id: node.id,
      kind,
      label: node.label,
      operator: node.operator,
      isMapped: node.is_mapped === true,
      parentId,
      x: box.x - minX,
      y: box.y - minY,
      width: box.width,
      height: box.height,
    };
  });
  return {
    nodes: laidNodes,
    edges: laidEdges,
    width: Math.max(0, ...laidNodes.map((n) => n.x + n.width)),
    height: Math.max(0, ...laidNodes.map((n) => n.y + n.height)),
  };
}

const isBox = (box: Box | undefined): box is Box => box !== undefined;
