// Every DAG's runs (Airflow's /dag_runs page, over GET /dags/~/dagRuns), filtered, ordered and
// paged; runs starting and finishing show without a reload.
import { useLiveEvents } from "../../api/useLiveEvents";
import { DagRunList } from "./DagRunList";

const EVERY_RUN = {};

export function DagRunsPage() {
  useLiveEvents(EVERY_RUN);
  return (
    <section className="page">
      <div className="page-header">
        <h1>DAG runs</h1>
      </div>
      <DagRunList dagId={null} />
    </section>
  );
}
