// One query-request: tokenize, split, bind (once, or once per row for array binds) and execute.

import { SqlError } from "../errors";
import type { RowsResult, StatementResult } from "../result/statementResult";
import type { Session } from "../session/session";
import type { Binding, BindValue } from "../sql/binds";
import { bindRows, inlineBinds, isArrayBinding } from "../sql/binds";
import { splitStatements } from "../sql/splitStatements";
import type { Token } from "../sql/tokenize";
import { tokenize } from "../sql/tokenize";
import { StatementTypeId } from "../result/statementType";
import { expandInsertValues } from "./arrayBinds";
import { classify } from "./classify";
import { executeStatement } from "./executeStatement";
import type { Resources } from "./resources";
import { atomically } from "./transactions";

/** The parts of a query-request body this server reads. */
export interface QueryRequest {
  readonly sqlText: string;
  readonly bindings?: Readonly<Record<string, Binding>>;
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** Describe the result without running the statement. */
  readonly describeOnly?: boolean;
}

const FILE_TRANSFER = /^\s*(PUT|GET)\s/i;

/** Executes a request's statement(s) on `session`; the last statement's result is returned. */
export function executeRequest(
  res: Resources,
  session: Session,
  request: QueryRequest,
): Promise<StatementResult> {
  return session.exclusive(async () => {
    const transfer = FILE_TRANSFER.exec(request.sqlText);
    if (transfer !== null) {
      // PUT/GET paths (`file:///dir/*.csv`) are not SQL: only the verb is tokenized.
      const text = request.sqlText.trim().replace(/;\s*$/, "");
      return executeStatement(res, session, { tokens: tokenize(transfer[1] ?? ""), text });
    }
    const statements = splitStatements(tokenize(request.sqlText));
    if (statements.length === 0) throw new SqlError("000900", "Empty SQL statement.");
    const allowed = Number(request.parameters?.["MULTI_STATEMENT_COUNT"] ?? 1);
    if (statements.length > 1 && allowed !== 0 && allowed !== statements.length) {
      throw new SqlError(
        "000008",
        `Actual statement count ${statements.length} did not match the desired statement count ${allowed}.`,
      );
    }
    if (request.describeOnly === true) return describeOnly(res, session, statements);
    let result: StatementResult | undefined;
    for (const tokens of statements)
      result = await executeBound(res, session, tokens, request.bindings);
    if (result === undefined) throw new SqlError("000900", "Empty SQL statement.");
    return result;
  });
}

/** A query's columns from running it with LIMIT 0; other statements describe as no columns. */
async function describeOnly(
  res: Resources,
  session: Session,
  statements: readonly Token[][],
): Promise<StatementResult> {
  const [tokens = []] = statements;
  if (statements.length !== 1 || classify(tokens) !== "query") {
    return { kind: "rows", rowtype: [], rowset: [], statementTypeId: StatementTypeId.SELECT };
  }
  const nulls = Array.from({ length: 1000 }, () => ({ type: "TEXT", value: null }));
  const wrapped = [
    ...tokenize("SELECT * FROM ("),
    ...inlineBinds(tokens, nulls),
    ...tokenize(") LIMIT 0"),
  ];
  return executeStatement(res, session, { tokens: wrapped });
}

async function executeBound(
  res: Resources,
  session: Session,
  tokens: readonly Token[],
  bindings: QueryRequest["bindings"],
): Promise<StatementResult> {
  const rows = bindRows(bindings);
  if (!isArrayBinding(bindings))
    return executeStatement(res, session, { tokens: inlineBinds(tokens, rows[0] ?? []) });
  const expanded = expandInsertValues(tokens, rows);
  if (expanded !== undefined) {
    return sumCounts(
      await atomically(res, session, () =>
        runAll(
          res,
          session,
          expanded.map((t) => [t, []]),
        ),
      ),
    );
  }
  return sumCounts(
    await atomically(res, session, () =>
      runAll(
        res,
        session,
        rows.map((row) => [tokens, row]),
      ),
    ),
  );
}

async function runAll(
  res: Resources,
  session: Session,
  jobs: readonly (readonly [readonly Token[], readonly BindValue[]])[],
): Promise<StatementResult[]> {
  const results: StatementResult[] = [];
  for (const [tokens, row] of jobs)
    results.push(await executeStatement(res, session, { tokens: inlineBinds(tokens, row) }));
  return results;
}

/** One result for an array bind: Snowflake reports one total per count column. */
function sumCounts(results: readonly StatementResult[]): StatementResult {
  const [first] = results;
  if (first === undefined) throw new SqlError("000900", "Empty SQL statement.");
  if (first.kind !== "rows") return first;
  const totals = first.rowtype.map((_, c) =>
    results.reduce((sum, r) => sum + (r.kind === "rows" ? Number(r.rowset[0]?.[c] ?? 0) : 0), 0),
  );
  const summed: RowsResult = { ...first, rowset: [totals.map(String)] };
  return summed;
}
