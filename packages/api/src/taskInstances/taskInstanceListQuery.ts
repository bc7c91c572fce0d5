// The query string of GET …/taskInstances and …/listMapped, as Airflow reads it: exact filters
// (task_id; repeatable state, pool, queue, executor, try_number, map_index, operator), `*_pattern`
// searches, range filters (`<field>_gte/_gt/_lte/_lt`) and limit/offset (order_by is read by
// pageRequest). `state` takes "no_status" or "none" for a task instance without a state.
import { TaskInstanceState } from "@updraft/sdk";
import type { TaskInstanceFilters } from "@updraft/store";
import { z } from "zod";
import { ApiError } from "../http/apiError";
import { likePatterns } from "../http/likePatterns";
import {
  queryDateTime,
  queryIntAtLeast,
  queryInts,
  queryNumber,
  queryString,
  queryStrings,
} from "../http/queryParams";
import { rangeFilter, rangeFilterShape } from "../http/rangeFilters";
import { parseInput } from "../http/validation";

const DATE_RANGES = ["start_date", "end_date", "updated_at", "logical_date", "run_after"] as const;

const rangeShape = {
  ...rangeFilterShape(DATE_RANGES, queryDateTime.optional()),
  ...rangeFilterShape(["duration"], queryNumber.optional()),
};

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
    startDate: rangeFilter<Date>(ranges, "start_date"),
    endDate: rangeFilter<Date>(ranges, "end_date"),
    updatedAt: rangeFilter<Date>(ranges, "updated_at"),
    logicalDate: rangeFilter<Date>(ranges, "logical_date"),
    runAfter: rangeFilter<Date>(ranges, "run_after"),
    duration: rangeFilter<number>(ranges, "duration"),
  };
}
