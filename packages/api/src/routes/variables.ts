// Airflow's variable endpoints: GET /variables (paged, ordered, variable_key_pattern) and GET
// /variables/{variable_key} for every role; POST, PATCH, DELETE and the bulk PATCH /variables
// (config/bulkActions.ts) for Op and above, each recorded in the audit log. Keys may hold
// slashes (`{variable_key:path}`). Values of sensitive keys are never returned (see
// config/variableResponse.ts).
import {
  createVariable,
  deleteVariable,
  getVariable,
  isVariableOrderKey,
  listVariablesPage,
  lockVariable,
  updateVariable,
} from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import { auditAction } from "../audit/auditAction";
import { requireRole } from "../auth/authenticate";
import { runBulkActions } from "../config/bulkActions";
import { parseBulkBody } from "../config/bulkBody";
import { variablesBulkBody, variablesBulkTarget } from "../config/bulkVariables";
import { parseBody } from "../config/parseBody";
import { pathRest } from "../config/pathRest";
import { storeErrorCode } from "../config/storeErrorCode";
import { updateMaskOf } from "../http/updateMask";
import { variableBody, variableToCreate } from "../config/variableBody";
import { variableChanges } from "../config/variableChanges";
import { variableResponse } from "../config/variableResponse";
import type { ApiContext } from "../context";
import { badRequest, conflict, notFound } from "../http/apiError";
import { likePatterns } from "../http/likePatterns";
import { pageRequest } from "../http/pagination";
import { queryNonNegativeInt, queryString } from "../http/queryParams";
import { storeOrderBy, UNORDERED } from "../http/storeOrderBy";
import { parseInput } from "../http/validation";

/** order_by attribute → the store's order key (Airflow's column is `_val`). */
const ORDER_ATTRIBUTES: Readonly<Record<string, string>> = {
  id: "id",
  key: "key",
  _val: "val",
  description: "description",
  is_encrypted: "is_encrypted",
  team_name: UNORDERED,
};

const listQuery = z.object({
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
  variable_key_pattern: queryString.optional(),
});

const notFoundDetail = (key: string): string => `The Variable with key: \`${key}\` was not found`;

export function variablesRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get("/variables", async (req, res) => {
    const query = parseInput(listQuery, req.query, "query");
    const page = pageRequest(req.query, ORDER_ATTRIBUTES, "id", ["id"]);
    const result = await listVariablesPage(ctx.client, {
      keyPatterns: likePatterns(query.variable_key_pattern),
      orderBy: storeOrderBy(page, isVariableOrderKey),
      limit: page.limit,
      offset: page.offset,
    });
    res.json({
      variables: result.variables.map(variableResponse),
      total_entries: result.totalEntries,
    });
  });

  router.get("/variables/*variable_key", async (req, res) => {
    const key = pathRest(req.params.variable_key);
    const variable = await getVariable(ctx.client, { key });
    if (variable === null) throw notFound(notFoundDetail(key));
    res.json(variableResponse(variable));
  });

  const asOp = requireRole("Op");

  router.post("/variables", auditAction(ctx, "post_variable"), asOp, async (req, res) => {
    const body = parseBody(variableBody, req.body);
    try {
      const variable = await createVariable(ctx.client, variableToCreate(body));
      res.status(201).json(variableResponse(variable));
    } catch (error) {
      if (storeErrorCode(error) === "ALREADY_EXISTS")
        throw conflict(`The Variable with key: \`${body.key}\` already exists`);
      throw error;
    }
  });

  router.patch("/variables", auditAction(ctx, "bulk_variables"), asOp, async (req, res) => {
    const body = parseBulkBody(variablesBulkBody, req.body);
    res.json(await runBulkActions(ctx.client, variablesBulkTarget, body, req.body));
  });

  const patchOne = auditAction(ctx, "patch_variable");
  router.patch("/variables/*variable_key", patchOne, asOp, async (req, res) => {
    const key = pathRest(req.params.variable_key);
    const body = parseBody(variableBody, req.body);
    if (body.key !== key)
      throw badRequest("Invalid body, key from request body doesn't match uri parameter");
    const mask = updateMaskOf(req.query);
    const variable = await ctx.client.transaction(async (tx) => {
      const stored = await lockVariable(tx, { key });
      if (stored === null) throw notFound(notFoundDetail(key));
      return updateVariable(tx, variableChanges(stored, body, req.body, mask));
    });
    res.json(variableResponse(variable));
  });

  const deleteOne = auditAction(ctx, "delete_variable");
  router.delete("/variables/*variable_key", deleteOne, asOp, async (req, res) => {
    const key = pathRest(req.params.variable_key);
    try {
      await deleteVariable(ctx.client, { key });
    } catch (error) {
      if (storeErrorCode(error) === "NOT_FOUND") throw notFound(notFoundDetail(key));
      throw error;
    }
    res.status(204).end();
  });

  return router;
}
