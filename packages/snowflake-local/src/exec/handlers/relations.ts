// CREATE VIEW, DROP TABLE / VIEW and TRUNCATE. Dropping or truncating a table forgets its COPY
// load history, as Snowflake's do.

import { SqlError } from "../../errors";
import { statusResult } from "../../result/statementResult";
import type { RowsResult } from "../../result/statementResult";
import type { Session } from "../../session/session";
import { identValue } from "../../sql/names";
import { readOption } from "../../sql/options";
import { quoteIdent } from "../../sql/tokenize";
import { TokenCursor, splitTopLevel, syntaxError } from "../../sql/tokenCursor";
import { translate } from "../../sql/translate";
import type { Resources } from "../resources";
import { runSql } from "../runSql";
import type { Statement } from "../statement";
import { loadHistoryKey, qualifiedKey, tableSql } from "../tableRef";
import { createPrefix, readCreateHead, shortName } from "./createHead";

/** CREATE [OR REPLACE] [SECURE] [TEMPORARY] VIEW name [(columns)] [options] AS query. */
export async function createView(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  const head = readCreateHead(c, "VIEW");
  const columns = c.isPunct("(") ? `(${viewColumns(c).join(", ")})` : "";
  while (!c.atEnd() && !c.isWords("AS")) {
    if (!c.acceptWords("COPY", "GRANTS")) readOption(c);
  }
  if (!c.acceptWords("AS")) throw syntaxError("CREATE VIEW needs AS <query>");
  const sql = `${createPrefix(head, "VIEW")} ${columns} AS ${translate(c.rest(), session.facts())}`;
  await runSql(res, session, sql);
  return statusResult(`View ${shortName(head)} successfully created.`);
}

/** The names of `(a COMMENT '...', b)`, without their comments. */
function viewColumns(c: TokenCursor): string[] {
  return splitTopLevel(c.readParenthesized())
    .map((def) => identValue(new TokenCursor(def).peek()))
    .filter((n): n is string => n !== undefined)
    .map(quoteIdent);
}

/** DROP TABLE | VIEW [IF EXISTS] name [CASCADE | RESTRICT]. */
export function dropRelation(object: "TABLE" | "VIEW") {
  return async (res: Resources, session: Session, stmt: Statement): Promise<RowsResult> => {
    const c = new TokenCursor(stmt.tokens);
    c.expectWords("DROP", object);
    const ifExists = c.acceptWords("IF", "EXISTS");
    const parts = c.readName();
    const name = parts[parts.length - 1] ?? "";
    const target = tableSql(parts, session);
    res.loadHistory.forget(loadHistoryKey(parts, session));
    session.tempTables.delete(qualifiedKey(parts, session));
    try {
      await runSql(res, session, `DROP ${object} ${target}`);
    } catch (error) {
      if (ifExists && isMissing(error)) {
        return statusResult(`Drop statement executed successfully (${name} already dropped).`);
      }
      throw error;
    }
    return statusResult(`${name} successfully dropped.`);
  };
}

/** TRUNCATE [TABLE] [IF EXISTS] name. */
export async function truncateTable(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("TRUNCATE");
  c.acceptWords("TABLE");
  const ifExists = c.acceptWords("IF", "EXISTS");
  const parts = c.readName();
  try {
    await runSql(res, session, `DELETE FROM ${tableSql(parts, session)}`);
  } catch (error) {
    if (!(ifExists && isMissing(error))) throw error;
  }
  res.loadHistory.forget(loadHistoryKey(parts, session));
  return statusResult("Statement executed successfully.");
}

function isMissing(error: unknown): boolean {
  return error instanceof SqlError && error.code === "002003";
}
