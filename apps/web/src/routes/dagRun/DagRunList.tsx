// A filtered, ordered, paged list of runs: one DAG's (the DAG page's Runs tab) or every DAG's
// (the Runs page). The filters, order and page live in the address.
import { useSearchParams } from "react-router";
import { useDagRuns } from "../../api/dagRuns";
import { EmptyState } from "../../components/EmptyState";
import { ErrorMessage } from "../../components/ErrorMessage";
import { Loading } from "../../components/Loading";
import { DagRunFilters } from "./DagRunFilters";
import { dagRunListQuery, hasFilters, PAGE_SIZES } from "./dagRunListQuery";
import { DagRunsTable } from "./DagRunsTable";
import { Pagination } from "../../components/Pagination";

/** `dagId` null: every DAG's runs. */
export function DagRunList({ dagId }: { readonly dagId: string | null }) {
  const [params, setParams] = useSearchParams();
  const acrossDags = dagId === null;
  const query = dagRunListQuery(params, { acrossDags });
  const runs = useDagRuns(dagId ?? "~", query);
  // One navigation per change: several setParams calls in one event would not compose.
  const set = (changes: Readonly<Record<string, string | null>>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(changes))
        if (value === null) next.delete(name);
        else next.set(name, value);
      return next;
    });
  return (
    <div className="run-list">
      <DagRunFilters params={params} setParams={setParams} acrossDags={acrossDags} />
      {runs.error !== null ? (
        <ErrorMessage error={runs.error} title="The runs cannot be listed" />
      ) : runs.data === undefined ? (
        <Loading what="runs" />
      ) : runs.data.dag_runs.length === 0 ? (
        <EmptyState>
          {hasFilters(params)
            ? "No runs match these filters."
            : acrossDags
              ? "No DAG has run yet."
              : "This DAG has no runs yet. Use Trigger above to start one."}
        </EmptyState>
      ) : (
        <>
          <DagRunsTable
            runs={runs.data.dag_runs}
            acrossDags={acrossDags}
            orderBy={query.order_by ?? ""}
            onOrder={(orderBy) => set({ order_by: orderBy, offset: null })}
          />
          <div className="toolbar">
            <label className="inline">
              Runs per page
              <select
                value={query.limit}
                onChange={(event) => set({ limit: event.target.value, offset: null })}
              >
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
            <span className="spacer" />
            <Pagination
              offset={query.offset}
              limit={query.limit}
              total={runs.data.total_entries}
              label="DAG runs"
              onOffset={(offset) => set({ offset: offset === 0 ? null : String(offset) })}
            />
          </div>
        </>
      )}
    </div>
  );
}
