// Rewrites dotted object names that DuckDB would resolve differently from Snowflake:
// INFORMATION_SCHEMA views (per database in Snowflake, global in DuckDB) and qualified
// references to the session's temporary tables (DuckDB keeps those in its own `temp` catalog).

import { INFORMATION_SCHEMA_VIEWS, tempTablesArgument } from "./informationSchema";
import { identValue, resolveObjectName } from "./names";
import type { SessionFacts } from "./sessionFacts";
import type { Token } from "./tokenize";
import { quoteIdent, quoteString, rawToken } from "./tokenize";
import { nextSignificant } from "./tokenCursor";

interface NameChain {
  readonly parts: string[];
  readonly end: number;
}

/** Rewrites information_schema and temp-table references in `tokens`. */
export function resolveNames(tokens: readonly Token[], facts: SessionFacts): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === undefined) break;
    const chain =
      identValue(t) !== undefined && !followsDot(out) ? readChain(tokens, i) : undefined;
    const replacement = chain === undefined ? undefined : replace(chain, tokens, facts);
    if (chain !== undefined && replacement !== undefined) {
      out.push(rawToken(replacement));
      i = chain.end;
      continue;
    }
    out.push(t);
    i += 1;
  }
  return out;
}

function followsDot(out: readonly Token[]): boolean {
  for (let k = out.length - 1; k >= 0; k -= 1) {
    const t = out[k];
    if (t?.kind === "space") continue;
    return t?.kind === "punct" && t.text === ".";
  }
  return false;
}

/** Reads `a.b.c` starting at `start`; `end` is just past the last part. */
function readChain(tokens: readonly Token[], start: number): NameChain {
  const parts: string[] = [];
  let i = start;
  let end = start;
  for (;;) {
    const v = identValue(tokens[i]);
    if (v === undefined) break;
    parts.push(v);
    end = i + 1;
    const dot = nextSignificant(tokens, end);
    const dotToken = tokens[dot];
    if (dotToken?.kind !== "punct" || dotToken.text !== ".") break;
    i = nextSignificant(tokens, dot + 1);
  }
  return { parts, end };
}

function replace(
  chain: NameChain,
  tokens: readonly Token[],
  facts: SessionFacts,
): string | undefined {
  const after = tokens[nextSignificant(tokens, chain.end)];
  if (after?.kind === "punct" && after.text === "(") return undefined;
  const { parts } = chain;
  const schemaPart = parts[parts.length - 2];
  const last = parts[parts.length - 1];
  if (
    parts.length >= 2 &&
    parts.length <= 3 &&
    schemaPart?.toUpperCase() === "INFORMATION_SCHEMA"
  ) {
    const macro = last === undefined ? undefined : INFORMATION_SCHEMA_VIEWS[last.toUpperCase()];
    if (macro === undefined) return undefined;
    const db = parts.length === 3 ? (parts[0] ?? null) : facts.database;
    return `${macro}(${literalOrNull(db)}, ${literalOrNull(facts.database)}, ${literalOrNull(facts.schema)}, ${tempTablesArgument(facts.tempTables)})`;
  }
  if (parts.length < 2 || parts.length > 3 || facts.tempTables.size === 0) return undefined;
  const name = resolveObjectName(parts, facts);
  const key = `${name.database ?? ""}.${name.schema ?? ""}.${name.name}`;
  return facts.tempTables.has(key) ? `temp.main.${quoteIdent(name.name)}` : undefined;
}

function literalOrNull(value: string | null): string {
  return value === null ? "CAST(NULL AS VARCHAR)" : quoteString(value);
}
