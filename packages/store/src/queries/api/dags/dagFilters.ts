// The filters of the API's DAG lists (GET /dags and the bulk PATCH /dags), as one SQL fragment
// shared by the list and the bulk update, so both select exactly the same DAGs.
import type { DagRunState } from "@updraft/sdk";
import { DAG_DISPLAY_NAME_SQL } from "./dagResponseRow";

/** Which DAGs a list or bulk update takes; an omitted field does not filter. */
export interface DagFilters {
  /** Leave out DAGs whose file no longer defines them. @default true */
  readonly excludeStale?: boolean;
  readonly paused?: boolean | null;
  readonly hasImportErrors?: boolean | null;
  /** ILIKE patterns on dag_id; a DAG matching any of them is taken. */
  readonly dagIdPatterns?: readonly string[] | null;
  /** ILIKE patterns on the display name; any of them. */
  readonly dagDisplayNamePatterns?: readonly string[] | null;
  /** Tag names; an empty list does not filter. */
  readonly tags?: readonly string[];
  /** "any" (the default): at least one of `tags`; "all": every one of them. */
  readonly tagsMatchMode?: "any" | "all";
  /** ILIKE patterns on the owners text ("a, b"); any of them. */
  readonly ownerPatterns?: readonly string[];
  /** Only DAGs whose latest started run is in this state. */
  readonly lastDagRunState?: DagRunState | null;
}

/**
 * `from … where …` selecting the DAGs (aliased `d`) that match the filters in parameters
 * $1..$10 (see dagFilterParams), with `serialized_dag` as `sd` and the DAG's latest started run
 * as `lr` (state, start_date; only looked up when $10 is true). The latest run is the one with
 * the greatest run_after, which the (dag_id, run_after) index finds without reading the DAG's
 * other runs (Airflow takes the greatest id, its own "simplifying assumption").
 */
export const FILTERED_DAGS_SQL = `
  from dag d
  left join serialized_dag sd on sd.dag_id = d.dag_id
  left join lateral (
    select r.state, r.start_date from dag_run r
    where $10::boolean and r.dag_id = d.dag_id and r.start_date is not null
    order by r.run_after desc, r.id desc
    limit 1
  ) lr on true
  where (not $1::boolean or not d.is_stale)
    and ($2::boolean is null or d.is_paused = $2::boolean)
    and ($3::boolean is null or d.has_import_errors = $3::boolean)
    and ($4::text[] is null or d.dag_id ilike any($4::text[]))
    and ($5::text[] is null or ${DAG_DISPLAY_NAME_SQL} ilike any($5::text[]))
    and (cardinality($6::text[]) = 0 or case when $7::text = 'all'
      then not exists (
        select 1 from unnest($6::text[]) wanted(name)
        where not exists (select 1 from dag_tag t where t.dag_id = d.dag_id and t.name = wanted.name))
      else exists (select 1 from dag_tag t where t.dag_id = d.dag_id and t.name = any($6::text[]))
      end)
    and (cardinality($8::text[]) = 0 or d.owners ilike any($8::text[]))
    and ($9::text is null or lr.state = $9::text)`;

/** Parameters $1..$10 of FILTERED_DAGS_SQL; `needLastRun` also when ordering by the last run. */
export function dagFilterParams(filters: DagFilters, needLastRun = false): unknown[] {
  const lastDagRunState = filters.lastDagRunState ?? null;
  return [
    filters.excludeStale ?? true,
    filters.paused ?? null,
    filters.hasImportErrors ?? null,
    filters.dagIdPatterns ?? null,
    filters.dagDisplayNamePatterns ?? null,
    filters.tags ?? [],
    filters.tagsMatchMode ?? "any",
    filters.ownerPatterns ?? [],
    lastDagRunState,
    needLastRun || lastDagRunState !== null,
  ];
}
