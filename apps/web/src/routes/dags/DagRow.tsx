// One DAG in the list: its name (the way to its page), owners, tags (a click filters by one),
// schedule in words and next run, newest runs, the pause switch and the trigger button.
import { Link } from "react-router";
import type { DagWithLatestRuns } from "../../api/types";
import { PauseToggle } from "../../components/PauseToggle";
import { TriggerDagButton } from "../../components/trigger/TriggerDagButton";
import { formatDate } from "../../format/formatDate";
import { scheduleInWords } from "../dag/scheduleInWords";
import { LatestRuns } from "./LatestRuns";

export interface DagRowProps {
  readonly dag: DagWithLatestRuns;
  readonly onTag: (tag: string) => void;
}

export function DagRow({ dag, onTag }: DagRowProps) {
  const nextRun = dag.next_dagrun_run_after ?? dag.next_dagrun_logical_date;
  return (
    <tr data-dag-id={dag.dag_id} className={dag.is_paused ? "dag-row paused" : "dag-row"}>
      <th scope="row" className="dag-name">
        <Link to={`/dags/${encodeURIComponent(dag.dag_id)}`} title={dag.description ?? undefined}>
          {dag.dag_display_name}
        </Link>
        {dag.dag_display_name !== dag.dag_id && (
          <small className="muted dag-id">{dag.dag_id}</small>
        )}
      </th>
      <td>{dag.owners.length > 0 ? dag.owners.join(", ") : <span className="muted">—</span>}</td>
      <td className="dag-tags">
        {dag.tags.map((tag) => (
          <button
            key={tag.name}
            type="button"
            className="tag"
            aria-label={`Filter by tag ${tag.name}`}
            onClick={() => onTag(tag.name)}
          >
            {tag.name}
          </button>
        ))}
      </td>
      <td title={dag.timetable_summary ?? undefined}>{scheduleInWords(dag)}</td>
      <td>
        {nextRun === null ? (
          <span className="muted">—</span>
        ) : (
          <time dateTime={nextRun} className={dag.is_paused ? "muted" : undefined}>
            {formatDate(nextRun)}
          </time>
        )}
      </td>
      <td>
        <LatestRuns runs={dag.latest_dag_runs} />
      </td>
      <td>
        <PauseToggle dag={dag} />
      </td>
      <td className="dag-actions">
        <TriggerDagButton dagId={dag.dag_id} />
      </td>
    </tr>
  );
}
