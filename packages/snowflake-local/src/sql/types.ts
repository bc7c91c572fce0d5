// Snowflake data type names → DuckDB types, applied where a type can appear: column
// definitions, `::` casts and CAST(... AS type).

import { emit } from "./emit";
import type { Token } from "./tokenize";
import { rawToken } from "./tokenize";
import { isKeyword, matchingParen, nextSignificant, splitTopLevel } from "./tokenCursor";

const INTEGER_TYPES = new Set(["INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "BYTEINT"]);
const DECIMAL_TYPES = new Set(["NUMBER", "NUMERIC", "DECIMAL", "DEC"]);
const FLOAT_TYPES = new Set(["FLOAT", "FLOAT4", "FLOAT8", "DOUBLE", "REAL"]);
const TEXT_TYPES = new Set([
  "VARCHAR",
  "STRING",
  "TEXT",
  "CHAR",
  "CHARACTER",
  "NCHAR",
  "NVARCHAR",
  "NVARCHAR2",
]);
const NTZ_TYPES = new Set(["DATETIME", "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMPNTZ"]);
const TZ_TYPES = new Set(["TIMESTAMP_LTZ", "TIMESTAMPLTZ", "TIMESTAMP_TZ", "TIMESTAMPTZ"]);
const JSON_TYPES = new Set(["VARIANT", "OBJECT", "ARRAY"]);
const BINARY_TYPES = new Set(["BINARY", "VARBINARY"]);

/** A type read from tokens: where it ends and what DuckDB calls it. */
export interface ReadType {
  readonly end: number;
  readonly duckType: string;
}

/**
 * Reads the type starting at significant token `start`. Unknown names are passed through as
 * written, so DuckDB's own types (and its error for nonsense) still work.
 */
export function readType(tokens: readonly Token[], start: number): ReadType {
  const first = tokens[start];
  if (first === undefined || (first.kind !== "word" && first.kind !== "quoted")) {
    return { end: start, duckType: "" };
  }
  const name = first.kind === "word" ? first.text.toUpperCase() : first.value;
  let end = start + 1;
  let words = [name];
  // Multi-word spellings: DOUBLE PRECISION, CHARACTER VARYING, TIMESTAMP WITH[OUT] [LOCAL] TIME ZONE.
  const follow = (...seq: string[]): boolean => {
    let i = end;
    for (const w of seq) {
      i = nextSignificant(tokens, i);
      if (!isKeyword(tokens[i], w)) return false;
      i += 1;
    }
    end = i;
    words = [...words, ...seq];
    return true;
  };
  if (name === "DOUBLE") follow("PRECISION");
  if (name === "CHARACTER" || name === "CHAR" || name === "NCHAR") follow("VARYING");
  if (name === "TIMESTAMP") {
    if (!follow("WITH", "LOCAL", "TIME", "ZONE") && !follow("WITH", "TIME", "ZONE")) {
      follow("WITHOUT", "TIME", "ZONE");
    }
  }
  let args: string[] = [];
  const open = nextSignificant(tokens, end);
  const openToken = tokens[open];
  if (openToken?.kind === "punct" && openToken.text === "(") {
    const close = matchingParen(tokens, open);
    args = splitTopLevel(tokens.slice(open + 1, close - 1)).map((a) => emit(a).trim());
    end = close;
  }
  return { end, duckType: mapType(words, args, tokens.slice(start, end)) };
}

function mapType(words: readonly string[], args: readonly string[], original: Token[]): string {
  const [head = ""] = words;
  if (words.includes("WITH")) return "TIMESTAMPTZ";
  if (words.includes("WITHOUT")) return "TIMESTAMP";
  if (INTEGER_TYPES.has(head)) return "BIGINT";
  if (DECIMAL_TYPES.has(head)) {
    const precision = args[0] ?? "38";
    const scale = args[1] ?? "0";
    return `DECIMAL(${precision}, ${scale})`;
  }
  if (FLOAT_TYPES.has(head)) return "DOUBLE";
  if (TEXT_TYPES.has(head)) return "VARCHAR";
  if (head === "BOOLEAN" || head === "BOOL") return "BOOLEAN";
  if (head === "DATE") return "DATE";
  if (head === "TIME") return "TIME";
  if (NTZ_TYPES.has(head)) return "TIMESTAMP";
  if (TZ_TYPES.has(head)) return "TIMESTAMPTZ";
  if (JSON_TYPES.has(head)) return "JSON";
  if (BINARY_TYPES.has(head)) return "BLOB";
  return emit(original);
}

/** Rewrites the types after `::` and inside CAST/TRY_CAST(... AS type) anywhere in `tokens`. */
export function rewriteCastTypes(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === undefined) break;
    if (t.kind === "op" && t.text === "::") {
      const start = nextSignificant(tokens, i + 1);
      const { end, duckType } = readType(tokens, start);
      out.push(t, rawToken(duckType));
      i = end;
      continue;
    }
    if ((isKeyword(t, "CAST") || isKeyword(t, "TRY_CAST")) && isOpenParen(tokens, i + 1)) {
      const open = nextSignificant(tokens, i + 1);
      const close = matchingParen(tokens, open);
      out.push(t, ...rewriteCastBody(tokens.slice(open, close)));
      i = close;
      continue;
    }
    out.push(t);
    i += 1;
  }
  return out;
}

/** `( expr AS type )`: rewrites casts inside expr, then the type after the last top-level AS. */
function rewriteCastBody(group: readonly Token[]): Token[] {
  const inner = group.slice(1, -1);
  let depth = 0;
  let asAt = -1;
  inner.forEach((t, k) => {
    if (t.kind === "punct" && t.text === "(") depth += 1;
    if (t.kind === "punct" && t.text === ")") depth -= 1;
    if (depth === 0 && isKeyword(t, "AS")) asAt = k;
  });
  if (asAt === -1) return [...group.slice(0, 1), ...rewriteCastTypes(inner), ...group.slice(-1)];
  const start = nextSignificant(inner, asAt + 1);
  const { end, duckType } = readType(inner, start);
  return [
    ...group.slice(0, 1),
    ...rewriteCastTypes(inner.slice(0, asAt + 1)),
    rawToken(` ${duckType}`),
    ...inner.slice(end),
    ...group.slice(-1),
  ];
}

function isOpenParen(tokens: readonly Token[], from: number): boolean {
  const t = tokens[nextSignificant(tokens, from)];
  return t?.kind === "punct" && t.text === "(";
}
