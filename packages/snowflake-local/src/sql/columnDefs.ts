// Column definitions of CREATE TABLE / ALTER TABLE ADD. Types are mapped; NOT NULL and DEFAULT
// are kept; PRIMARY KEY, UNIQUE and FOREIGN KEY are dropped because Snowflake does not enforce
// them (and DuckDB would); COMMENT, COLLATE, AUTOINCREMENT/IDENTITY and policies are dropped.

import type { SessionFacts } from "./sessionFacts";
import type { Token } from "./tokenize";
import { quoteIdent } from "./tokenize";
import { identValue } from "./names";
import {
  isKeyword,
  matchingParen,
  nextSignificant,
  splitTopLevel,
  syntaxError,
} from "./tokenCursor";
import { translate } from "./translate";
import { readType } from "./types";

const TABLE_CONSTRAINTS = ["CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK"];
/** Words that end a DEFAULT expression. */
const OPTION_WORDS = new Set([
  "NOT",
  "NULL",
  "PRIMARY",
  "UNIQUE",
  "REFERENCES",
  "CONSTRAINT",
  "COMMENT",
  "COLLATE",
  "AUTOINCREMENT",
  "IDENTITY",
  "WITH",
  "MASKING",
  "TAG",
  "DEFAULT",
  "FOREIGN",
]);

/** DuckDB column definitions for the tokens inside `CREATE TABLE t ( ... )`. */
export function translateColumnDefs(inner: readonly Token[], facts: SessionFacts): string {
  return splitTopLevel(inner)
    .map((def) => translateColumnDef(def, facts))
    .filter((def): def is string => def !== undefined)
    .join(", ");
}

/** One column definition, or undefined for a table constraint (dropped). */
export function translateColumnDef(def: readonly Token[], facts: SessionFacts): string | undefined {
  const start = nextSignificant(def, 0);
  const first = def[start];
  if (first === undefined) return undefined;
  if (TABLE_CONSTRAINTS.some((w) => isKeyword(first, w))) return undefined;
  const name = identValue(first);
  if (name === undefined) throw syntaxError(`expected a column name near '${first.text}'`);
  const typeStart = nextSignificant(def, start + 1);
  const { end, duckType } = readType(def, typeStart);
  return [quoteIdent(name), duckType, ...columnOptions(def.slice(end), facts)].join(" ").trim();
}

function columnOptions(tokens: readonly Token[], facts: SessionFacts): string[] {
  const out: string[] = [];
  let i = nextSignificant(tokens, 0);
  while (i < tokens.length) {
    const t = tokens[i];
    const next = (): number => nextSignificant(tokens, i + 1);
    if (isKeyword(t, "NOT") && isKeyword(tokens[next()], "NULL")) {
      out.push("NOT NULL");
      i = nextSignificant(tokens, next() + 1);
    } else if (isKeyword(t, "NULL")) {
      i = next();
    } else if (isKeyword(t, "DEFAULT")) {
      const exprStart = next();
      const exprEnd = endOfExpression(tokens, exprStart);
      out.push(`DEFAULT (${translate(tokens.slice(exprStart, exprEnd), facts)})`);
      i = nextSignificant(tokens, exprEnd);
    } else {
      // A dropped option: skip its words and any parenthesized arguments.
      i = next();
      const after = tokens[i];
      if (after?.kind === "punct" && after.text === "(")
        i = nextSignificant(tokens, matchingParen(tokens, i));
    }
  }
  return out;
}

function endOfExpression(tokens: readonly Token[], start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t?.kind === "punct" && t.text === "(") depth += 1;
    if (t?.kind === "punct" && t.text === ")") depth -= 1;
    if (depth === 0 && i > start && t?.kind === "word" && OPTION_WORDS.has(t.text.toUpperCase()))
      return i;
  }
  return tokens.length;
}
