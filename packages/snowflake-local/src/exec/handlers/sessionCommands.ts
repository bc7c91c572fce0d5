// ALTER SESSION and the account-level statements (warehouses, roles, grants) that have no
// meaning locally and are accepted as no-ops.

import { statusResult } from "../../result/statementResult";
import type { RowsResult } from "../../result/statementResult";
import { StatementTypeId } from "../../result/statementType";
import type { Session } from "../../session/session";
import { optionText, readOptions } from "../../sql/options";
import { quoteString } from "../../sql/tokenize";
import { TokenCursor } from "../../sql/tokenCursor";
import type { Resources } from "../resources";
import { runSql } from "../runSql";
import type { Statement } from "../statement";

const DONE = "Statement executed successfully.";

/** ALTER SESSION SET k = v ... | UNSET k ...: TIMEZONE is applied, everything else ignored. */
export async function alterSession(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("ALTER", "SESSION");
  if (c.acceptWords("SET")) {
    const timezone = optionText(readOptions(c), "TIMEZONE");
    if (timezone !== undefined) await setTimezone(res, session, timezone);
  } else if (c.acceptWords("UNSET")) {
    const names: string[] = [];
    while (!c.atEnd()) {
      const t = c.next();
      if (t.kind === "word") names.push(t.text.toUpperCase());
    }
    if (names.includes("TIMEZONE")) await setTimezone(res, session, "UTC");
  }
  return statusResult(DONE, StatementTypeId.ALTER_SESSION);
}

async function setTimezone(res: Resources, session: Session, timezone: string): Promise<void> {
  await runSql(res, session, `SET TimeZone = ${quoteString(timezone)}`);
  session.timezone = timezone;
}

/** GRANT, REVOKE, CREATE/ALTER/DROP WAREHOUSE or ROLE: accepted, nothing happens. */
export function acceptNoop(): Promise<RowsResult> {
  return Promise.resolve(statusResult(DONE, StatementTypeId.SCL));
}
