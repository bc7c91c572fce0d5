// A task in the graph (or a collapsed group standing for its tasks): its id and operator, the
// border in the selected run's state colour, a link to the task instance page.
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { Link } from "react-router";
import { stateColor, stateLabel } from "../stateColors";
import type { GraphNode } from "./graphNodeData";

export function TaskNode({ data }: NodeProps<GraphNode>) {
  const collapsedGroup = data.kind === "collapsedGroup";
  const name = (
    <>
      {data.label}
      {(data.isMapped || collapsedGroup) && data.taskCount !== null && ` [${data.taskCount}]`}
    </>
  );
  return (
    <div
      className="graph-node"
      data-state={data.state ?? "none"}
      data-kind={data.kind}
      style={{ borderColor: data.state === null ? undefined : stateColor(data.state) }}
      title={`${data.nodeId}\nState: ${stateLabel(data.state)}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="graph-node-name">
        {collapsedGroup ? (
          <button
            type="button"
            className="ghost small nodrag"
            aria-label={`Expand ${data.nodeId}`}
            aria-expanded={false}
            onClick={() => data.onToggle(data.nodeId)}
          >
            <span aria-hidden>▸</span>
            {name}
          </button>
        ) : data.href === null ? (
          <span>{name}</span>
        ) : (
          <Link
            to={data.href}
            className="nodrag"
            aria-label={`${data.nodeId}: ${stateLabel(data.state)}`}
          >
            {name}
          </Link>
        )}
      </div>
      <div className="graph-node-meta">
        <span>{collapsedGroup ? "Task group" : (data.operator ?? "")}</span>
        <span>{stateLabel(data.state)}</span>
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}
