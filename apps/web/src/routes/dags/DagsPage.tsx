// The DAGs list (Airflow 3's home page): every DAG with its owners, tags, schedule, next run,
// newest runs, pause switch and trigger button; filters in the address; files that fail to load
// in a banner above. Runs starting and finishing update the state dots live.
import { useSearchParams } from "react-router";
import { useRecentDagRuns } from "../../api/dags";
import { useLiveEvents } from "../../api/useLiveEvents";
import { EmptyState } from "../../components/EmptyState";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { Pagination } from "../../components/Pagination";
import { DagsFilters } from "./DagsFilters";
import { dagsListQuery, hasDagFilters } from "./dagsListQuery";
import { DagsTable } from "./DagsTable";
import { ImportErrorsBanner } from "./ImportErrorsBanner";

const EVERY_RUN = {};

export function DagsPage() {
  const [params, setParams] = useSearchParams();
  const query = dagsListQuery(params);
  const dags = useRecentDagRuns(query);
  useLiveEvents(EVERY_RUN);
  const filtered = hasDagFilters(params);
  const set = (name: string, value: string | null, keepOffset = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        if (!keepOffset) next.delete("offset");
        return next;
      },
      { replace: name !== "offset" },
    );
  const addTag = (tag: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!next.getAll("tags").includes(tag)) next.append("tags", tag);
      next.delete("offset");
      return next;
    });
  const clearFilters = () => setParams(new URLSearchParams());
  const list = dags.data?.dags ?? [];
  const total = dags.data?.total_entries ?? 0;
  return (
    <section className="page dags-page">
      <div className="page-header">
        <h1>DAGs</h1>
        {dags.data !== undefined && (
          <span className="muted" aria-live="polite">
            {total === 1 ? "1 DAG" : `${total} DAGs`}
            {filtered ? " match" : ""}
          </span>
        )}
      </div>
      <ImportErrorsBanner />
      <DagsFilters params={params} setParams={setParams} />
      {dags.error !== null ? (
        <ErrorMessage error={dags.error} title="The DAGs cannot be listed" />
      ) : dags.data === undefined ? (
        <Loading what="DAGs" />
      ) : list.length === 0 ? (
        filtered ? (
          <EmptyState>
            <p>No DAG matches these filters.</p>
            <button type="button" onClick={clearFilters}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState>
            <p>
              <strong>No DAGs yet.</strong>
            </p>
            <p>
              Updraft loads every <code>.ts</code> file in the DAGs folder (<code>./dags</code>{" "}
              unless <code>UPDRAFT_DAGS_FOLDER</code> or <code>AIRFLOW__CORE__DAGS_FOLDER</code>{" "}
              names another) and lists its DAGs here once the scheduler has read it. A file that
              fails to load shows above with its error.
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <DagsTable
            dags={list}
            orderBy={query.order_by ?? ""}
            onOrder={(orderBy) => set("order_by", orderBy)}
            onTag={addTag}
          />
          <Pagination
            offset={query.offset}
            limit={query.limit}
            total={total}
            onOffset={(offset) => set("offset", offset === 0 ? null : String(offset), true)}
            label="DAGs"
          />
        </>
      )}
    </section>
  );
}
