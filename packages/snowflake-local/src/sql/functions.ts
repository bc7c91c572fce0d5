// Rewrites Snowflake function calls DuckDB lacks or spells differently. Simple ones are macros
// (macros.ts); the ones here need the call's shape: bare date parts, optional format arguments,
// variadic DECODE, zero-argument CURRENT_TIMESTAMP(), LISTAGG ... WITHIN GROUP.

import { duckDatePart, isDateLevelPart } from "./dateParts";
import { toStrftimeFormat } from "./dateFormat";
import { emit } from "./emit";
import type { SessionFacts } from "./sessionFacts";
import type { Token } from "./tokenize";
import { quoteString, rawToken } from "./tokenize";
import { isKeyword, matchingParen, nextSignificant, splitTopLevel } from "./tokenCursor";

type Args = readonly (readonly Token[])[];
type CallRule = (args: Args, facts: SessionFacts) => string | undefined;

/** Rewrites every call in `tokens` that has a rule, innermost first. */
export function rewriteCalls(tokens: readonly Token[], facts: SessionFacts): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === undefined) break;
    const open = nextSignificant(tokens, i + 1);
    const openToken = tokens[open];
    if (t.kind !== "word" || openToken?.kind !== "punct" || openToken.text !== "(") {
      out.push(t);
      i += 1;
      continue;
    }
    const close = matchingParen(tokens, open);
    const args = splitTopLevel(tokens.slice(open + 1, close - 1)).map((a) =>
      rewriteCalls(a, facts),
    );
    const name = t.text.toUpperCase();
    const rule = isQualified(out) ? undefined : RULES[name];
    if (name === "LISTAGG" || name === "ARRAY_AGG") {
      const within = readWithinGroup(tokens, close, facts);
      if (within !== undefined) {
        const fn = name === "LISTAGG" ? "STRING_AGG" : "ARRAY_AGG";
        const listed = args.length === 1 && name === "LISTAGG" ? [...args, [rawToken("''")]] : args;
        out.push(rawToken(`${fn}(${joinArgs(listed)} ${within.orderBy})`));
        i = within.end;
        continue;
      }
    }
    const rewritten = rule?.(args, facts);
    if (rewritten !== undefined) {
      out.push(rawToken(rewritten));
    } else {
      out.push(t, rawToken(`(${joinArgs(args)})`));
    }
    i = close;
  }
  return out;
}

function isQualified(out: readonly Token[]): boolean {
  for (let k = out.length - 1; k >= 0; k -= 1) {
    const t = out[k];
    if (t?.kind === "space") continue;
    return t?.kind === "punct" && t.text === ".";
  }
  return false;
}

function joinArgs(args: Args): string {
  return args.map((a) => emit(a)).join(",");
}

/** `WITHIN GROUP (ORDER BY ...)` after a call ending at `from`: the ORDER BY text and where it ends. */
function readWithinGroup(
  tokens: readonly Token[],
  from: number,
  facts: SessionFacts,
): { orderBy: string; end: number } | undefined {
  const w = nextSignificant(tokens, from);
  const g = nextSignificant(tokens, w + 1);
  const p = nextSignificant(tokens, g + 1);
  if (!isKeyword(tokens[w], "WITHIN") || !isKeyword(tokens[g], "GROUP")) return undefined;
  const close = matchingParen(tokens, p);
  return { orderBy: emit(rewriteCalls(tokens.slice(p + 1, close - 1), facts)), end: close };
}

/** The DuckDB part name for a part argument: a bare word or a string literal. */
function partOf(arg: readonly Token[] | undefined): string | undefined {
  const significant = arg?.filter((t) => t.kind !== "space") ?? [];
  const [only] = significant;
  if (significant.length !== 1 || only === undefined) return undefined;
  if (only.kind === "word" || only.kind === "string") return duckDatePart(only.value);
  return undefined;
}

/** A string-literal argument's value, or undefined when the argument is anything else. */
function literalOf(arg: readonly Token[] | undefined): string | undefined {
  const significant = arg?.filter((t) => t.kind !== "space") ?? [];
  const [only] = significant;
  return significant.length === 1 && only?.kind === "string" ? only.value : undefined;
}

