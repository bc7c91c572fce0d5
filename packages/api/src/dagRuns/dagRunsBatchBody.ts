// The body of POST /dags/~/dagRuns/list (Airflow's DAGRunsBatchBody): runs of several DAGs at
// once — dag_ids, states, range filters on run_after, logical_date, start_date, end_date and
// duration, conf_contains, one order_by, page_offset and page_limit (default 100). Strict: an
// unknown field is a 422.
import { DagRunState } from "@updraft/sdk";
import type { DagRunDateField, ListDagRunsPageInput } from "@updraft/store";
import { z } from "zod";
import { dateTimeInput } from "../http/dateTimeInput";
import { rangeFilter, rangeFilterShape } from "../http/rangeFilters";
import { parseInput } from "../http/validation";
import { dagRunPage } from "./dagRunOrder";

const DATE_FIELDS: readonly DagRunDateField[] = [
  "run_after",
  "logical_date",
  "start_date",
  "end_date",
];

const BODY = z
  .object({
    order_by: z.string().nullable().optional(),
    page_offset: z.number().int().min(0).default(0),
    page_limit: z.number().int().min(0).default(100),
    dag_ids: z.array(z.string()).nullable().optional(),
    states: z
      .array(z.enum(Object.values(DagRunState)).nullable())
      .nullable()
      .optional(),
    conf_contains: z.string().nullable().optional(),
    ...rangeFilterShape(DATE_FIELDS, dateTimeInput({ aware: true }).nullable().optional()),
    ...rangeFilterShape(["duration"], z.number().nullable().optional()),
  })
  .strict();

/** The list the batch body asks for. */
export function dagRunsBatchBody(input: unknown): ListDagRunsPageInput {
  const body = parseInput(BODY, input, "body") as Record<string, unknown>;
  const page = dagRunPage({
    limit: body.page_limit,
    offset: body.page_offset,
    ...(typeof body.order_by === "string" ? { order_by: body.order_by } : {}),
  });
  const dagIds = body.dag_ids as string[] | null | undefined;
  const states = body.states as (string | null)[] | null | undefined;
  return {
    ...page,
    // An empty list does not filter (as Airflow's FilterParam skips empty lists); a run's state
    // is never null, so null entries match nothing.
    dagIds: dagIds === null || dagIds === undefined || dagIds.length === 0 ? null : dagIds,
    states:
      states === null || states === undefined || states.length === 0
        ? null
        : states.filter((s): s is string => s !== null),
    confContains: (body.conf_contains as string | null | undefined) ?? null,
    dateRanges: Object.fromEntries(DATE_FIELDS.map((f) => [f, rangeFilter<Date>(body, f)])),
    duration: rangeFilter<number>(body, "duration"),
  };
}
