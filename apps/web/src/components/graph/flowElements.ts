// The laid-out graph as React Flow's nodes and edges: positions made relative to the parent
// group (React Flow's convention), the selected run's states and links added.
import type { Edge } from "@xyflow/react";
import type { GridTaskInstanceSummary } from "../../api/types";
import type { GraphNode, GraphNodeData } from "./graphNodeData";
import type { GraphLayout } from "./layoutGraph";

export interface FlowElementsInput {
  readonly layout: GraphLayout;
  /** The selected run's cells by task or group id (empty without a run). */
  readonly states: ReadonlyMap<string, GridTaskInstanceSummary>;
  /** The task instance page of a task in the selected run; null without a run. */
  readonly hrefOf: ((taskId: string) => string) | null;
  readonly onToggle: (groupId: string) => void;
}

export function flowElements(input: FlowElementsInput): { nodes: GraphNode[]; edges: Edge[] } {
  const { layout, states, hrefOf, onToggle } = input;
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const nodes = layout.nodes.map((n): GraphNode => {
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    const summary = states.get(n.id);
    const data: GraphNodeData = {
      nodeId: n.id,
      kind: n.kind,
      label: n.label,
      operator: n.operator,
      isMapped: n.isMapped,
      state: summary?.state ?? null,
      taskCount: summary === undefined ? null : summary.task_count,
      href: n.kind === "task" && hrefOf !== null ? hrefOf(n.id) : null,
      onToggle,
    };
    return {
      id: n.id,
      type: n.kind === "group" ? "taskGroup" : "task",
      position: { x: n.x - (parent?.x ?? 0), y: n.y - (parent?.y ?? 0) },
      parentId: parent?.id,
      width: n.width,
      height: n.height,
      data,
      draggable: false,
      connectable: false,
      selectable: false,
      // The links and buttons inside are the keyboard's way in; the box need not be a stop.
      focusable: false,
    };
  });
  const edges = layout.edges.map((e): Edge => ({
    id: e.id,
    source: e.source,
    target: e.target,
    focusable: false,
  }));
  return { nodes, edges };
}
