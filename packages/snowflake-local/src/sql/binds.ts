// Bind values from the query request, inlined into the statement as literals. Literals rather
// than DuckDB parameters because DuckDB cannot type a parameter in every position (`SELECT ?`),
// while an untyped string literal casts implicitly wherever it lands, as Snowflake's text binds do.

import { SqlError } from "../errors";
import type { Token } from "./tokenize";
import { rawToken, stringToken } from "./tokenize";

/** One binding as snowflake-sdk sends it: a Snowflake type name and a string (or one per row). */
export interface Binding {
  readonly type: string;
  readonly value: string | null | readonly (string | null)[];
}

/** One bind value for one execution. */
export interface BindValue {
  readonly type: string;
  readonly value: string | null;
}

/**
 * Turns the request's `bindings` map ("1".."n") into rows of values: one row for single binds,
 * one row per element for array binds.
 */
export function bindRows(bindings: Readonly<Record<string, Binding>> | undefined): BindValue[][] {
  if (bindings === undefined) return [[]];
  const keys = Object.keys(bindings).sort((a, b) => Number(a) - Number(b));
  const columns = keys.map((k) => bindings[k]).filter((b): b is Binding => b !== undefined);
  const first = columns[0];
  if (first === undefined || !Array.isArray(first.value)) {
    return [
      columns.map((b) => ({
        type: b.type,
        value: Array.isArray(b.value) ? null : scalar(b.value),
      })),
    ];
  }
  const count = first.value.length;
  const rows: BindValue[][] = [];
  for (let r = 0; r < count; r += 1) {
    rows.push(
      columns.map((b) => ({
        type: b.type,
        value: valueAt(b.value, r),
      })),
    );
  }
  return rows;
}

/** Row `r`'s value of an array binding (a scalar binding has none). */
function valueAt(value: Binding["value"], r: number): string | null {
  if (typeof value === "string" || value === null) return null;
  return value[r] ?? null;
}

function scalar(value: string | null | readonly (string | null)[]): string | null {
  return typeof value === "string" ? value : null;
}

/** True when the request carried array binds (several executions). */
export function isArrayBinding(bindings: Readonly<Record<string, Binding>> | undefined): boolean {
  const first = bindings === undefined ? undefined : Object.values(bindings)[0];
  return first !== undefined && Array.isArray(first.value);
}

/** Replaces `?` (in order) and `:n` placeholders with literals for `values`. */
export function inlineBinds(tokens: readonly Token[], values: readonly BindValue[]): Token[] {
  let positional = 0;
  return tokens.map((t) => {
    if (t.kind !== "bind") return t;
    const index = t.value === "" ? positional++ : Number(t.value) - 1;
    const value = values[index];
    if (value === undefined) {
      throw new SqlError("002049", `SQL compilation error:\nBind variable ${t.text} not set.`);
    }
    return literalFor(value);
  });
}

/** The literal a bind value becomes. */
function literalFor(bind: BindValue): Token {
  const { type, value } = bind;
  if (value === null) return rawToken("NULL");
  switch (type.toUpperCase()) {
    case "FIXED":
      // Parenthesized so `x-?` can never become the comment `x--1`.
      return /^[-+]?\d+$/.test(value) ? rawToken(`(${value})`) : stringToken(value);
    case "REAL":
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)
        ? rawToken(`CAST(${value} AS DOUBLE)`)
        : rawToken(`CAST('${value.replace(/'/g, "''")}' AS DOUBLE)`);
    case "BOOLEAN":
      return rawToken(/^(true|1|t|yes|y|on)$/i.test(value) ? "TRUE" : "FALSE");
    default:
      return stringToken(value);
  }
}
