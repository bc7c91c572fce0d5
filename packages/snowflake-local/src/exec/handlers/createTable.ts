// CREATE [OR REPLACE] [TEMPORARY|TRANSIENT] TABLE in the forms loaders use: column definitions,
// AS query (with or without columns), LIKE and CLONE. Temporary tables are tracked per session;
// (re)creating a table forgets its COPY load history, as a new Snowflake table has none.

import { SqlError } from "../../errors";
import { statusResult } from "../../result/statementResult";
import type { RowsResult } from "../../result/statementResult";
import type { Session } from "../../session/session";
import { translateColumnDefs } from "../../sql/columnDefs";
import { readOption } from "../../sql/options";
import type { Token } from "../../sql/tokenize";
import { TokenCursor } from "../../sql/tokenCursor";
import { translate } from "../../sql/translate";
import type { Resources } from "../resources";
import { runSql } from "../runSql";
import type { Statement } from "../statement";
import { loadHistoryKey, qualifiedKey, tableSql } from "../tableRef";
import { atomically } from "../transactions";
import type { CreateHead } from "./createHead";
import { createPrefix, createdName, readCreateHead, shortName } from "./createHead";

/** Where a new table's rows come from, if not only from column definitions. */
type TableBody =
  | { readonly kind: "query"; readonly query: readonly Token[] }
  | { readonly kind: "copyOf"; readonly parts: string[]; readonly withRows: boolean };

/** CREATE TABLE. */
export async function createTable(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  const head = readCreateHead(c, "TABLE");
  const columns = c.isPunct("(")
    ? translateColumnDefs(c.readParenthesized(), session.facts())
    : undefined;
  const body = readBody(c);
  const key = qualifiedKey(head.parts, session);
  res.loadHistory.forget(loadHistoryKey(head.parts, session));
  await atomically(res, session, () => runCreate(res, session, head, columns, body));
  if (head.temporary) session.tempTables.add(key);
  else session.tempTables.delete(key);
  return statusResult(`Table ${shortName(head)} successfully created.`);
}

/** Skips table options (CLUSTER BY, COPY GRANTS, COMMENT = ...) up to AS, LIKE or CLONE. */
function readBody(c: TokenCursor): TableBody | undefined {
  while (!c.atEnd()) {
    if (c.acceptWords("AS")) return { kind: "query", query: c.rest() };
    if (c.acceptWords("LIKE")) return { kind: "copyOf", parts: c.readName(), withRows: false };
    if (c.acceptWords("CLONE")) return { kind: "copyOf", parts: c.readName(), withRows: true };
    if (c.acceptWords("COPY", "GRANTS")) continue;
    if (c.acceptWords("CLUSTER", "BY")) c.readParenthesized();
    else readOption(c);
  }
  return undefined;
}

async function runCreate(
  res: Resources,
  session: Session,
  head: CreateHead,
  columns: string | undefined,
  body: TableBody | undefined,
): Promise<void> {
  const prefix = createPrefix(head, "TABLE");
  const facts = session.facts();
  if (body?.kind === "copyOf") {
    const limit = body.withRows ? "" : " LIMIT 0";
    await runSql(
      res,
      session,
      `${prefix} AS SELECT * FROM ${tableSql(body.parts, session)}${limit}`,
    );
    return;
  }
  if (columns === undefined) {
    if (body === undefined)
      throw new SqlError("001003", "SQL compilation error:\nCREATE TABLE needs columns");
    await runSql(res, session, `${prefix} AS ${translate(body.query, facts)}`);
    return;
  }
  await runSql(res, session, `${prefix} (${columns})`);
  if (body !== undefined) {
    // DuckDB has no CREATE TABLE t (columns) AS query: create, then insert.
    const target = head.temporary ? `temp.main.${createdName(head)}` : createdName(head);
    await runSql(res, session, `INSERT INTO ${target} ${translate(body.query, facts)}`);
  }
}
