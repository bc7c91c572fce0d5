// The run's task instances, a page at a time: each task links to its instance's page (a mapped
// instance to its own index), with state, try, start, duration and operator.
import { useState } from "react";
import { Link } from "react-router";
import { useRunTaskInstances } from "../../api/dagRuns";
import { EmptyState } from "../../components/EmptyState";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { StateBadge } from "../../components/StateBadge";
import { formatDate } from "../../format/formatDate";
import { formatDuration } from "../../format/formatDuration";
import { taskInstancePath } from "../dag/dagPaths";
import { Pagination } from "../../components/Pagination";

const PAGE = 50;

export function RunTaskInstancesTable({
  dagId,
  runId,
}: {
  readonly dagId: string;
  readonly runId: string;
}) {
  const [offset, setOffset] = useState(0);
  const instances = useRunTaskInstances(dagId, runId, { limit: PAGE, offset });
  if (instances.error !== null)
    return <ErrorMessage error={instances.error} title="The task instances cannot be listed" />;
  if (instances.data === undefined) return <Loading what="task instances" />;
  if (instances.data.task_instances.length === 0)
    return <EmptyState>This run has no task instances yet.</EmptyState>;
  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-label="Task instances">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Map index</th>
              <th scope="col">State</th>
              <th scope="col">Try</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Operator</th>
            </tr>
          </thead>
          <tbody>
            {instances.data.task_instances.map((ti) => (
              <tr key={`${ti.task_id}/${ti.map_index}`}>
                <td>
                  <Link to={taskInstancePath(dagId, runId, ti.task_id, ti.map_index)}>
                    {ti.task_display_name}
                  </Link>
                </td>
                <td>{ti.map_index < 0 ? "—" : (ti.rendered_map_index ?? ti.map_index)}</td>
                <td>
                  <StateBadge state={ti.state} />
                </td>
                <td>{ti.try_number}</td>
                <td>{formatDate(ti.start_date)}</td>
                <td>{formatDuration(ti.duration)}</td>
                <td>{ti.operator_name ?? ti.operator ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        offset={offset}
        limit={PAGE}
        total={instances.data.total_entries}
        onOffset={setOffset}
        label="Task instances"
      />
    </>
  );
}
