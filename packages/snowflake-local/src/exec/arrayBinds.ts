// Array binds on `INSERT ... VALUES (?, ?)`: rather than one INSERT per row, the VALUES tuple is
// repeated with each row's literals, a couple of thousand rows per statement.

import type { BindValue } from "../sql/binds";
import { inlineBinds } from "../sql/binds";
import type { Token } from "../sql/tokenize";
import { TokenCursor, isKeyword, matchingParen, nextSignificant } from "../sql/tokenCursor";

const ROWS_PER_STATEMENT = 2000;
const COMMA: Token = { kind: "punct", text: ",", value: "," };

/** Multi-row INSERT statements for `rows`, or undefined when `tokens` is not one VALUES tuple. */
export function expandInsertValues(
  tokens: readonly Token[],
  rows: readonly BindValue[][],
): Token[][] | undefined {
  if (!new TokenCursor(tokens).isWords("INSERT")) return undefined;
  const valuesAt = tokens.findIndex((t) => isKeyword(t, "VALUES"));
  if (valuesAt === -1) return undefined;
  const open = nextSignificant(tokens, valuesAt + 1);
  const openToken = tokens[open];
  if (openToken?.kind !== "punct" || openToken.text !== "(") return undefined;
  const close = matchingParen(tokens, open);
  if (nextSignificant(tokens, close) < tokens.length) return undefined;
  const head = tokens.slice(0, open);
  const tuple = tokens.slice(open, close);
  const statements: Token[][] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const statement = [...head];
    rows.slice(start, start + ROWS_PER_STATEMENT).forEach((row, k) => {
      if (k > 0) statement.push(COMMA);
      statement.push(...inlineBinds(tuple, row));
    });
    statements.push(statement);
  }
  return statements;
}
