// SELECT, WITH, VALUES, EXPLAIN: translated and run as they are; rows encoded for the driver.

import { encodeResult } from "../../result/encodeResult";
import type { RowsResult } from "../../result/statementResult";
import { StatementTypeId } from "../../result/statementType";
import type { Session } from "../../session/session";
import { translate } from "../../sql/translate";
import type { Resources } from "../resources";
import { runSql } from "../runSql";
import type { Statement } from "../statement";

/** Runs a row-returning statement. */
export async function runQuery(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const reader = await runSql(res, session, translate(stmt.tokens, session.facts()));
  const { rowtype, rowset } = encodeResult(reader);
  return { kind: "rows", rowtype, rowset, statementTypeId: StatementTypeId.SELECT };
}
