// A DAG's page: the header, then the view the address names — grid (the default), graph, runs,
// code or details. Runs and task instances of the DAG update live, and so does the header (its
// DAG is cached under "dags", which run events and pausing refresh).
import { Link, Route, Routes, useParams } from "react-router";
import { useDag } from "../../api/dags";
import { useLiveEvents } from "../../api/useLiveEvents";
import { EmptyState } from "../../components/EmptyState";
import { ErrorMessage } from "../../components/ErrorMessage";
import { GraphView } from "../../components/graph/GraphView";
import { Grid } from "../../components/grid/Grid";
import { Loading } from "../../components/Loading";
import { DagCodeTab } from "./DagCodeTab";
import { DagDetailsTab } from "./DagDetailsTab";
import { DagHeader } from "./DagHeader";
import { DagRunsTab } from "./DagRunsTab";
import { DagTabs } from "./DagTabs";

export function DagPage() {
  const { dagId = "" } = useParams();
  useLiveEvents({ dag_id: dagId });
  const dag = useDag(dagId);
  if (dag.error !== null)
    return (
      <section className="page">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to="/dags">DAGs</Link> / {dagId}
        </nav>
        <ErrorMessage error={dag.error} title={`The DAG ${dagId} cannot be shown`} />
      </section>
    );
  if (dag.data === undefined) return <Loading what="the DAG" />;
  return (
    <section className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/dags">DAGs</Link> / {dagId}
      </nav>
      <DagHeader dag={dag.data} />
      <DagTabs dagId={dagId} />
      <Routes>
        <Route index element={<Grid dagId={dagId} />} />
        <Route path="graph" element={<GraphView dagId={dagId} />} />
        <Route path="runs" element={<DagRunsTab dagId={dagId} />} />
        <Route
          path="code"
          element={
            <DagCodeTab dagId={dagId} fileloc={dag.data.relative_fileloc ?? dag.data.fileloc} />
          }
        />
        <Route path="details" element={<DagDetailsTab dagId={dagId} />} />
        <Route path="*" element={<EmptyState>This DAG has no such view.</EmptyState>} />
      </Routes>
    </section>
  );
}
