// A run's facts: state, type, dates and data interval, how long it took, who triggered it, its
// conf as JSON and its note.
import type { ReactNode } from "react";
import type { DagRun } from "../../api/types";
import { elapsedSeconds } from "../../components/grid/elapsedSeconds";
import { StateBadge } from "../../components/StateBadge";
import { formatDate } from "../../format/formatDate";
import { formatDuration } from "../../format/formatDuration";

export function RunDetails({ run }: { readonly run: DagRun }) {
  const duration = run.duration ?? elapsedSeconds(run.start_date, run.end_date);
  const facts: [string, ReactNode][] = [
    ["State", <StateBadge key="state" state={run.state} />],
    ["Run type", run.run_type.replace(/_/g, " ")],
    ["Logical date", formatDate(run.logical_date)],
    [
      "Data interval",
      run.data_interval_start === null
        ? "—"
        : `${formatDate(run.data_interval_start)} → ${formatDate(run.data_interval_end)}`,
    ],
    ["Run after", formatDate(run.run_after)],
    ["Queued at", formatDate(run.queued_at)],
    ["Started", formatDate(run.start_date)],
    ["Ended", formatDate(run.end_date)],
    ["Duration", formatDuration(duration)],
    [
      "Triggered by",
      `${run.triggered_by?.replace(/_/g, " ") ?? "—"}${
        run.triggering_user_name === null ? "" : ` (${run.triggering_user_name})`
      }`,
    ],
  ];
  return (
    <section className="card" aria-labelledby="run-details">
      <h2 id="run-details">Details</h2>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term} className="fact">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>Conf</h3>
      <pre className="code" aria-label="Run conf">
        {JSON.stringify(run.conf ?? {}, null, 2)}
      </pre>
      {run.note !== null && run.note !== "" && (
        <>
          <h3>Note</h3>
          <p className="run-note">{run.note}</p>
        </>
      )}
    </section>
  );
}
