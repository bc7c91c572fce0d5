// The run list's filters, read from and written to the address: states (any of), run type, a
// range of run-after times, a run id search, and across DAGs a DAG id search. Changing a filter
// goes back to the first page.
import type { SetURLSearchParams } from "react-router";
import { DAG_RUN_STATES, DAG_RUN_TYPES } from "../../api/types";
import { stateLabel } from "../../components/stateColors";
import { FILTER_PARAMS, hasFilters } from "./dagRunListQuery";

export function DagRunFilters({
  params,
  setParams,
  acrossDags,
}: {
  readonly params: URLSearchParams;
  readonly setParams: SetURLSearchParams;
  readonly acrossDags: boolean;
}) {
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        next.delete("offset");
        return next;
      },
      { replace: true },
    );
  const setValue = (name: string, value: string) =>
    update((next) => (value === "" ? next.delete(name) : next.set(name, value)));
  const states = params.getAll("state");
  const toggleState = (state: string) =>
    update((next) => {
      const chosen = next.getAll("state");
      next.delete("state");
      const kept = chosen.includes(state) ? chosen.filter((s) => s !== state) : [...chosen, state];
      for (const s of kept) next.append("state", s);
    });
  return (
    <div className="toolbar run-filters" role="search" aria-label="Filter runs">
      <fieldset className="run-filter-states">
        <legend>State</legend>
        {DAG_RUN_STATES.map((state) => (
          <label key={state} className="inline">
            <input
              type="checkbox"
              checked={states.includes(state)}
              onChange={() => toggleState(state)}
            />
            {stateLabel(state)}
          </label>
        ))}
      </fieldset>
      <label>
        Run type
        <select
          value={params.get("run_type") ?? ""}
          onChange={(event) => setValue("run_type", event.target.value)}
        >
          <option value="">All types</option>
          {DAG_RUN_TYPES.map((type) => (
            <option key={type} value={type}>
              {type.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      </label>
      <label>
        Run after from
        <input
          type="datetime-local"
          value={params.get("run_after_gte") ?? ""}
          onChange={(event) => setValue("run_after_gte", event.target.value)}
        />
      </label>
      <label>
        Run after to
        <input
          type="datetime-local"
          value={params.get("run_after_lte") ?? ""}
          onChange={(event) => setValue("run_after_lte", event.target.value)}
        />
      </label>
      {acrossDags && (
        <label>
          DAG ID
          <input
            type="search"
            value={params.get("dag_id_pattern") ?? ""}
            onChange={(event) => setValue("dag_id_pattern", event.target.value)}
          />
        </label>
      )}
      <label>
        Run ID
        <input
          type="search"
          value={params.get("run_id_pattern") ?? ""}
          onChange={(event) => setValue("run_id_pattern", event.target.value)}
        />
      </label>
      <button
        type="button"
        className="small"
        disabled={!hasFilters(params)}
        onClick={() => update((next) => FILTER_PARAMS.forEach((name) => next.delete(name)))}
      >
        Clear filters
      </button>
    </div>
  );
}
