// INSERT, UPDATE, DELETE: DuckDB's one `Count` becomes Snowflake's named count columns, which the
// driver sums for getNumUpdatedRows().

import type { DuckDBResultReader } from "@duckdb/node-api";
import { SqlError } from "../../errors";
import { dmlResult } from "../../result/statementResult";
import type { RowsResult } from "../../result/statementResult";
import { StatementTypeId } from "../../result/statementType";
import type { Session } from "../../session/session";
import { TokenCursor } from "../../sql/tokenCursor";
import { translate } from "../../sql/translate";
import type { Resources } from "../resources";
import { runSql } from "../runSql";
import type { Statement } from "../statement";
import { tableSql } from "../tableRef";
import { atomically } from "../transactions";

/** The row count a DuckDB DML statement reports. */
export function countOf(reader: DuckDBResultReader): number {
  const first = reader.getRows()[0]?.[0];
  return first === undefined || first === null ? 0 : Number(first);
}

/** INSERT [OVERWRITE] INTO ... */
export async function runInsert(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("INSERT");
  if (c.isWords("ALL") || c.isWords("FIRST")) {
    throw new SqlError(
      "001003",
      "SQL compilation error:\nmulti-table INSERT is not supported by snowflake-local",
    );
  }
  const overwrite = c.acceptWords("OVERWRITE");
  const facts = session.facts();
  let inserted: number;
  if (overwrite) {
    c.expectWords("INTO");
    const target = tableSql(c.readName(), session);
    const sql = `INSERT INTO ${target} ${translate(c.rest(), facts)}`;
    inserted = await atomically(res, session, async () => {
      await runSql(res, session, `DELETE FROM ${target}`);
      return countOf(await runSql(res, session, sql));
    });
  } else {
    inserted = countOf(await runSql(res, session, translate(stmt.tokens, facts)));
  }
  return dmlResult([["number of rows inserted", inserted]], StatementTypeId.INSERT);
}

/** UPDATE ... */
export async function runUpdate(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const updated = countOf(await runSql(res, session, translate(stmt.tokens, session.facts())));
  return dmlResult(
    [
      ["number of rows updated", updated],
      ["number of multi-joined rows updated", 0],
    ],
    StatementTypeId.UPDATE,
  );
}

/** DELETE ... */
export async function runDelete(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const deleted = countOf(await runSql(res, session, translate(stmt.tokens, session.facts())));
  return dmlResult([["number of rows deleted", deleted]], StatementTypeId.DELETE);
}
