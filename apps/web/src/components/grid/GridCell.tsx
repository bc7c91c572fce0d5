// One task (or group) in one run: a square in Airflow's state colour, a link to the task
// instance page (a group's cell to the run's page), the details on hover.
import { Link } from "react-router";
import type { GridNode, GridTaskInstanceSummary } from "../../api/types";
import { runPath, taskInstancePath } from "../../routes/dag/dagPaths";
import { stateColor, stateLabel } from "../stateColors";
import { cellTooltip } from "./cellTooltip";

export function GridCell({
  dagId,
  runId,
  node,
  summary,
}: {
  readonly dagId: string;
  readonly runId: string;
  readonly node: GridNode;
  /** Undefined while the run's cells load. */
  readonly summary: GridTaskInstanceSummary | undefined;
}) {
  const isGroup = node.children !== null;
  const state = summary?.state ?? null;
  return (
    <td className="grid-cell-wrap">
      <Link
        to={isGroup ? runPath(dagId, runId) : taskInstancePath(dagId, runId, node.id)}
        className="grid-cell"
        data-state={state ?? "none"}
        data-group={isGroup ? "" : undefined}
        aria-label={`${node.id} in ${runId}: ${stateLabel(state)}`}
        title={cellTooltip(node.id, summary, { isGroup, isMapped: node.is_mapped })}
        style={{ background: stateColor(state) }}
      />
    </td>
  );
}
