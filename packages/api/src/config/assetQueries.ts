// The query strings of GET /assets and GET /assets/events, read as Airflow's parameters, and the
// store inputs they stand for. Integer filters beyond the database's int4 name no row, so they
// are answered without asking the database.
import type { ListAssetEventsPageInput, ListAssetsPageInput } from "@updraft/store";
import { z } from "zod";
import { fitsInt4 } from "../http/int4";
import { likePatterns } from "../http/likePatterns";
import {
  queryBoolean,
  queryDateTime,
  queryNonNegativeInt,
  querySafeInt,
  queryString,
  queryStrings,
} from "../http/queryParams";
import { parseInput } from "../http/validation";

const assetListQuery = z.object({
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
  name_pattern: queryString.optional(),
  uri_pattern: queryString.optional(),
  dag_ids: queryStrings,
  only_active: queryBoolean.optional(),
});

/** The filters of a GET /assets query. */
export function assetListFilters(
  query: unknown,
): Pick<ListAssetsPageInput, "namePatterns" | "uriPatterns" | "dagIds" | "onlyActive"> {
  const q = parseInput(assetListQuery, query, "query");
  return {
    namePatterns: likePatterns(q.name_pattern),
    uriPatterns: likePatterns(q.uri_pattern),
    dagIds: q.dag_ids.length === 0 ? null : q.dag_ids,
    onlyActive: q.only_active ?? true,
  };
}

const assetEventListQuery = z.object({
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
  asset_id: querySafeInt.optional(),
  source_dag_id: queryString.optional(),
  source_task_id: queryString.optional(),
  source_run_id: queryString.optional(),
  source_map_index: querySafeInt.optional(),
  name_pattern: queryString.optional(),
  timestamp_gte: queryDateTime.optional(),
  timestamp_gt: queryDateTime.optional(),
  timestamp_lte: queryDateTime.optional(),
  timestamp_lt: queryDateTime.optional(),
});

/** The filters of a GET /assets/events query; null when they cannot match any event. */
export function assetEventFilters(
  query: unknown,
): Omit<ListAssetEventsPageInput, "orderBy" | "limit" | "offset"> | null {
  const q = parseInput(assetEventListQuery, query, "query");
  if (!fitsInt4(q.asset_id) || !fitsInt4(q.source_map_index)) return null;
  return {
    assetId: q.asset_id ?? null,
    sourceDagId: q.source_dag_id ?? null,
    sourceTaskId: q.source_task_id ?? null,
    sourceRunId: q.source_run_id ?? null,
    sourceMapIndex: q.source_map_index ?? null,
    namePatterns: likePatterns(q.name_pattern),
    timestampGte: q.timestamp_gte ?? null,
    timestampGt: q.timestamp_gt ?? null,
    timestampLte: q.timestamp_lte ?? null,
    timestampLt: q.timestamp_lt ?? null,
  };
}
