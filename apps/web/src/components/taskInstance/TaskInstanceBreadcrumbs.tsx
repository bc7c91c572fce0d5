// Where a task instance sits: its DAG, its run, its task (and its map index), each a link.
import { Link } from "react-router";
import { dagPath, runPath, taskInstancePath } from "../../routes/dag/dagPaths";

export interface TaskInstanceBreadcrumbsProps {
  readonly dagId: string;
  readonly dagDisplayName?: string;
  readonly runId: string;
  readonly taskId: string;
  readonly mapIndex: number;
}

export function TaskInstanceBreadcrumbs(props: TaskInstanceBreadcrumbsProps) {
  const { dagId, runId, taskId, mapIndex } = props;
  const mapped = mapIndex >= 0;
  return (
    <nav aria-label="Breadcrumbs" className="breadcrumbs">
      <ol>
        <li>
          <Link to={dagPath(dagId)}>{props.dagDisplayName ?? dagId}</Link>
        </li>
        <li>
          <Link to={runPath(dagId, runId)}>{runId}</Link>
        </li>
        <li>
          <Link
            to={taskInstancePath(dagId, runId, taskId)}
            aria-current={mapped ? undefined : "page"}
          >
            {taskId}
          </Link>
        </li>
        {mapped && (
          <li>
            <Link to={taskInstancePath(dagId, runId, taskId, mapIndex)} aria-current="page">
              Map index {mapIndex}
            </Link>
          </li>
        )}
      </ol>
    </nav>
  );
}