const e = (arg: readonly Token[] | undefined): string => (arg === undefined ? "NULL" : emit(arg));

function dateAdd(args: Args): string | undefined {
  const part = partOf(args[0]);
  if (part === undefined || args.length !== 3) return undefined;
  const fn = isDateLevelPart(part) ? "SF_DATEADD_DATE" : "SF_DATEADD_TIME";
  return `${fn}(${quoteString(part)},${e(args[1])},${e(args[2])})`;
}

function dateDiff(args: Args): string | undefined {
  const part = partOf(args[0]);
  if (part === undefined || args.length !== 3) return undefined;
  return `date_diff(${quoteString(part)},${e(args[1])},${e(args[2])})`;
}

function dateTrunc(args: Args): string | undefined {
  const part = partOf(args[0]);
  if (part === undefined || args.length !== 2) return undefined;
  return `SF_DATE_TRUNC(${quoteString(part)},${e(args[1])})`;
}

/** TRUNC(x, part) is DATE_TRUNC only when the second argument names a date part. */
function trunc(args: Args): string | undefined {
  const part = partOf(args[1]);
  if (part === undefined || args.length !== 2) return undefined;
  return `SF_DATE_TRUNC(${quoteString(part)},${e(args[0])})`;
}

function datePart(args: Args): string | undefined {
  const part = partOf(args[0]);
  if (part === undefined || args.length !== 2) return undefined;
  return `date_part(${quoteString(part)},${e(args[1])})`;
}

function lastDay(args: Args): string | undefined {
  if (args.length !== 2) return undefined;
  const part = partOf(args[1]);
  if (part === "month") return `last_day(${e(args[0])})`;
  if (part === undefined) return undefined;
  return `CAST(SF_DATEADD_DATE(${quoteString(part)},1,SF_DATE_TRUNC(${quoteString(part)},${e(args[0])})) - 1 AS DATE)`;
}

/** CURRENT_TIMESTAMP() and friends: DuckDB spells them without parentheses. */
function niladic(duck: string): CallRule {
  return () => duck;
}

function literal(pick: (f: SessionFacts) => string | null): CallRule {
  return (args, facts) => {
    if (args.some((a) => a.some((t) => t.kind !== "space"))) return undefined;
    const v = pick(facts);
    return v === null ? "CAST(NULL AS VARCHAR)" : quoteString(v);
  };
}

/** TO_X(expr [, format]) as a cast, or strptime/strftime when a format is given. */
function conversion(duckType: string, tryCast: boolean): CallRule {
  return (args) => {
    const cast = tryCast ? "TRY_CAST" : "CAST";
    const format = literalOf(args[1]);
    if (args.length === 1) return `${cast}(${e(args[0])} AS ${duckType})`;
    if (format === undefined || args.length !== 2) return undefined;
    if (duckType === "VARCHAR") {
      return `strftime(${e(args[0])},${quoteString(toStrftimeFormat(format))})`;
    }
    const parse = tryCast ? "try_strptime" : "strptime";
    return `CAST(${parse}(${e(args[0])},${quoteString(toStrftimeFormat(format))}) AS ${duckType})`;
  };
}

/** TO_NUMBER(expr [, format] [, precision [, scale]]). */
function toNumber(tryCast: boolean): CallRule {
  return (args) => {
    const rest = literalOf(args[1]) !== undefined ? args.slice(2) : args.slice(1);
    const precision = rest[0] === undefined ? "38" : e(rest[0]).trim();
    const scale = rest[1] === undefined ? "0" : e(rest[1]).trim();
    return `${tryCast ? "TRY_CAST" : "CAST"}(${e(args[0])} AS DECIMAL(${precision},${scale}))`;
  };
}

/** DECODE(expr, search1, result1, ... [, default]); NULL matches NULL, as in Snowflake. */
function decode(args: Args): string | undefined {
  if (args.length < 3) return undefined;
  const [subject, ...pairs] = args;
  let sql = "CASE";
  for (let k = 0; k + 1 < pairs.length; k += 2) {
    sql += ` WHEN (${e(subject)}) IS NOT DISTINCT FROM (${e(pairs[k])}) THEN ${e(pairs[k + 1])}`;
  }
  if (pairs.length % 2 === 1) sql += ` ELSE ${e(pairs[pairs.length - 1])}`;
  return `${sql} END`;
}

