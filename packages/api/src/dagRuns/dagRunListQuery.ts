// The query of GET /dags/{dag_id}/dagRuns, read as Airflow's get_dag_runs reads it: range
// filters `<field>_gte/_gt/_lte/_lt` on run_after, logical_date, start_date, end_date,
// updated_at and duration; repeatable `state` and `run_type`; `run_id_pattern` and (across DAGs)
// `dag_id_pattern`; `conf_contains`; limit, offset and order_by. Unknown parameters are ignored,
// as FastAPI ignores them; a malformed value is a 422 naming it.
import { DagRunState, DagRunType } from "@updraft/sdk";
import type { DagRunDateField, DagRunRange, ListDagRunsPageInput } from "@updraft/store";
import { z } from "zod";
import { parseInput } from "../http/validation";
import { dagRunPage } from "./dagRunOrder";
import { dateTimeInput } from "./dateTimeInput";
import { likePatterns } from "./likePatterns";

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
const BOUNDS = ["gte", "gt", "lte", "lt"] as const;

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

/** The last of a repeated scalar parameter (`?a=1&a=2` is 2). */
const last = (value: unknown): unknown => (Array.isArray(value) ? value.at(-1) : value);
/** A repeatable parameter as a list (`?state=a` is one value). */
const list = (value: unknown): unknown =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

const text = z.preprocess(last, z.string().optional());
const number = z.preprocess(
  last,
  z
    .string()
    .regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i, "Input should be a valid number")
    .transform(Number)
    .optional(),
);
const dateBound = z.preprocess(last, dateTimeInput({ aware: false }).optional());

const shape: Record<string, z.ZodType> = {
  state: z.preprocess(list, z.array(z.enum(RUN_STATES)).optional()),
  run_type: z.preprocess(list, z.array(z.enum(RUN_TYPES)).optional()),
  run_id_pattern: text,
  dag_id_pattern: text,
  conf_contains: text,
};
for (const field of DATE_FIELDS) for (const bound of BOUNDS) shape[`${field}_${bound}`] = dateBound;
for (const bound of BOUNDS) shape[`duration_${bound}`] = number;

const QUERY = z.object(shape);

function range<T>(values: Readonly<Record<string, unknown>>, field: string): DagRunRange<T> {
  const bounds: Partial<Record<(typeof BOUNDS)[number], T>> = {};
  for (const bound of BOUNDS) {
    const value = values[`${field}_${bound}`];
    if (value !== undefined) bounds[bound] = value as T;
  }
  return bounds;
}

/**
 * The list `query` asks for, of `dagId`'s runs (null: every DAG's); null when it asks for runs
 * by something no run has.
 */
export function dagRunListQuery(
  query: Readonly<Record<string, unknown>>,
  dagId: string | null,
): ListDagRunsPageInput | null {
  const values = parseInput(QUERY, query, "query") as Record<string, unknown>;
  const page = dagRunPage(query);
  if (UNTRACKED.some((name) => query[name] !== undefined)) return null;
  const pattern = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? likePatterns(value) : null;
  };
  const states = values.state as string[] | undefined;
  const runTypes = values.run_type as string[] | undefined;
  return {
    ...page,
    dagIds: dagId === null ? null : [dagId],
    dagIdPatterns: pattern("dag_id_pattern"),
    runIdPatterns: pattern("run_id_pattern"),
    states: states === undefined || states.length === 0 ? null : states,
    runTypes: runTypes === undefined || runTypes.length === 0 ? null : runTypes,
    confContains: (values.conf_contains as string | undefined) ?? null,
    dateRanges: Object.fromEntries(DATE_FIELDS.map((f) => [f, range<Date>(values, f)])),
    duration: range<number>(values, "duration"),
  };
}
