// The query of GET /dags/{dag_id}/dagRuns, read as Airflow's get_dag_runs reads it: range
// filters `<field>_gte/_gt/_lte/_lt` on run_after, logical_date, start_date, end_date,
// updated_at and duration; repeatable `state` and `run_type`; `run_id_pattern` and (across DAGs)
// `dag_id_pattern`; `conf_contains`; limit, offset and order_by. Unknown parameters are ignored,
// as FastAPI ignores them; a malformed value is a 422 naming it.
import { DagRunState, DagRunType } from "@updraft/sdk";
import type { DagRunDateField, ListDagRunsPageInput } from "@updraft/store";
import { z } from "zod";
import { likePatterns } from "../http/likePatterns";
import { queryDateTime, queryList, queryNumber, queryString } from "../http/queryParams";
import { rangeFilter, rangeFilterShape } from "../http/rangeFilters";
import { parseInput } from "../http/validation";
import { dagRunPage } from "./dagRunOrder";

/** Airflow 3.2's run types: Updraft's, plus asset_materialization (which it never creates). */
export const RUN_TYPES = [...Object.values(DagRunType), "asset_materialization"] as const;
const RUN_STATES = Object.values(DagRunState);
const DATE_FIELDS: readonly DagRunDateField[] = [
  "run_after",
  "logical_date",
  "start_date",
  "end_date",
  "updated_at",
];

/**
 * Filters Updraft has no data for: every run has no DAG version, bundle version, triggering
 * user or partition key, so any value given for them matches no run.
 */
const UNTRACKED = [
  "dag_version",
  "bundle_version",
  "triggering_user_name_pattern",
  "partition_key_pattern",
] as const;

const QUERY = z.object({
  state: queryList(z.enum(RUN_STATES)),
  run_type: queryList(z.enum(RUN_TYPES)),
  run_id_pattern: queryString.optional(),
  dag_id_pattern: queryString.optional(),
  conf_contains: queryString.optional(),
  ...rangeFilterShape(DATE_FIELDS, queryDateTime.optional()),
  ...rangeFilterShape(["duration"], queryNumber.optional()),
});

/**
 * The list `query` asks for, of `dagId`'s runs (null: every DAG's); null when it asks for runs
 * by something no run has.
 */
export function dagRunListQuery(
  query: Readonly<Record<string, unknown>>,
  dagId: string | null,
): ListDagRunsPageInput | null {
  const values = parseInput(QUERY, query, "query");
  const page = dagRunPage(query);
  if (UNTRACKED.some((name) => query[name] !== undefined)) return null;
  return {
    ...page,
    dagIds: dagId === null ? null : [dagId],
    dagIdPatterns: likePatterns(values.dag_id_pattern),
    runIdPatterns: likePatterns(values.run_id_pattern),
    states: values.state.length === 0 ? null : values.state,
    runTypes: values.run_type.length === 0 ? null : values.run_type,
    confContains: values.conf_contains ?? null,
    dateRanges: Object.fromEntries(DATE_FIELDS.map((f) => [f, rangeFilter<Date>(values, f)])),
    duration: rangeFilter<number>(values, "duration"),
  };
}
