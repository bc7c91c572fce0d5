// The query parameters of GET /dags and of the bulk PATCH /dags, checked as FastAPI checks them
// (422 for a bad value, unknown parameters ignored) and turned into the store's DAG filters.
// Ordering and paging are read by pageRequest afterwards; limit and offset are checked here
// first so that a bad one is a 422 as in Airflow.
import { DagRunState } from "@updraft/sdk";
import type { DagFilters } from "@updraft/store";
import { z } from "zod";
import { likePatterns } from "../http/likePatterns";
import {
  queryBoolean,
  queryEnum,
  queryNonNegativeInt,
  queryString,
  queryStrings,
} from "../http/queryParams";
import { updateMaskOf } from "../http/updateMask";
import { parseInput } from "../http/validation";
import { DAG_PATCH_FIELDS } from "./dagPatchBody";

const DAG_RUN_STATES = Object.values(DagRunState) as [DagRunState, ...DagRunState[]];

/** Filters both the list and the bulk update take. */
const commonFilters = {
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
  tags: queryStrings,
  tags_match_mode: queryEnum(["any", "all"]).optional(),
  owners: queryStrings,
  dag_id_pattern: queryString.optional(),
  exclude_stale: queryBoolean.optional(),
  paused: queryBoolean.optional(),
};

const listQuery = z.object({
  ...commonFilters,
  dag_display_name_pattern: queryString.optional(),
  has_import_errors: queryBoolean.optional(),
  last_dag_run_state: queryEnum(DAG_RUN_STATES).optional(),
});

const bulkQuery = z.object(commonFilters);

type CommonQuery = z.output<z.ZodObject<typeof commonFilters>>;

function commonDagFilters(query: CommonQuery): DagFilters {
  return {
    excludeStale: query.exclude_stale ?? true,
    paused: query.paused ?? null,
    dagIdPatterns: likePatterns(query.dag_id_pattern),
    tags: query.tags,
    tagsMatchMode: query.tags_match_mode ?? "any",
    ownerPatterns: query.owners.map((owner) => `%${owner}%`),
  };
}

/** The filters of GET /dags. */
export function dagListFilters(query: unknown): DagFilters {
  const q = parseInput(listQuery, query, "query");
  return {
    ...commonDagFilters(q),
    dagDisplayNamePatterns: likePatterns(q.dag_display_name_pattern),
    hasImportErrors: q.has_import_errors ?? null,
    lastDagRunState: q.last_dag_run_state ?? null,
  };
}

/** The filters of PATCH /dags, its update_mask checked (naming anything but is_paused is a 400). */
export function dagBulkPatchQuery(query: Readonly<Record<string, unknown>>): {
  readonly filters: DagFilters;
  /** True when no dag_id_pattern was given: Airflow then matches no DAG at all. */
  readonly matchesNothing: boolean;
  readonly limit: number | undefined;
  readonly offset: number | undefined;
} {
  const q = parseInput(bulkQuery, query, "query");
  // The mask changes nothing (the body holds is_paused only); it is only checked.
  updateMaskOf(query, DAG_PATCH_FIELDS);
  return {
    filters: commonDagFilters(q),
    matchesNothing: q.dag_id_pattern === undefined,
    limit: q.limit,
    offset: q.offset,
  };
}
