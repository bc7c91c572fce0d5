// A run list's filters live in the page's address (so a filtered list can be shared and Back
// undoes a filter); this reads them into the API's query, keeping only values the API accepts.
import type { DagRunListQuery } from "../../api/dagRuns";
import { DAG_RUN_STATES, DAG_RUN_TYPES, type DagRunState, type DagRunType } from "../../api/types";

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_ORDER = "-run_after";

/** The address's filter names: the API's, so the two read the same. */
export const FILTER_PARAMS = [
  "state",
  "run_type",
  "run_after_gte",
  "run_after_lte",
  "run_id_pattern",
  "dag_id_pattern",
] as const;

const isState = (value: string): value is DagRunState =>
  (DAG_RUN_STATES as readonly string[]).includes(value);
const isType = (value: string): value is DagRunType =>
  (DAG_RUN_TYPES as readonly string[]).includes(value);

/** A `datetime-local` input's value (local time, no zone) as an ISO instant; undefined if none. */
export function localDateTimeToIso(value: string | null): string | undefined {
  if (value === null || value.trim() === "") return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function nonNegativeInt(value: string | null): number {
  const parsed = Number(value ?? "0");
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 0;
}

/** The API query `params` stands for (`dag_id_pattern` only where every DAG's runs are listed). */
export function dagRunListQuery(
  params: URLSearchParams,
  options: { readonly acrossDags: boolean },
): DagRunListQuery {
  const limit = Number(params.get("limit"));
  const text = (name: string) => {
    const value = params.get(name)?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  return {
    state: params.getAll("state").filter(isState),
    run_type: params.getAll("run_type").filter(isType),
    run_after_gte: localDateTimeToIso(params.get("run_after_gte")),
    run_after_lte: localDateTimeToIso(params.get("run_after_lte")),
    run_id_pattern: text("run_id_pattern"),
    ...(options.acrossDags ? { dag_id_pattern: text("dag_id_pattern") } : {}),
    order_by: text("order_by") ?? DEFAULT_ORDER,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : PAGE_SIZES[0],
    offset: nonNegativeInt(params.get("offset")),
  };
}

/** Whether any filter is set (the empty list then says "no runs match", not "no runs yet"). */
export function hasFilters(params: URLSearchParams): boolean {
  return FILTER_PARAMS.some((name) => params.getAll(name).some((value) => value.trim() !== ""));
}

/** The next order when a column's header is pressed: ascending first, then flip. */
export function nextOrder(current: string, column: string): string {
  return current === column ? `-${column}` : column;
}
