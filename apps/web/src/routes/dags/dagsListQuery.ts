// The DAGs list's filters live in the address, under the API's own names (so a filtered list can
// be shared, and Back undoes a filter): dag_id_pattern, tags (repeated), tags_match_mode,
// paused, order_by, offset. This reads them into the API's query, keeping only what it accepts.
import type { DagListQuery } from "../../api/dags";

export const DAGS_PAGE_SIZE = 25;
export const DEFAULT_DAG_ORDER = "dag_display_name";

/** The address's filter names (changing one goes back to the first page). */
export const DAG_FILTER_PARAMS = ["dag_id_pattern", "tags", "tags_match_mode", "paused"] as const;

/** Which DAGs the All / Active / Paused switch shows. */
export type PausedFilter = "all" | "active" | "paused";

export function pausedFilterOf(params: URLSearchParams): PausedFilter {
  const paused = params.get("paused");
  return paused === "true" ? "paused" : paused === "false" ? "active" : "all";
}

function offsetOf(params: URLSearchParams): number {
  const offset = Number(params.get("offset") ?? "0");
  return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** The API query the address stands for. */
export function dagsListQuery(params: URLSearchParams): DagListQuery {
  const pattern = params.get("dag_id_pattern")?.trim() ?? "";
  const tags = [...new Set(params.getAll("tags").filter((tag) => tag !== ""))];
  const paused = pausedFilterOf(params);
  const order = params.get("order_by");
  return {
    ...(pattern === "" ? {} : { dag_id_pattern: pattern }),
    ...(tags.length === 0 ? {} : { tags }),
    ...(tags.length > 1 && params.get("tags_match_mode") === "all"
      ? { tags_match_mode: "all" as const }
      : {}),
    ...(paused === "all" ? {} : { paused: paused === "paused" }),
    order_by: order === `-${DEFAULT_DAG_ORDER}` ? order : DEFAULT_DAG_ORDER,
    limit: DAGS_PAGE_SIZE,
    offset: offsetOf(params),
  };
}

/** Whether any filter is set (an empty list then says "no DAG matches", not "no DAGs yet"). */
export function hasDagFilters(params: URLSearchParams): boolean {
  return DAG_FILTER_PARAMS.some((name) => params.getAll(name).some((value) => value !== ""));
}
