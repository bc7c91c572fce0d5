// The top of the DAG page: its name and description, tags, owners, schedule in words and next
// run, and the DAG's own controls (the pause switch, Trigger).
import type { Dag } from "../../api/types";
import { PauseToggle } from "../../components/PauseToggle";
import { TriggerDagButton } from "../../components/trigger/TriggerDagButton";
import { formatDate } from "../../format/formatDate";
import { scheduleInWords } from "./scheduleInWords";

export function DagHeader({ dag }: { readonly dag: Dag }) {
  return (
    <header className="dag-header">
      <div className="page-header">
        <h1>{dag.dag_display_name}</h1>
        {dag.dag_display_name !== dag.dag_id && <code className="muted">{dag.dag_id}</code>}
        <PauseToggle dag={dag} />
        <span className="spacer" />
        <TriggerDagButton dagId={dag.dag_id} label="Trigger" />
      </div>
      {dag.description !== null && dag.description !== "" && (
        <p className="dag-description">{dag.description}</p>
      )}
      <dl className="dag-summary">
        <div>
          <dt>Schedule</dt>
          <dd title={dag.timetable_summary ?? undefined}>{scheduleInWords(dag)}</dd>
        </div>
        <div>
          <dt>Next run</dt>
          <dd>{dag.is_paused ? "Paused" : formatDate(dag.next_dagrun_run_after)}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{dag.owners.join(", ") || "—"}</dd>
        </div>
        {dag.tags.length > 0 && (
          <div>
            <dt>Tags</dt>
            <dd>
              {dag.tags.map((tag) => (
                <span key={tag.name} className="tag">
                  {tag.name}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
