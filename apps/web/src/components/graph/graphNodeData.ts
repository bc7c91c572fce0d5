// What each node of the graph view draws: its layout box plus the selected run's state and where
// clicking it goes. Shared by the node components and the code that builds React Flow's nodes.
import type { Node } from "@xyflow/react";
import type { TaskInstanceState } from "../../api/types";
import type { LaidOutKind } from "./layoutGraph";

export type GraphNodeData = {
  readonly nodeId: string;
  readonly kind: LaidOutKind;
  readonly label: string;
  readonly operator: string | null;
  readonly isMapped: boolean;
  /** The selected run's state of the task (summarised for a group); null: no status. */
  readonly state: TaskInstanceState | null;
  /** Instances of a mapped task or a group in the selected run. */
  readonly taskCount: number | null;
  /** The task instance page in the selected run; null without a run, or for a group. */
  readonly href: string | null;
  readonly onToggle: (groupId: string) => void;
};

export type GraphNode = Node<GraphNodeData, "task" | "taskGroup">;
