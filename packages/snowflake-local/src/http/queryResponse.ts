// A statement result → the `data` of a query-request response.

import type { StatementResult } from "../result/statementResult";
import type { Session } from "../session/session";
import { sessionParameters } from "./parameters";

/** The response `data` the driver reads rows (or PUT/GET instructions) from. */
export function queryResponseData(
  result: StatementResult,
  session: Session,
  queryId: string,
): Record<string, unknown> {
  const common = {
    queryId,
    parameters: sessionParameters(session),
    finalDatabaseName: session.database,
    finalSchemaName: session.schema,
    finalWarehouseName: session.warehouse,
    finalRoleName: session.role,
    queryContext: { entries: [] },
  };
  if (result.kind === "transfer") return { ...common, rowtype: [], rowset: [], ...result.data };
  return {
    ...common,
    rowtype: result.rowtype,
    rowset: result.rowset,
    total: result.rowset.length,
    returned: result.rowset.length,
    statementTypeId: result.statementTypeId,
    version: 1,
    queryResultFormat: "json",
    numberOfBinds: 0,
    arrayBindSupported: false,
    sendResultTime: Date.now(),
  };
}
