// The filters of the API's DAG run lists (GET /dags/{dag_id}/dagRuns and the batch
// POST /dags/~/dagRuns/list) as a `where` clause over `dag_run` aliased `r`, built from constant
// fragments with every value bound as a parameter. Only the filters given appear in the clause,
// so each list gets the plan of exactly its own predicates.

/** The timestamp columns a run list can be limited to a range of. */
export type DagRunDateField =
  "run_after" | "logical_date" | "start_date" | "end_date" | "updated_at";

/** Bounds of a range; an omitted bound does not limit. */
export interface DagRunRange<T> {
  readonly gte?: T;
  readonly gt?: T;
  readonly lte?: T;
  readonly lt?: T;
}

/** Which runs a list takes; an omitted (or null) field does not filter. */
export interface DagRunFilters {
  /** Runs of these DAGs (an empty list matches no run). */
  readonly dagIds?: readonly string[] | null;
  /** ILIKE patterns on dag_id; a run matching any of them is taken. */
  readonly dagIdPatterns?: readonly string[] | null;
  /** ILIKE patterns on run_id; any of them. */
  readonly runIdPatterns?: readonly string[] | null;
  /** Runs in one of these states (an empty list matches no run). */
  readonly states?: readonly string[] | null;
  /** Runs of one of these run types (an empty list matches no run). */
  readonly runTypes?: readonly string[] | null;
  /** Runs whose conf, as JSON text, contains this text (no wildcards). */
  readonly confContains?: string | null;
  readonly dateRanges?: Readonly<Partial<Record<DagRunDateField, DagRunRange<Date>>>>;
  /** Seconds from start_date to end_date; runs without both have no duration and are left out. */
  readonly duration?: DagRunRange<number>;
}

/** A run's duration in seconds (null unless started and ended), over `dag_run` aliased `r`. */
export const DAG_RUN_DURATION_SQL = "extract(epoch from r.end_date - r.start_date)";

const DATE_COLUMNS: Readonly<Record<DagRunDateField, string>> = {
  run_after: "r.run_after",
  logical_date: "r.logical_date",
  start_date: "r.start_date",
  end_date: "r.end_date",
  updated_at: "r.updated_at",
};

const OPERATORS = { gte: ">=", gt: ">", lte: "<=", lt: "<" } as const;

function rangeConditions<T>(
  column: string,
  range: DagRunRange<T> | undefined,
  cast: string,
  bind: (value: unknown) => string,
): string[] {
  if (range === undefined) return [];
  return (Object.keys(OPERATORS) as (keyof typeof OPERATORS)[])
    .filter((bound) => range[bound] !== undefined)
    .map((bound) => `${column} ${OPERATORS[bound]} ${bind(range[bound])}::${cast}`);
}

/**
 * `where …` (or an empty string) for `filters`, appending the values it binds to `params`
 * (placeholders continue from `params.length`).
 */
export function dagRunWhereSql(filters: DagRunFilters, params: unknown[]): string {
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions: string[] = [];
  // One value is an equality, not `= any(…)`: only then can an index on (column, x) also give
  // the order by x.
  const oneOf = (column: string, values: readonly string[] | null | undefined) => {
    if (values?.length === 1) conditions.push(`${column} = ${bind(values[0])}::text`);
    else if (values != null) conditions.push(`${column} = any(${bind(values)}::text[])`);
  };
  oneOf("r.dag_id", filters.dagIds);
  if (filters.dagIdPatterns != null)
    conditions.push(`r.dag_id ilike any(${bind(filters.dagIdPatterns)}::text[])`);
  if (filters.runIdPatterns != null)
    conditions.push(`r.run_id ilike any(${bind(filters.runIdPatterns)}::text[])`);
  oneOf("r.state", filters.states);
  oneOf("r.run_type", filters.runTypes);
  if (filters.confContains != null)
    conditions.push(`strpos(r.conf::text, ${bind(filters.confContains)}::text) > 0`);
  for (const [field, column] of Object.entries(DATE_COLUMNS) as [DagRunDateField, string][])
    conditions.push(...rangeConditions(column, filters.dateRanges?.[field], "timestamptz", bind));
  conditions.push(...rangeConditions(DAG_RUN_DURATION_SQL, filters.duration, "float8", bind));
  return conditions.length === 0 ? "" : `where ${conditions.join(" and ")}`;
}
