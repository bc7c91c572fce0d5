// Parses COPY INTO <table> [(columns)] FROM <stage> [options].

import { SqlError } from "../errors";
import type { Options } from "../sql/options";
import { readOptions } from "../sql/options";
import type { Token } from "../sql/tokenize";
import { identValue } from "../sql/names";
import { TokenCursor, splitTopLevel, syntaxError } from "../sql/tokenCursor";
import type { StageRef } from "../stage/stageRef";
import { parseStageRef } from "../stage/stageRef";

/** A parsed COPY INTO <table>. */
export interface CopyStatement {
  readonly table: string[];
  readonly columns: string[] | undefined;
  readonly stage: StageRef;
  readonly options: Options;
}

/** Parses `tokens`; unloads (COPY INTO @stage) and transformations (FROM (SELECT ...)) are refused. */
export function parseCopyStatement(tokens: readonly Token[]): CopyStatement {
  const c = new TokenCursor(tokens);
  c.expectWords("COPY", "INTO");
  if (isStageToken(c.peek())) throw unsupported("COPY INTO <stage> (unloading)");
  const table = c.readName();
  const columns = c.isPunct("(")
    ? splitTopLevel(c.readParenthesized()).map((col) => {
        const name = identValue(new TokenCursor(col).peek());
        if (name === undefined) throw syntaxError("expected a column name in COPY INTO");
        return name;
      })
    : undefined;
  c.expectWords("FROM");
  if (c.isPunct("(")) throw unsupported("COPY with a transformation (FROM (SELECT ...))");
  const from = c.next();
  if (!isStageToken(from)) throw unsupported(`COPY FROM '${from.text}' (only internal stages)`);
  return { table, columns, stage: parseStageRef(from.value), options: readOptions(c) };
}

function isStageToken(t: Token | undefined): boolean {
  return (
    t !== undefined && (t.kind === "stage" || (t.kind === "string" && t.value.startsWith("@")))
  );
}

function unsupported(what: string): SqlError {
  return new SqlError(
    "001003",
    `SQL compilation error:\n${what} is not supported by snowflake-local`,
  );
}
