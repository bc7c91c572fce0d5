// The query string of GET …/taskInstances and …/listMapped, as Airflow reads it: exact filters
// (task_id; repeatable state, pool, queue, executor, try_number, map_index, operator), `*_pattern`
// searches, range filters (`<field>_gte/_gt/_lte/_lt`) and limit/offset (order_by is read by
// pageRequest). `state` takes "no_status" or "none" for a task instance without a state.
import { TaskInstanceState } from "@updraft/sdk";
import type { TaskInstanceFilters } from "@updraft/store";
import { z } from "zod";
import { ApiError } from "../http/apiError";
import { parseInput } from "../http/validation";
import {
  queryDateTime,
  queryIntAtLeast,
  queryInts,
  queryNumber,
  queryString,
  queryStrings,
} from "./queryParams";
import { likePatterns } from "./likePatterns";

const DATE_RANGES = ["start_date", "end_date", "updated_at", "logical_date", "run_after"] as const;
const BOUNDS = ["gte", "gt", "lte", "lt"] as const;

const rangeEntries: [string, z.ZodType][] = [
  ...DATE_RANGES.flatMap((field) =>
    BOUNDS.map((bound): [string, z.ZodType] => [`${field}_${bound}`, queryDateTime.optional()]),
  ),
  ...BOUNDS.map((bound): [string, z.ZodType] => [`duration_${bound}`, queryNumber.optional()]),
];
const rangeShape: Record<string, z.ZodType> = Object.fromEntries(rangeEntries);

const scalarShape = {
  task_id: queryString.optional(),
  state: queryStrings,
  pool: queryStrings,
  queue: queryStrings,
  executor: queryStrings,
  operator: queryStrings,
  try_number: queryInts,
  map_index: queryInts,
  dag_id_pattern: queryString.optional(),
  run_id_pattern: queryString.optional(),
  task_display_name_pattern: queryString.optional(),
  pool_name_pattern: queryString.optional(),
  queue_name_pattern: queryString.optional(),
  limit: queryIntAtLeast(0).optional(),
  offset: queryIntAtLeast(0).optional(),
};

/** The parsed query: the scalar fields, and the range bounds by `<field>_<bound>` name. */
type ListQuery = z.output<z.ZodObject<typeof scalarShape>> & Record<string, unknown>;

// One schema, so that every bad parameter is reported at once, as pydantic does.
const listQuery = z.object({ ...rangeShape, ...scalarShape });

const STATES: readonly string[] = Object.values(TaskInstanceState);

/** `state` values as Airflow takes them: a state, or "no_status"/"none" for no state. */
export function parseStates(values: readonly string[]): (TaskInstanceState | null)[] {
  return values.map((value) => {
    if (value === "no_status" || value === "none") return null;
    if (STATES.includes(value)) return value as TaskInstanceState;
    throw new ApiError("VALIDATION_ERROR", [
      {
        loc: ["query", "state"],
        msg: `Invalid value for state. Valid values are ${STATES.join(", ")}`,
        type: "value_error",
        input: value,
      },
    ]);
  });
}

const nonEmpty = <T>(values: readonly T[]): readonly T[] | undefined =>
  values.length === 0 ? undefined : values;

type Bounds<T> = { gte?: T; gt?: T; lte?: T; lt?: T };

function range<T>(query: Record<string, unknown>, field: string): Bounds<T> | undefined {
  const bounds: Bounds<T> = {};
  for (const bound of BOUNDS) {
    const value = query[`${field}_${bound}`];
    if (value !== undefined) bounds[bound] = value as T;
  }
  return Object.keys(bounds).length === 0 ? undefined : bounds;
}

/** The filters the query string asks for (without the DAG and run of the path). */
export function taskInstanceListFilters(query: unknown): TaskInstanceFilters {
  const q = parseInput(listQuery, query, "query") as ListQuery;
  const ranges: Record<string, unknown> = q;
  return {
    taskId: q.task_id,
    states: nonEmpty(parseStates(q.state)),
    pools: nonEmpty(q.pool),
    queues: nonEmpty(q.queue),
    executors: nonEmpty(q.executor),
    operators: nonEmpty(q.operator),
    tryNumbers: nonEmpty(q.try_number),
    mapIndexes: nonEmpty(q.map_index),
    dagIdPatterns: likePatterns(q.dag_id_pattern),
    runIdPatterns: likePatterns(q.run_id_pattern),
    taskIdPatterns: likePatterns(q.task_display_name_pattern),
    poolPatterns: likePatterns(q.pool_name_pattern),
    queuePatterns: likePatterns(q.queue_name_pattern),
    startDate: range<Date>(ranges, "start_date"),
    endDate: range<Date>(ranges, "end_date"),
    updatedAt: range<Date>(ranges, "updated_at"),
    logicalDate: range<Date>(ranges, "logical_date"),
    runAfter: range<Date>(ranges, "run_after"),
    duration: range<number>(ranges, "duration"),
  };
}
