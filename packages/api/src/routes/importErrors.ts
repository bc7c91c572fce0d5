// Airflow's import error endpoints: GET /importErrors (paged, ordered, filename_pattern) and
// GET /importErrors/{import_error_id}; both readable by every role.
import { getImportError, isImportErrorOrderKey, listImportErrorsPage } from "@updraft/store";
import { Router } from "express";
import { z } from "zod";
import type { ApiContext } from "../context";
import { importErrorResponse } from "../dags/importErrorResponse";
import { notFound } from "../http/apiError";
import { fitsInt4 } from "../http/int4";
import { likePatterns } from "../http/likePatterns";
import { pageRequest } from "../http/pagination";
import { intText, queryNonNegativeInt, queryString } from "../http/queryParams";
import { storeOrderBy } from "../http/storeOrderBy";
import { parseInput } from "../http/validation";

/** Attribute → the store's order key; Airflow calls the stack trace column `stacktrace`. */
const ORDER_ATTRIBUTES: Readonly<Record<string, string>> = {
  id: "id",
  import_error_id: "id",
  timestamp: "timestamp",
  filename: "filename",
  bundle_name: "bundle_name",
  stacktrace: "stack_trace",
};

const listQuery = z.object({
  limit: queryNonNegativeInt.optional(),
  offset: queryNonNegativeInt.optional(),
  filename_pattern: queryString.optional(),
});

const pathParams = z.object({ import_error_id: intText });

export function importErrorsRoutes(ctx: ApiContext): Router {
  const router = Router();

  router.get("/importErrors", async (req, res) => {
    const query = parseInput(listQuery, req.query, "query");
    const page = pageRequest(req.query, ORDER_ATTRIBUTES, "id", ["id"]);
    const result = await listImportErrorsPage(ctx.client, {
      filenamePatterns: likePatterns(query.filename_pattern),
      orderBy: storeOrderBy(page, isImportErrorOrderKey),
      limit: page.limit,
      offset: page.offset,
    });
    res.json({
      import_errors: result.importErrors.map(importErrorResponse),
      total_entries: result.totalEntries,
    });
  });

  router.get("/importErrors/:import_error_id", async (req, res) => {
    const { import_error_id: id } = parseInput(pathParams, req.params, "path");
    // import_error.id is a Postgres integer: a larger id names no row (and must not reach the
    // database, which would refuse it as out of range).
    const error = fitsInt4(id) ? await getImportError(ctx.client, { id }) : null;
    if (error === null) {
      // Python prints the integer itself, however large; a JS number would print 1e+21.
      const shown = Number.isSafeInteger(id) ? String(id) : String(req.params.import_error_id);
      throw notFound(`The ImportError with import_error_id: \`${shown}\` was not found`);
    }
    res.json(importErrorResponse(error));
  });

  return router;
}
