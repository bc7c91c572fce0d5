// The Details tab: what the DAG file declares — schedule, dates, limits, owners, tags, file,
// params, default args — and its documentation rendered from Markdown.
import type { ReactNode } from "react";
import { useDagDetails } from "../../api/dagSource";
import type { DagDetails } from "../../api/types";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { formatDate } from "../../format/formatDate";
import { formatDuration } from "../../format/formatDuration";
import { DagDocs } from "./DagDocs";
import { DagParamsTable } from "./DagParamsTable";
import { isoDurationSeconds } from "./isoDurationSeconds";
import { scheduleInWords } from "./scheduleInWords";

function Fact({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function facts(dag: DagDetails): [string, ReactNode][] {
  const timeout = isoDurationSeconds(dag.dag_run_timeout);
  return [
    ["Schedule", dag.timetable_summary === null ? "None" : <code>{dag.timetable_summary}</code>],
    ["Schedule in words", scheduleInWords(dag)],
    ["Next run", formatDate(dag.next_dagrun_run_after)],
    ["Catchup", dag.catchup ? "Yes" : "No"],
    ["Start date", formatDate(dag.start_date)],
    ["End date", formatDate(dag.end_date)],
    ["Timezone", dag.timezone ?? "—"],
    ["Max active runs", dag.max_active_runs ?? "—"],
    ["Max active tasks", dag.max_active_tasks],
    ["Dag run timeout", timeout === null ? "None" : formatDuration(timeout)],
    ["Owners", dag.owners.join(", ") || "—"],
    [
      "Tags",
      dag.tags.length === 0
        ? "—"
        : dag.tags.map((tag) => (
            <span key={tag.name} className="tag">
              {tag.name}
            </span>
          )),
    ],
    ["File", <code key="file">{dag.relative_fileloc ?? dag.fileloc}</code>],
    ["Last parsed", formatDate(dag.last_parsed_time)],
  ];
}

export function DagDetailsTab({ dagId }: { readonly dagId: string }) {
  const details = useDagDetails(dagId);
  if (details.error !== null)
    return <ErrorMessage error={details.error} title="The DAG's details cannot be shown" />;
  if (details.data === undefined) return <Loading what="the DAG's details" />;
  const dag = details.data;
  const defaultArgs = Object.entries(dag.default_args ?? {});
  return (
    <div className="dag-details">
      {dag.doc_md !== null && dag.doc_md.trim() !== "" && (
        <section className="card" aria-labelledby="dag-docs">
          <h2 id="dag-docs">Documentation</h2>
          <DagDocs docMd={dag.doc_md} />
        </section>
      )}
      <section className="card" aria-labelledby="dag-facts">
        <h2 id="dag-facts">DAG</h2>
        <dl className="facts">
          {facts(dag).map(([term, value]) => (
            <Fact key={term} term={term}>
              {value}
            </Fact>
          ))}
        </dl>
      </section>
      <section aria-labelledby="dag-params">
        <h2 id="dag-params">Params</h2>
        <DagParamsTable params={dag.params} />
      </section>
      <section aria-labelledby="dag-default-args">
        <h2 id="dag-default-args">Default args</h2>
        {defaultArgs.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Default args">
              <tbody>
                {defaultArgs.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">
                      <code>{name}</code>
                    </th>
                    <td>
                      <code>{JSON.stringify(value)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
