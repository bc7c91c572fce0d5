// The graph view: the DAG's tasks laid out left to right, task groups as boxes that fold into
// one node, each node coloured by the selected run's states (the newest run unless another is
// picked); a node leads to its task instance in that run. Pan and zoom, no editing.
import "@xyflow/react/dist/style.css";
import { Controls, type NodeMouseHandler, type NodeTypes, ReactFlow } from "@xyflow/react";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { isUnfinished, useGridRuns, useGridSummaries } from "../../api/grid";
import { useStructureData } from "../../api/structure";
import type { GridTaskInstanceSummary } from "../../api/types";
import { useLiveEvents } from "../../api/useLiveEvents";
import { taskInstancePath } from "../../routes/dag/dagPaths";
import { EmptyState } from "../EmptyState";
import { ErrorMessage } from "../ErrorMessage";
import { useCollapsedGroups } from "../grid/useCollapsedGroups";
import { Loading } from "../Loading";
import { flowElements } from "./flowElements";
import type { GraphNode } from "./graphNodeData";
import { GroupNode } from "./GroupNode";
import { layoutGraph } from "./layoutGraph";
import { RunPicker } from "./RunPicker";
import { TaskNode } from "./TaskNode";

const NODE_TYPES: NodeTypes = { task: TaskNode, taskGroup: GroupNode };
const PICKER_RUNS = 25;
const NO_STATES: ReadonlyMap<string, GridTaskInstanceSummary> = new Map();

export function GraphView({ dagId }: { readonly dagId: string }) {
  const navigate = useNavigate();
  const structure = useStructureData(dagId);
  const runs = useGridRuns(dagId, PICKER_RUNS);
  const [picked, setPicked] = useState<string | null>(null);
  const runIds = runs.data?.map((run) => run.run_id) ?? [];
  // The picked run while it is still listed; otherwise the newest.
  const runId = picked !== null && runIds.includes(picked) ? picked : (runIds[0] ?? null);
  const summaries = useGridSummaries(dagId, runId);
  // A run still going is followed task instance by task instance, so the colours change live.
  const selected = runs.data?.find((run) => run.run_id === runId);
  const live = selected !== undefined && isUnfinished(selected.state);
  useLiveEvents(live && runId !== null ? { dag_id: dagId, dag_run_id: runId } : null);
  const { collapsed, toggle } = useCollapsedGroups(dagId);

  const layout = useMemo(
    () =>
      structure.data === undefined
        ? null
        : layoutGraph(structure.data.nodes, structure.data.edges, collapsed),
    [structure.data, collapsed],
  );
  const states = useMemo(
    () =>
      summaries.data === undefined || runId === null
        ? NO_STATES
        : new Map(summaries.data.task_instances.map((ti) => [ti.task_id, ti])),
    [summaries.data, runId],
  );
  const elements = useMemo(
    () =>
      layout === null
        ? null
        : flowElements({
            layout,
            states,
            hrefOf: runId === null ? null : (taskId) => taskInstancePath(dagId, runId, taskId),
            onToggle: toggle,
          }),
    [layout, states, runId, dagId, toggle],
  );

  const onNodeClick: NodeMouseHandler<GraphNode> = (event, node) => {
    // The link and buttons inside a node do their own thing.
    if ((event.target as Element).closest("a, button") !== null) return;
    if (node.data.kind === "collapsedGroup") toggle(node.data.nodeId);
    else if (node.data.href !== null) void navigate(node.data.href);
  };

  if (structure.error !== null)
    return <ErrorMessage error={structure.error} title="The graph cannot be shown" />;
  if (elements === null) return <Loading what="the graph" />;
  if (elements.nodes.length === 0) return <EmptyState>This DAG has no tasks.</EmptyState>;
  return (
    <div className="graph-view">
      <div className="toolbar">
        <RunPicker runs={runs.data ?? []} value={runId} onChange={setPicked} />
        {summaries.error !== null && (
          <ErrorMessage error={summaries.error} title="The run's states cannot be shown" />
        )}
      </div>
      <div className="graph-canvas" aria-label="Task graph" role="group">
        <ReactFlow<GraphNode>
          nodes={elements.nodes}
          edges={elements.edges}
          nodeTypes={NODE_TYPES}
          onNodeClick={onNodeClick}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          fitView
          minZoom={0.1}
        >
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}
