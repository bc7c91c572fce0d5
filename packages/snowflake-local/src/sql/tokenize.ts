// Splits Snowflake SQL into tokens. Every rewrite works on tokens, never on raw text, so string
// literals, quoted identifiers and comments can never be mistaken for keywords or names.

import { SqlError } from "../errors";

/** What a token is; `raw` is DuckDB text produced by a rewrite, emitted verbatim. */
export type TokenKind =
  "word" | "quoted" | "string" | "number" | "bind" | "stage" | "op" | "punct" | "space" | "raw";

/**
 * One lexical unit. `text` is the source; `value` is the decoded content: a string's characters,
 * a quoted name's text, a single space for a comment.
 */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DIGIT = /[0-9]/;
const THREE_CHAR_OPS = ["->>"];
const TWO_CHAR_OPS = ["::", "||", "<=", ">=", "<>", "!=", "=>", "->", "**"];

/** Tokenizes `sql`; comments become whitespace. Throws a 001003 SqlError on an unterminated literal. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string, value = text): void => {
    tokens.push({ kind, text, value });
  };
  while (i < sql.length) {
    const ch = sql.charAt(i);
    const next = sql.charAt(i + 1);
    if (/\s/.test(ch)) {
      const end = scanWhile(sql, i, (c) => /\s/.test(c));
      push("space", sql.slice(i, end));
      i = end;
    } else if ((ch === "-" && next === "-") || (ch === "/" && next === "/")) {
      // A comment is whitespace whose text is kept, so PUT/GET can still read `file:///x` raw.
      const nl = sql.indexOf("\n", i);
      const end = nl === -1 ? sql.length : nl;
      push("space", sql.slice(i, end), " ");
      i = end;
    } else if (ch === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      if (end === -1) throw unterminated("comment", i);
      push("space", sql.slice(i, end + 2), " ");
      i = end + 2;
    } else if (ch === "'") {
      const { end, value } = scanString(sql, i);
      push("string", sql.slice(i, end), value);
      i = end;
    } else if (ch === "$" && next === "$") {
      const end = sql.indexOf("$$", i + 2);
      if (end === -1) throw unterminated("$$ string", i);
      push("string", sql.slice(i, end + 2), sql.slice(i + 2, end));
      i = end + 2;
    } else if (ch === '"') {
      const { end, value } = scanQuoted(sql, i);
      push("quoted", sql.slice(i, end), value);
      i = end;
    } else if (WORD_START.test(ch)) {
      const end = scanWhile(sql, i, (c) => WORD_PART.test(c));
      push("word", sql.slice(i, end));
      i = end;
    } else if (DIGIT.test(ch) || (ch === "." && DIGIT.test(next))) {
      const end = scanNumber(sql, i);
      push("number", sql.slice(i, end));
      i = end;
    } else if (ch === "?") {
      push("bind", "?", "");
      i += 1;
    } else if (ch === ":" && DIGIT.test(next)) {
      const end = scanWhile(sql, i + 1, (c) => DIGIT.test(c));
      push("bind", sql.slice(i, end), sql.slice(i + 1, end));
      i = end;
    } else if (ch === "@" && /[~%"A-Za-z_]/.test(next)) {
      const end = scanStage(sql, i);
      push("stage", sql.slice(i, end), sql.slice(i + 1, end));
      i = end;
    } else if ("(),;.".includes(ch)) {
      push("punct", ch);
      i += 1;
    } else {
      const op =
        THREE_CHAR_OPS.find((o) => sql.startsWith(o, i)) ??
        TWO_CHAR_OPS.find((o) => sql.startsWith(o, i)) ??
        ch;
      push("op", op);
      i += op.length;
    }
  }
  return tokens;
}

function scanWhile(sql: string, start: number, pred: (c: string) => boolean): number {
  let i = start;
  while (i < sql.length && pred(sql.charAt(i))) i += 1;
  return i;
}

function scanNumber(sql: string, start: number): number {
  let i = scanWhile(sql, start, (c) => DIGIT.test(c));
  if (sql.charAt(i) === "." && sql.charAt(i + 1) !== ".") {
    i = scanWhile(sql, i + 1, (c) => DIGIT.test(c));
  }
  if (/[eE]/.test(sql.charAt(i)) && /[-+0-9]/.test(sql.charAt(i + 1))) {
    i = scanWhile(sql, i + 2, (c) => DIGIT.test(c));
  }
  return i;
}

/** Snowflake single-quoted strings allow both '' and backslash escapes. */
function scanString(sql: string, start: number): { end: number; value: string } {
  let value = "";
  let i = start + 1;
  while (i < sql.length) {
    const c = sql.charAt(i);
    if (c === "'") {
      if (sql.charAt(i + 1) === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { end: i + 1, value };
    }
    if (c === "\\" && i + 1 < sql.length) {
      const { text, length } = decodeEscape(sql, i + 1);
      value += text;
      i += 1 + length;
      continue;
    }
    value += c;
    i += 1;
  }
  throw unterminated("string literal", start);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  "0": "\0",
  "\\": "\\",
  "'": "'",
  '"': '"',
};

function decodeEscape(sql: string, at: number): { text: string; length: number } {
  const c = sql.charAt(at);
  if (c === "x" && /^[0-9a-fA-F]{2}$/.test(sql.slice(at + 1, at + 3))) {
    return { text: String.fromCharCode(parseInt(sql.slice(at + 1, at + 3), 16)), length: 3 };
  }
  if (c === "u" && /^[0-9a-fA-F]{4}$/.test(sql.slice(at + 1, at + 5))) {
    return { text: String.fromCharCode(parseInt(sql.slice(at + 1, at + 5), 16)), length: 5 };
  }
  if (/[0-7]/.test(c) && /^[0-7]{3}$/.test(sql.slice(at, at + 3))) {
    return { text: String.fromCharCode(parseInt(sql.slice(at, at + 3), 8)), length: 3 };
  }
  return { text: SIMPLE_ESCAPES[c] ?? c, length: 1 };
}

function scanQuoted(sql: string, start: number): { end: number; value: string } {
  let value = "";
  let i = start + 1;
  while (i < sql.length) {
    const c = sql.charAt(i);
    if (c === '"') {
      if (sql.charAt(i + 1) === '"') {
        value += '"';
        i += 2;
        continue;
      }
      return { end: i + 1, value };
    }
    value += c;
    i += 1;
  }
  throw unterminated("quoted identifier", start);
}

/** A stage reference runs to the next whitespace, comma, semicolon or closing parenthesis. */
function scanStage(sql: string, start: number): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql.charAt(i);
    if (c === '"') {
      i = scanQuoted(sql, i).end;
      continue;
    }
    if (/[\s,;)(']/.test(c)) break;
    i += 1;
  }
  return i;
}

function unterminated(what: string, at: number): SqlError {
  return new SqlError("001003", `SQL compilation error:\nunterminated ${what} at position ${at}`);
}

/** A token of DuckDB text that later passes leave alone. */
export function rawToken(text: string): Token {
  return { kind: "raw", text, value: text };
}

/** A string literal token holding `value`. */
export function stringToken(value: string): Token {
  return { kind: "string", text: quoteString(value), value };
}

/** `value` as a SQL string literal. */
export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `name` as a double-quoted identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
