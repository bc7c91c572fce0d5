// Airflow's asset endpoints, readable by every role: GET /assets (paged, ordered, name_pattern,
// uri_pattern, dag_ids, only_active), GET /assets/events (filtered by asset, source task
// instance, asset name and timestamp ranges; ordered by timestamp unless asked otherwise) and GET
// /assets/{asset_id}. Extras are shown with their secrets hidden.
import {
  getAssetResponseRow,
  isAssetEventOrderKey,
  isAssetOrderKey,
  listAssetEventsPage,
  listAssetsPage,
} from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import { assetEventResponse } from "../config/assetEventResponse";
import { assetEventFilters, assetListFilters } from "../config/assetQueries";
import { assetResponse } from "../config/assetResponse";
import type { ApiContext } from "../context";
import { notFound } from "../http/apiError";
import { fitsInt4 } from "../http/int4";
import { pageRequest } from "../http/pagination";
import { intText } from "../http/queryParams";
import { storeOrderBy } from "../http/storeOrderBy";
import { parseInput } from "../http/validation";

const ASSET_ORDER: Readonly<Record<string, string>> = {
  id: "id",
  name: "name",
  uri: "uri",
  created_at: "created_at",
  updated_at: "updated_at",
};

const EVENT_ORDER: Readonly<Record<string, string>> = {
  source_task_id: "source_task_id",
  source_dag_id: "source_dag_id",
  source_run_id: "source_run_id",
  source_map_index: "source_map_index",
  timestamp: "timestamp",
};

const assetPath = z.object({ asset_id: intText });

export function assetsRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get("/assets", async (req, res) => {
    const filters = assetListFilters(req.query);
    const page = pageRequest(req.query, ASSET_ORDER, "id", ["id"]);
    const result = await listAssetsPage(ctx.client, {
      ...filters,
      orderBy: storeOrderBy(page, isAssetOrderKey),
      limit: page.limit,
      offset: page.offset,
    });
    res.json({ assets: result.assets.map(assetResponse), total_entries: result.totalEntries });
  });

  router.get("/assets/events", async (req, res) => {
    const filters = assetEventFilters(req.query);
    const page = pageRequest(req.query, EVENT_ORDER, "id", ["timestamp"]);
    if (filters === null) return void res.json({ asset_events: [], total_entries: 0 });
    const result = await listAssetEventsPage(ctx.client, {
      ...filters,
      orderBy: storeOrderBy(page, isAssetEventOrderKey),
      limit: page.limit,
      offset: page.offset,
    });
    res.json({
      asset_events: result.assetEvents.map(assetEventResponse),
      total_entries: result.totalEntries,
    });
  });

  router.get("/assets/:asset_id", async (req, res) => {
    const { asset_id: id } = parseInput(assetPath, req.params, "path");
    const asset = fitsInt4(id) ? await getAssetResponseRow(ctx.client, { assetId: id }) : null;
    if (asset === null) {
      // Python prints the integer itself, however large; a JS number would print 1e+21.
      const shown = Number.isSafeInteger(id) ? String(id) : String(req.params.asset_id);
      throw notFound(`The Asset with ID: \`${shown}\` was not found`);
    }
    res.json(assetResponse(asset));
  });

  return router;
}
