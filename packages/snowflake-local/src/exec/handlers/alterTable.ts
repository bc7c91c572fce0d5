// ALTER TABLE: ADD [COLUMN] (several at once, as Snowflake allows), DROP [COLUMN], RENAME TO,
// RENAME COLUMN, ALTER|MODIFY COLUMN. Other clauses (SET / UNSET options, CLUSTER BY) are accepted.

import { statusResult } from "../../result/statementResult";
import type { RowsResult } from "../../result/statementResult";
import type { Session } from "../../session/session";
import { translateColumnDef } from "../../sql/columnDefs";
import { identValue } from "../../sql/names";
import type { SessionFacts } from "../../sql/sessionFacts";
import { quoteIdent } from "../../sql/tokenize";
import { TokenCursor, splitTopLevel } from "../../sql/tokenCursor";
import { readType } from "../../sql/types";
import type { Resources } from "../resources";
import { runSql } from "../runSql";
import type { Statement } from "../statement";
import { tableSql } from "../tableRef";
import { atomically } from "../transactions";

/** ALTER TABLE, as one DuckDB ALTER per column change, run atomically. */
export async function alterTable(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("ALTER", "TABLE");
  const ifExists = c.acceptWords("IF", "EXISTS") ? "IF EXISTS " : "";
  const target = `ALTER TABLE ${ifExists}${tableSql(c.readName(), session)}`;
  const statements = alterStatements(c, target, session.facts());
  await atomically(res, session, async () => {
    for (const sql of statements) await runSql(res, session, sql);
  });
  return statusResult("Statement executed successfully.");
}

function alterStatements(c: TokenCursor, target: string, facts: SessionFacts): string[] {
  if (c.acceptWords("ADD")) {
    c.acceptWords("COLUMN");
    const ifNotExists = c.acceptWords("IF", "NOT", "EXISTS") ? "IF NOT EXISTS " : "";
    return splitTopLevel(c.rest())
      .map((def) => translateColumnDef(def, facts))
      .filter((col): col is string => col !== undefined)
      .map((col) => `${target} ADD COLUMN ${ifNotExists}${col}`);
  }
  if (c.acceptWords("DROP")) {
    c.acceptWords("COLUMN");
    const ifExists = c.acceptWords("IF", "EXISTS") ? "IF EXISTS " : "";
    return splitTopLevel(c.rest())
      .map((col) => identValue(new TokenCursor(col).peek()))
      .filter((name): name is string => name !== undefined)
      .map((name) => `${target} DROP COLUMN ${ifExists}${quoteIdent(name)}`);
  }
  if (c.acceptWords("RENAME", "TO")) {
    const parts = c.readName();
    return [`${target} RENAME TO ${quoteIdent(parts[parts.length - 1] ?? "")}`];
  }
  if (c.acceptWords("RENAME", "COLUMN")) {
    const [from = ""] = c.readName();
    c.expectWords("TO");
    const [to = ""] = c.readName();
    return [`${target} RENAME COLUMN ${quoteIdent(from)} TO ${quoteIdent(to)}`];
  }
  if (c.acceptAnyWord("ALTER", "MODIFY") !== undefined) return alterColumns(c, target);
  return [];
}

/** ALTER COLUMN c SET DATA TYPE t | TYPE t | SET NOT NULL | DROP NOT NULL | DROP DEFAULT. */
function alterColumns(c: TokenCursor, target: string): string[] {
  const out: string[] = [];
  for (const part of splitTopLevel(c.rest())) {
    const pc = new TokenCursor(part);
    pc.acceptWords("COLUMN");
    const [name = ""] = pc.readName();
    const col = `${target} ALTER COLUMN ${quoteIdent(name)}`;
    if (
      pc.acceptWords("SET", "DATA", "TYPE") ||
      pc.acceptWords("SET", "TYPE") ||
      pc.acceptWords("TYPE")
    ) {
      out.push(`${col} SET DATA TYPE ${readType(part, pc.index).duckType}`);
    } else if (pc.acceptWords("SET", "NOT", "NULL")) out.push(`${col} SET NOT NULL`);
    else if (pc.acceptWords("DROP", "NOT", "NULL")) out.push(`${col} DROP NOT NULL`);
    else if (pc.acceptWords("DROP", "DEFAULT")) out.push(`${col} DROP DEFAULT`);
  }
  return out;
}
