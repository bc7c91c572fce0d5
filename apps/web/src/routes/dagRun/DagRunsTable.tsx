// A table of runs: id (to the run's page), state, type, the run's times, how long it took and
// what triggered it; across DAGs, the DAG too. Headers of orderable columns sort the list.
import { Link } from "react-router";
import type { DagRun } from "../../api/types";
import { StateBadge } from "../../components/StateBadge";
import { formatDate } from "../../format/formatDate";
import { formatDuration } from "../../format/formatDuration";
import { dagPath, runPath } from "../dag/dagPaths";
import { SortHeader } from "./SortHeader";

export function DagRunsTable({
  runs,
  acrossDags,
  orderBy,
  onOrder,
}: {
  readonly runs: readonly DagRun[];
  readonly acrossDags: boolean;
  readonly orderBy: string;
  readonly onOrder: (orderBy: string) => void;
}) {
  const sort = (label: string, column: string) => (
    <SortHeader label={label} column={column} orderBy={orderBy} onOrder={onOrder} />
  );
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {acrossDags && sort("DAG", "dag_id")}
            {sort("Run ID", "run_id")}
            {sort("State", "state")}
            <th scope="col">Run type</th>
            {sort("Logical date", "logical_date")}
            {sort("Run after", "run_after")}
            {sort("Started", "start_date")}
            {sort("Ended", "end_date")}
            {sort("Duration", "duration")}
            <th scope="col">Triggered by</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={`${run.dag_id}/${run.dag_run_id}`}>
              {acrossDags && (
                <td>
                  <Link to={dagPath(run.dag_id)}>{run.dag_display_name}</Link>
                </td>
              )}
              <td>
                <Link to={runPath(run.dag_id, run.dag_run_id)} className="run-id">
                  {run.dag_run_id}
                </Link>
              </td>
              <td>
                <StateBadge state={run.state} />
              </td>
              <td>{run.run_type.replace(/_/g, " ")}</td>
              <td>{formatDate(run.logical_date)}</td>
              <td>{formatDate(run.run_after)}</td>
              <td>{formatDate(run.start_date)}</td>
              <td>{formatDate(run.end_date)}</td>
              <td>{formatDuration(run.duration)}</td>
              <td>{triggeredBy(run)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "rest_api (admin)": how the run was made and, when a person made it, who. */
function triggeredBy(run: DagRun): string {
  const how = run.triggered_by?.replace(/_/g, " ") ?? "—";
  return run.triggering_user_name === null ? how : `${how} (${run.triggering_user_name})`;
}
