// A DAG's newest runs as state dots, oldest left and newest right (as Airflow's list draws them),
// each a link to its run with the state and run id as its name and tooltip.
import { Link } from "react-router";
import type { DagRun } from "../../api/types";
import { StateDot } from "../../components/StateBadge";
import { stateLabel } from "../../components/stateColors";
import { formatDate } from "../../format/formatDate";

export function LatestRuns({ runs }: { readonly runs: readonly DagRun[] }) {
  if (runs.length === 0) return <span className="muted">No runs yet</span>;
  const newest = runs[0];
  return (
    <div className="latest-runs">
      <ul className="latest-run-dots" aria-label="Latest runs, oldest first">
        {[...runs].reverse().map((run) => (
          <li key={run.dag_run_id}>
            <Link
              to={`/dags/${encodeURIComponent(run.dag_id)}/runs/${encodeURIComponent(run.dag_run_id)}`}
            >
              <StateDot
                state={run.state}
                title={`${stateLabel(run.state)}: ${run.dag_run_id} (${formatDate(run.run_after)})`}
              />
            </Link>
          </li>
        ))}
      </ul>
      {newest !== undefined && (
        <small className="muted latest-run-date">{formatDate(newest.run_after)}</small>
      )}
    </div>
  );
}
