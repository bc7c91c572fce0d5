// The query string of GET /eventLogs, read as Airflow's parameters: exact filters, the events
// excluded or included (repeatable), `before` / `after` (strict bounds on the entry's time), and
// the `*_pattern` substring searches. An integer filter beyond the database's int4 names no entry,
// so it is answered without asking the database.
import type { EventLogFilters } from "@updraft/store";
import { z } from "zod";
import { fitsInt4 } from "../http/int4";
import { likePatterns } from "../http/likePatterns";
import {
  queryDateTime,
  queryNonNegativeInt,
  querySafeInt,
  queryString,
  queryStrings,
} from "../http/queryParams";
import { parseInput } from "../http/validation";

const eventLogListQuery = z.object({
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
  dag_id: queryString.optional(),
  task_id: queryString.optional(),
  run_id: queryString.optional(),
  map_index: querySafeInt.optional(),
  try_number: querySafeInt.optional(),
  owner: queryString.optional(),
  event: queryString.optional(),
  excluded_events: queryStrings,
  included_events: queryStrings,
  before: queryDateTime.optional(),
  after: queryDateTime.optional(),
  dag_id_pattern: queryString.optional(),
  task_id_pattern: queryString.optional(),
  run_id_pattern: queryString.optional(),
  owner_pattern: queryString.optional(),
  event_pattern: queryString.optional(),
});

const listOrNull = (values: readonly string[]): readonly string[] | null =>
  values.length === 0 ? null : values;

/** The filters of a GET /eventLogs query; null when they cannot match any entry. */
export function eventLogFilters(query: unknown): EventLogFilters | null {
  const q = parseInput(eventLogListQuery, query, "query");
  if (!fitsInt4(q.map_index) || !fitsInt4(q.try_number)) return null;
  return {
    dagId: q.dag_id ?? null,
    taskId: q.task_id ?? null,
    runId: q.run_id ?? null,
    mapIndex: q.map_index ?? null,
    tryNumber: q.try_number ?? null,
    owner: q.owner ?? null,
    event: q.event ?? null,
    excludedEvents: listOrNull(q.excluded_events),
    includedEvents: listOrNull(q.included_events),
    before: q.before ?? null,
    after: q.after ?? null,
    dagIdPatterns: likePatterns(q.dag_id_pattern),
    taskIdPatterns: likePatterns(q.task_id_pattern),
    runIdPatterns: likePatterns(q.run_id_pattern),
    ownerPatterns: likePatterns(q.owner_pattern),
    eventPatterns: likePatterns(q.event_pattern),
  };
}
