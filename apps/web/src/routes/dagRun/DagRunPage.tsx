// One DAG run: its facts, how far it has got, its task instances, and (User and above) the
// actions on it. Task instance changes show live.
import { Link, useParams } from "react-router";
import { useDagRun } from "../../api/dagRuns";
import { useLiveEvents } from "../../api/useLiveEvents";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { StateBadge } from "../../components/StateBadge";
import { dagPath } from "../dag/dagPaths";
import { RunActions } from "./RunActions";
import { RunDetails } from "./RunDetails";
import { RunProgress } from "./RunProgress";
import { RunTaskInstancesTable } from "./RunTaskInstancesTable";

export function DagRunPage() {
  const { dagId = "", runId = "" } = useParams();
  useLiveEvents({ dag_id: dagId, dag_run_id: runId });
  const run = useDagRun(dagId, runId);
  return (
    <section className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/dags">DAGs</Link> /{" "}
        <Link to={dagPath(dagId)}>{run.data?.dag_display_name ?? dagId}</Link> /{" "}
        <Link to={dagPath(dagId, "runs")}>Runs</Link>
      </nav>
      <div className="page-header">
        <h1>
          Run <span className="run-id">{runId}</span>
        </h1>
        {run.data !== undefined && <StateBadge state={run.data.state} />}
      </div>
      {run.error !== null ? (
        <ErrorMessage error={run.error} title="The run cannot be shown" />
      ) : run.data === undefined ? (
        <Loading what="the run" />
      ) : (
        <>
          <RunActions run={run.data} />
          <RunProgress dagId={dagId} runId={runId} />
          <RunDetails run={run.data} />
          <section aria-labelledby="run-task-instances">
            <h2 id="run-task-instances">Task instances</h2>
            <RunTaskInstancesTable dagId={dagId} runId={runId} />
          </section>
        </>
      )}
    </section>
  );
}