function renamed(duck: string): CallRule {
  return (args) => `${duck}(${joinArgs(args)})`;
}

const RULES: Readonly<Record<string, CallRule>> = {
  DATEADD: dateAdd,
  TIMEADD: dateAdd,
  TIMESTAMPADD: dateAdd,
  DATEDIFF: dateDiff,
  TIMEDIFF: dateDiff,
  TIMESTAMPDIFF: dateDiff,
  DATE_TRUNC: dateTrunc,
  TRUNC: trunc,
  DATE_PART: datePart,
  LAST_DAY: lastDay,
  CURRENT_TIMESTAMP: niladic("CURRENT_TIMESTAMP"),
  LOCALTIMESTAMP: niladic("CURRENT_TIMESTAMP"),
  SYSTIMESTAMP: niladic("CURRENT_TIMESTAMP"),
  GETDATE: niladic("CURRENT_TIMESTAMP"),
  CURRENT_DATE: niladic("CURRENT_DATE"),
  CURRENT_TIME: niladic("CAST(CURRENT_TIMESTAMP AS TIME)"),
  LOCALTIME: niladic("CAST(CURRENT_TIMESTAMP AS TIME)"),
  // DuckDB's own functions follow USE, which mirrors the session, and keep Snowflake's column name.
  CURRENT_DATABASE: (args, f) => (f.database === null ? literal(() => null)(args, f) : undefined),
  CURRENT_SCHEMA: (args, f) =>
    f.schema === null || f.database === null ? literal(() => null)(args, f) : undefined,
  CURRENT_WAREHOUSE: literal((f) => f.warehouse),
  CURRENT_ROLE: literal((f) => f.role),
  CURRENT_USER: literal((f) => f.user),
  CURRENT_SESSION: literal((f) => f.sessionId),
  CURRENT_ACCOUNT: literal(() => "LOCAL"),
  CURRENT_REGION: literal(() => "LOCAL"),
  CURRENT_VERSION: literal(() => "8.0.0"),
  TO_DATE: conversion("DATE", false),
  DATE: conversion("DATE", false),
  TRY_TO_DATE: conversion("DATE", true),
  TO_TIMESTAMP: conversion("TIMESTAMP", false),
  TO_TIMESTAMP_NTZ: conversion("TIMESTAMP", false),
  TO_TIMESTAMP_LTZ: conversion("TIMESTAMPTZ", false),
  TO_TIMESTAMP_TZ: conversion("TIMESTAMPTZ", false),
  TRY_TO_TIMESTAMP: conversion("TIMESTAMP", true),
  TRY_TO_TIMESTAMP_NTZ: conversion("TIMESTAMP", true),
  TRY_TO_TIMESTAMP_LTZ: conversion("TIMESTAMPTZ", true),
  TRY_TO_TIMESTAMP_TZ: conversion("TIMESTAMPTZ", true),
  TO_VARCHAR: conversion("VARCHAR", false),
  TO_CHAR: conversion("VARCHAR", false),
  TO_DOUBLE: conversion("DOUBLE", false),
  TRY_TO_DOUBLE: conversion("DOUBLE", true),
  TO_BOOLEAN: conversion("BOOLEAN", false),
  TRY_TO_BOOLEAN: conversion("BOOLEAN", true),
  TO_NUMBER: toNumber(false),
  TO_DECIMAL: toNumber(false),
  TO_NUMERIC: toNumber(false),
  TRY_TO_NUMBER: toNumber(true),
  TRY_TO_DECIMAL: toNumber(true),
  TRY_TO_NUMERIC: toNumber(true),
  PARSE_JSON: (args) => `CAST(${e(args[0])} AS JSON)`,
  TRY_PARSE_JSON: (args) => `TRY_CAST(${e(args[0])} AS JSON)`,
  TO_VARIANT: (args) => `to_json(${e(args[0])})`,
  OBJECT_CONSTRUCT: renamed("json_object"),
  ARRAY_CONSTRUCT: (args) => `to_json(list_value(${joinArgs(args)}))`,
  DECODE: decode,
  BOOLOR_AGG: renamed("bool_or"),
  BOOLAND_AGG: renamed("bool_and"),
};
