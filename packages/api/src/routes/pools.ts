// Airflow's pool endpoints: GET /pools (paged, ordered, pool_name_pattern) and GET
// /pools/{pool_name} with each pool's slot usage, for every role; POST, PATCH, DELETE and the
// bulk PATCH /pools (config/bulkActions.ts) for Op and above, each recorded in the audit log.
// Names may hold slashes (`{pool_name:path}`); default_pool cannot be deleted and takes only
// slots and include_deferred (config/poolChanges.ts).
import {
  createPool,
  deletePool,
  getPool,
  isPoolOrderKey,
  listPoolsPage,
  updatePool,
} from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import { auditAction } from "../audit/auditAction";
import { requireRole } from "../auth/authenticate";
import { runBulkActions } from "../config/bulkActions";
import { parseBulkBody } from "../config/bulkBody";
import { poolsBulkBody, poolsBulkTarget } from "../config/bulkPools";
import { parseBody } from "../config/parseBody";
import { pathRest } from "../config/pathRest";
import { poolBody, poolPatchBody, poolToCreate } from "../config/poolBody";
import { poolChanges } from "../config/poolChanges";
import { poolResponse } from "../config/poolResponse";
import { storeErrorCode } from "../config/storeErrorCode";
import { updateMaskOf } from "../http/updateMask";
import type { ApiContext } from "../context";
import { badRequest, conflict, notFound } from "../http/apiError";
import { likePatterns } from "../http/likePatterns";
import { pageRequest } from "../http/pagination";
import { queryNonNegativeInt, queryString } from "../http/queryParams";
import { storeOrderBy } from "../http/storeOrderBy";
import { parseInput } from "../http/validation";

/** order_by attribute → the store's order key (`name` is Airflow's alias of `pool`). */
const ORDER_ATTRIBUTES: Readonly<Record<string, string>> = { id: "id", pool: "pool", name: "pool" };

const listQuery = z.object({
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
  pool_name_pattern: queryString.optional(),
});

const notFoundDetail = (name: string): string => `The Pool with name: \`${name}\` was not found`;

export function poolsRoutes(ctx: ApiContext): Router {
  const router = Router();

  /** The PoolResponse of the pool `name`, read after a write; 404 when it is gone. */
  async function poolBodyOf(name: string) {
    const pool = await getPool(ctx.client, { name });
    if (pool === null) throw notFound(notFoundDetail(name));
    return poolResponse(pool);
  }

  router.get("/pools", async (req, res) => {
    const query = parseInput(listQuery, req.query, "query");
    const page = pageRequest(req.query, ORDER_ATTRIBUTES, "id", ["id"]);
    const result = await listPoolsPage(ctx.client, {
      namePatterns: likePatterns(query.pool_name_pattern),
      orderBy: storeOrderBy(page, isPoolOrderKey),
      limit: page.limit,
      offset: page.offset,
    });
    res.json({ pools: result.pools.map(poolResponse), total_entries: result.totalEntries });
  });

  router.get("/pools/*pool_name", async (req, res) => {
    res.json(await poolBodyOf(pathRest(req.params.pool_name)));
  });

  const asOp = requireRole("Op");

  router.post("/pools", auditAction(ctx, "post_pool"), asOp, async (req, res) => {
    const body = parseBody(poolBody, req.body);
    try {
      await createPool(ctx.client, poolToCreate(body));
    } catch (error) {
      if (storeErrorCode(error) === "ALREADY_EXISTS")
        throw conflict(`The Pool with name: \`${body.name}\` already exists`);
      throw error;
    }
    res.status(201).json(await poolBodyOf(body.name));
  });

  router.patch("/pools", auditAction(ctx, "bulk_pools"), asOp, async (req, res) => {
    const body = parseBulkBody(poolsBulkBody, req.body);
    res.json(await runBulkActions(ctx.client, poolsBulkTarget, body, req.body));
  });

  router.patch("/pools/*pool_name", auditAction(ctx, "patch_pool"), asOp, async (req, res) => {
    const name = pathRest(req.params.pool_name);
    const body = parseBody(poolPatchBody, req.body);
    const changes = poolChanges(name, body, req.body, updateMaskOf(req.query));
    try {
      await updatePool(ctx.client, changes);
    } catch (error) {
      if (storeErrorCode(error) === "NOT_FOUND") throw notFound(notFoundDetail(name));
      throw error;
    }
    res.json(await poolBodyOf(name));
  });

  router.delete("/pools/*pool_name", auditAction(ctx, "delete_pool"), asOp, async (req, res) => {
    const name = pathRest(req.params.pool_name);
    if (name === "default_pool") throw badRequest("Default Pool can't be deleted");
    try {
      await deletePool(ctx.client, { name });
    } catch (error) {
      if (storeErrorCode(error) === "NOT_FOUND") throw notFound(notFoundDetail(name));
      throw error;
    }
    res.status(204).end();
  });

  return router;
}
