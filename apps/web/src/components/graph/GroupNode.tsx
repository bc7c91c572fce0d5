// An expanded task group in the graph: a labelled box around its tasks, coloured by the group's
// summarised state in the selected run, with a button to fold it into one node.
import type { NodeProps } from "@xyflow/react";
import { stateColor, stateLabel } from "../stateColors";
import type { GraphNode } from "./graphNodeData";

export function GroupNode({ data }: NodeProps<GraphNode>) {
  return (
    <div
      className="graph-group"
      data-state={data.state ?? "none"}
      style={{ borderColor: data.state === null ? undefined : stateColor(data.state) }}
    >
      <div className="graph-group-header">
        <button
          type="button"
          className="ghost small nodrag"
          aria-label={`Collapse ${data.nodeId}`}
          aria-expanded
          title={data.nodeId}
          onClick={() => data.onToggle(data.nodeId)}
        >
          <span aria-hidden>▾</span>
          {data.label}
        </button>
        <span className="muted">{stateLabel(data.state)}</span>
      </div>
    </div>
  );
}
