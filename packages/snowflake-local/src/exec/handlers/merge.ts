// MERGE. DuckDB runs Snowflake's MERGE syntax, but reports one total and silently applies a merge
// in which several source rows match one target row. Snowflake rejects that merge (100090), so
// it is checked first; the insert/update/delete split comes from RETURNING merge_action.

import { SqlError } from "../../errors";
import { dmlResult } from "../../result/statementResult";
import type { RowsResult } from "../../result/statementResult";
import { StatementTypeId } from "../../result/statementType";
import type { Session } from "../../session/session";
import type { Token } from "../../sql/tokenize";
import { quoteIdent } from "../../sql/tokenize";
import {
  TokenCursor,
  isKeyword,
  matchingParen,
  nextSignificant,
  syntaxError,
} from "../../sql/tokenCursor";
import { translate } from "../../sql/translate";
import { identValue } from "../../sql/names";
import type { Resources } from "../resources";
import { runSql } from "../runSql";
import type { Statement } from "../statement";
import { tableSql } from "../tableRef";
import { atomically } from "../transactions";

interface MergeShape {
  readonly target: string;
  readonly targetAlias: string;
  readonly aliasClause: string;
  readonly source: readonly Token[];
  readonly on: readonly Token[];
  readonly clauses: readonly (readonly Token[])[];
}

/** MERGE INTO target USING source ON cond WHEN ... */
export async function runMerge(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const shape = parseMerge(stmt.tokens, session);
  const facts = session.facts();
  const matched = shape.clauses.filter((cl) => !isKeyword(firstSig(cl, 1), "NOT"));
  const hasDelete = shape.clauses.some((cl) => cl.some((t) => isKeyword(t, "DELETE")));
  const sql = `${translate(stmt.tokens, facts)} RETURNING merge_action`;
  const counts = await atomically(res, session, async () => {
    if (matched.length > 0) await rejectDuplicateMatches(res, session, shape, matched);
    const reader = await runSql(res, session, sql);
    const tally = { INSERT: 0, UPDATE: 0, DELETE: 0 };
    for (const [action] of reader.getRows()) {
      if (action === "INSERT" || action === "UPDATE" || action === "DELETE") tally[action] += 1;
    }
    return tally;
  });
  const columns: [string, number][] = [
    ["number of rows inserted", counts.INSERT],
    ["number of rows updated", counts.UPDATE],
  ];
  if (hasDelete) columns.push(["number of rows deleted", counts.DELETE]);
  return dmlResult(columns, StatementTypeId.MERGE);
}

/** Snowflake's nondeterministic-merge check: one target row joined by several source rows. */
async function rejectDuplicateMatches(
  res: Resources,
  session: Session,
  shape: MergeShape,
  matched: readonly (readonly Token[])[],
): Promise<void> {
  const facts = session.facts();
  const conditions = matched.map(matchCondition);
  const extra = conditions.every((cond) => cond !== undefined)
    ? ` AND (${conditions.map((cond) => `(${translate(cond ?? [], facts)})`).join(" OR ")})`
    : "";
  const sql =
    `SELECT 1 FROM ${shape.target} ${shape.aliasClause} JOIN ${translate(shape.source, facts)} ` +
    `ON (${translate(shape.on, facts)})${extra} GROUP BY ${shape.targetAlias}.rowid HAVING COUNT(*) > 1 LIMIT 1`;
  const reader = await runSql(res, session, sql);
  if (reader.currentRowCount > 0) {
    throw new SqlError("100090", "Duplicate row detected during DML action\nRow Values: []");
  }
}

/** The `AND cond` of `MATCHED AND cond THEN ...`, or undefined for an unconditional clause. */
function matchCondition(clause: readonly Token[]): readonly Token[] | undefined {
  const c = new TokenCursor(clause);
  c.acceptWords("WHEN");
  c.acceptWords("MATCHED");
  if (!c.acceptWords("AND")) return undefined;
  const start = c.index;
  while (!c.atEnd() && !c.isWords("THEN")) c.next();
  return clause.slice(start, c.index);
}

function parseMerge(tokens: readonly Token[], session: Session): MergeShape {
  const c = new TokenCursor(tokens);
  c.expectWords("MERGE", "INTO");
  const targetParts = c.readName();
  c.acceptWords("AS");
  const alias = isKeyword(c.peek(), "USING") ? undefined : identValue(c.next());
  c.expectWords("USING");
  const sourceStart = c.index;
  if (c.isPunct("(")) c.seek(matchingParen(tokens, c.index));
  else c.readName();
  if (c.acceptWords("AS") || !isKeyword(c.peek(), "ON")) c.next();
  const sourceEnd = c.index;
  c.expectWords("ON");
  const onStart = c.index;
  const whenAt = topLevelWhens(tokens, onStart);
  const [firstWhen] = whenAt;
  if (firstWhen === undefined) throw syntaxError("MERGE needs at least one WHEN clause");
  const targetAlias = alias ?? targetParts[targetParts.length - 1] ?? "";
  return {
    target: tableSql(targetParts, session),
    targetAlias: quoteIdent(targetAlias),
    aliasClause: alias === undefined ? "" : `AS ${quoteIdent(alias)}`,
    source: tokens.slice(sourceStart, sourceEnd),
    on: tokens.slice(onStart, firstWhen),
    clauses: whenAt.map((at, k) => tokens.slice(at, whenAt[k + 1] ?? tokens.length)),
  };
}

/** Indexes of the WHEN keywords that start MERGE clauses (not those inside CASE or parentheses). */
function topLevelWhens(tokens: readonly Token[], from: number): number[] {
  const found: number[] = [];
  let depth = 0;
  let caseDepth = 0;
  for (let i = from; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t?.kind === "punct" && t.text === "(") depth += 1;
    else if (t?.kind === "punct" && t.text === ")") depth -= 1;
    else if (depth === 0 && isKeyword(t, "CASE")) caseDepth += 1;
    else if (depth === 0 && isKeyword(t, "END")) caseDepth -= 1;
    else if (depth === 0 && caseDepth === 0 && isKeyword(t, "WHEN")) {
      const next = tokens[nextSignificant(tokens, i + 1)];
      if (isKeyword(next, "MATCHED") || isKeyword(next, "NOT")) found.push(i);
    }
  }
  return found;
}

function firstSig(tokens: readonly Token[], n: number): Token | undefined {
  const c = new TokenCursor(tokens);
  return c.peek(n);
}
