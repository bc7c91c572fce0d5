// Airflow's connection endpoints: GET /connections (paged, ordered, connection_id_pattern) and
// GET /connections/{connection_id} for Op and above; POST, PATCH, DELETE and the bulk PATCH
// /connections (config/bulkActions.ts) for Admin, each recorded in the audit log. No response
// carries a password or a sensitive extra value (see config/connectionResponse.ts).
import {
  createConnection,
  deleteConnection,
  getConnection,
  isConnectionOrderKey,
  listConnectionsPage,
  lockConnection,
  updateConnection,
} from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import { auditAction } from "../audit/auditAction";
import { requireRole } from "../auth/authenticate";
import { runBulkActions } from "../config/bulkActions";
import { parseBulkBody } from "../config/bulkBody";
import { connectionsBulkBody, connectionsBulkTarget } from "../config/bulkConnections";
import { connectionBody, connectionToCreate } from "../config/connectionBody";
import { connectionChanges } from "../config/connectionChanges";
import { connectionResponse } from "../config/connectionResponse";
import { parseBody } from "../config/parseBody";
import { storeErrorCode } from "../config/storeErrorCode";
import { updateMaskOf } from "../http/updateMask";
import type { ApiContext } from "../context";
import { badRequest, conflict, notFound } from "../http/apiError";
import { likePatterns } from "../http/likePatterns";
import { pageRequest } from "../http/pagination";
import { queryNonNegativeInt, queryString } from "../http/queryParams";
import { storeOrderBy, UNORDERED } from "../http/storeOrderBy";
import { parseInput } from "../http/validation";

/** order_by attribute → the store's order key (connection_id is Airflow's alias of conn_id). */
const ORDER_ATTRIBUTES: Readonly<Record<string, string>> = {
  id: "id",
  conn_id: "conn_id",
  connection_id: "conn_id",
  conn_type: "conn_type",
  description: "description",
  host: "host",
  port: "port",
  team_name: UNORDERED,
};

const listQuery = z.object({
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
  connection_id_pattern: queryString.optional(),
});

const notFoundDetail = (connectionId: string): string =>
  `The Connection with connection_id: \`${connectionId}\` was not found`;

export function connectionsRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get("/connections", requireRole("Op"), async (req, res) => {
    const query = parseInput(listQuery, req.query, "query");
    const page = pageRequest(req.query, ORDER_ATTRIBUTES, "id", ["id"]);
    const result = await listConnectionsPage(ctx.client, {
      connIdPatterns: likePatterns(query.connection_id_pattern),
      orderBy: storeOrderBy(page, isConnectionOrderKey),
      limit: page.limit,
      offset: page.offset,
    });
    res.json({
      connections: result.connections.map(connectionResponse),
      total_entries: result.totalEntries,
    });
  });

  router.get("/connections/:connection_id", requireRole("Op"), async (req, res) => {
    const connectionId = String(req.params.connection_id);
    const connection = await getConnection(ctx.client, { connId: connectionId });
    if (connection === null) throw notFound(notFoundDetail(connectionId));
    res.json(connectionResponse(connection));
  });

  const asAdmin = requireRole("Admin");

  router.post("/connections", auditAction(ctx, "post_connection"), asAdmin, async (req, res) => {
    const body = parseBody(connectionBody, req.body);
    try {
      const connection = await createConnection(ctx.client, connectionToCreate(body));
      res.status(201).json(connectionResponse(connection));
    } catch (error) {
      if (storeErrorCode(error) === "ALREADY_EXISTS")
        throw conflict(
          `The connection with connection_id: \`${body.connection_id}\` already exists`,
        );
      throw error;
    }
  });

  router.patch("/connections", auditAction(ctx, "bulk_connections"), asAdmin, async (req, res) => {
    const body = parseBulkBody(connectionsBulkBody, req.body);
    res.json(await runBulkActions(ctx.client, connectionsBulkTarget, body, req.body));
  });

  const patchOne = auditAction(ctx, "patch_connection");
  router.patch("/connections/:connection_id", patchOne, asAdmin, async (req, res) => {
    const connectionId = String(req.params.connection_id);
    const body = parseBody(connectionBody, req.body);
    if (body.connection_id !== connectionId)
      throw badRequest("The connection_id in the request body does not match the URL parameter");
    const mask = updateMaskOf(req.query);
    const connection = await ctx.client.transaction(async (tx) => {
      const stored = await lockConnection(tx, { connId: connectionId });
      if (stored === null) throw notFound(notFoundDetail(connectionId));
      return updateConnection(tx, connectionChanges(stored, body, req.body, mask));
    });
    res.json(connectionResponse(connection));
  });

  const deleteOne = auditAction(ctx, "delete_connection");
  router.delete("/connections/:connection_id", deleteOne, asAdmin, async (req, res) => {
    const connectionId = String(req.params.connection_id);
    try {
      await deleteConnection(ctx.client, { connId: connectionId });
    } catch (error) {
      if (storeErrorCode(error) === "NOT_FOUND") throw notFound(notFoundDetail(connectionId));
      throw error;
    }
    res.status(204).end();
  });

  return router;
}
