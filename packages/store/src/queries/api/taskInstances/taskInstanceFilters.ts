// The filters of the API's task instance lists (GET …/taskInstances, listMapped, and the
// selections that marking and clearing start from), turned into one `where` clause over
// `task_instance` aliased `ti` joined with its `dag_run` aliased `r`. Only constant SQL is
// composed; every value is a bound parameter.
import type { TaskInstanceState } from "@updraft/sdk";

/** A range filter (`<field>_gte`, `_gt`, `_lte`, `_lt`); an omitted bound does not filter. */
export interface Range<T> {
  readonly gte?: T;
  readonly gt?: T;
  readonly lte?: T;
  readonly lt?: T;
}

/** One task of a selection: all its map indexes, or the one given. */
export interface TaskSelector {
  readonly taskId: string;
  /** Every map index of the task when omitted. */
  readonly mapIndex?: number;
}

/** Which task instances a list takes; an omitted field does not filter. */
export interface TaskInstanceFilters {
  readonly dagId?: string;
  readonly runId?: string;
  readonly runIds?: readonly string[];
  readonly ids?: readonly string[];
  readonly taskId?: string;
  /** Task instances matching any of these. */
  readonly selectors?: readonly TaskSelector[];
  readonly mapIndexes?: readonly number[];
  /** map_index >= this (listMapped: 0). */
  readonly minMapIndex?: number;
  /** Any of these states; null stands for "no status". */
  readonly states?: readonly (TaskInstanceState | null)[];
  /** Leave out task instances already in this state. */
  readonly notInState?: TaskInstanceState;
  readonly pools?: readonly string[];
  readonly queues?: readonly string[];
  readonly executors?: readonly string[];
  readonly operators?: readonly string[];
  readonly tryNumbers?: readonly number[];
  /** ILIKE patterns (any of them) on dag_id, run_id, task_id, pool, queue; null does not filter. */
  readonly dagIdPatterns?: readonly string[] | null;
  readonly runIdPatterns?: readonly string[] | null;
  readonly taskIdPatterns?: readonly string[] | null;
  readonly poolPatterns?: readonly string[] | null;
  readonly queuePatterns?: readonly string[] | null;
  readonly startDate?: Range<Date>;
  readonly endDate?: Range<Date>;
  readonly updatedAt?: Range<Date>;
  readonly duration?: Range<number>;
  readonly logicalDate?: Range<Date>;
  readonly runAfter?: Range<Date>;
}

/** A `where` clause and its parameters, numbered from `firstParam`. */
export interface WhereClause {
  readonly sql: string;
  readonly params: unknown[];
}

const RANGE_OPERATORS = [
  ["gte", ">="],
  ["gt", ">"],
  ["lte", "<="],
  ["lt", "<"],
] as const;

/** The `where` clause (never empty: `true` when nothing filters) of `filters`. */
export function taskInstanceWhere(filters: TaskInstanceFilters, firstParam = 1): WhereClause {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown, cast: string): string => {
    params.push(value);
    return `$${firstParam + params.length - 1}::${cast}`;
  };
  const equal = (column: string, value: unknown, cast: string) => {
    if (value !== undefined) conditions.push(`${column} = ${bind(value, cast)}`);
  };
  const anyOf = (column: string, values: readonly unknown[] | undefined, cast: string) => {
    if (values !== undefined) conditions.push(`${column} = any(${bind(values, `${cast}[]`)})`);
  };
  const likeAny = (column: string, patterns: readonly string[] | null | undefined) => {
    if (patterns != null) conditions.push(`${column} ilike any(${bind(patterns, "text[]")})`);
  };
  const range = <T>(column: string, bounds: Range<T> | undefined, cast: string) => {
    for (const [key, operator] of RANGE_OPERATORS) {
      const value = bounds?.[key];
      if (value !== undefined) conditions.push(`${column} ${operator} ${bind(value, cast)}`);
    }
  };

  equal("ti.dag_id", filters.dagId, "text");
  equal("ti.run_id", filters.runId, "text");
  anyOf("ti.run_id", filters.runIds, "text");
  anyOf("ti.id", filters.ids, "uuid");
  equal("ti.task_id", filters.taskId, "text");
  if (filters.selectors !== undefined) {
    const whole = filters.selectors.filter((s) => s.mapIndex === undefined).map((s) => s.taskId);
    const mapped = filters.selectors.filter((s) => s.mapIndex !== undefined);
    conditions.push(
      `(ti.task_id = any(${bind(whole, "text[]")}) or (ti.task_id, ti.map_index) in (
        select * from unnest(${bind(
          mapped.map((s) => s.taskId),
          "text[]",
        )}, ${bind(
          mapped.map((s) => s.mapIndex),
          "int[]",
        )})))`,
    );
  }
  anyOf("ti.map_index", filters.mapIndexes, "int");
  if (filters.minMapIndex !== undefined)
    conditions.push(`ti.map_index >= ${bind(filters.minMapIndex, "int")}`);
  if (filters.states !== undefined) {
    const named = filters.states.filter((s): s is TaskInstanceState => s !== null);
    const none = filters.states.includes(null) ? " or ti.state is null" : "";
    conditions.push(`(ti.state = any(${bind(named, "text[]")})${none})`);
  }
  if (filters.notInState !== undefined)
    conditions.push(`ti.state is distinct from ${bind(filters.notInState, "text")}`);
  anyOf("ti.pool", filters.pools, "text");
  anyOf("ti.queue", filters.queues, "text");
  anyOf("ti.executor", filters.executors, "text");
  anyOf("ti.operator", filters.operators, "text");
  anyOf("ti.try_number", filters.tryNumbers, "int");
  likeAny("ti.dag_id", filters.dagIdPatterns);
  likeAny("ti.run_id", filters.runIdPatterns);
  likeAny("ti.task_id", filters.taskIdPatterns);
  likeAny("ti.pool", filters.poolPatterns);
  likeAny("ti.queue", filters.queuePatterns);
  range("ti.start_date", filters.startDate, "timestamptz");
  range("ti.end_date", filters.endDate, "timestamptz");
  range("ti.updated_at", filters.updatedAt, "timestamptz");
  range("ti.duration", filters.duration, "float8");
  range("r.logical_date", filters.logicalDate, "timestamptz");
  range("r.run_after", filters.runAfter, "timestamptz");
  return { sql: conditions.length === 0 ? "true" : conditions.join("\n  and "), params };
}
