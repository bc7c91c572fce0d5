// A cursor over the significant tokens of one statement, for the statement parsers.

import { SqlError } from "../errors";
import { identValue } from "./names";
import type { Token } from "./tokenize";

/** Index of the first non-space token at or after `from`, or tokens.length. */
export function nextSignificant(tokens: readonly Token[], from: number): number {
  let i = from;
  while (i < tokens.length && tokens[i]?.kind === "space") i += 1;
  return i;
}

/** Index just past the ")" matching the "(" at `open`. */
export function matchingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t?.kind !== "punct") continue;
    if (t.text === "(") depth += 1;
    else if (t.text === ")") {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  throw new SqlError("001003", "SQL compilation error:\nsyntax error: unbalanced parentheses");
}

/** Splits tokens at top-level commas. */
export function splitTopLevel(tokens: readonly Token[], separator = ","): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === "punct" && t.text === "(") depth += 1;
    if (t.kind === "punct" && t.text === ")") depth -= 1;
    if (depth === 0 && t.kind === "punct" && t.text === separator) {
      parts.push([]);
      continue;
    }
    parts[parts.length - 1]?.push(t);
  }
  return parts;
}

/** True when `token` is the unquoted keyword `word` (case-insensitive). */
export function isKeyword(token: Token | undefined, word: string): boolean {
  return token?.kind === "word" && token.text.toUpperCase() === word;
}

/** Reads a statement left to right, skipping whitespace. */
export class TokenCursor {
  private pos: number;

  constructor(
    readonly tokens: readonly Token[],
    start = 0,
  ) {
    this.pos = nextSignificant(tokens, start);
  }

  /** Index of the current token in `tokens`. */
  get index(): number {
    return this.pos;
  }

  /** The n-th significant token from here. */
  peek(n = 0): Token | undefined {
    let i = this.pos;
    for (let k = 0; k < n; k += 1) i = nextSignificant(this.tokens, i + 1);
    return this.tokens[i];
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  next(): Token {
    const t = this.tokens[this.pos];
    if (t === undefined) throw syntaxError("unexpected end of statement");
    this.pos = nextSignificant(this.tokens, this.pos + 1);
    return t;
  }

  /** True when the next tokens are the keywords `words`, in order. */
  isWords(...words: string[]): boolean {
    return words.every((w, k) => isKeyword(this.peek(k), w));
  }

  /** Consumes the keywords `words` if they come next. */
  acceptWords(...words: string[]): boolean {
    if (!this.isWords(...words)) return false;
    for (let k = 0; k < words.length; k += 1) this.next();
    return true;
  }

  /** Consumes whichever keyword of `words` comes next. */
  acceptAnyWord(...words: string[]): string | undefined {
    const found = words.find((w) => isKeyword(this.peek(), w));
    if (found !== undefined) this.next();
    return found;
  }

  expectWords(...words: string[]): void {
    if (!this.acceptWords(...words)) {
      throw syntaxError(`expected ${words.join(" ")} near '${this.peek()?.text ?? "end"}'`);
    }
  }

  isPunct(p: string): boolean {
    const t = this.peek();
    return t?.kind === "punct" && t.text === p;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.next();
    return true;
  }

  isOp(op: string): boolean {
    const t = this.peek();
    return t?.kind === "op" && t.text === op;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.next();
    return true;
  }

  /** Reads `a`, `a.b` or `a.b.c`, returning normalized parts. */
  readName(): string[] {
    const parts: string[] = [];
    for (;;) {
      const v = identValue(this.peek());
      if (v === undefined)
        throw syntaxError(`expected a name near '${this.peek()?.text ?? "end"}'`);
      this.next();
      parts.push(v);
      if (!this.acceptPunct(".")) return parts;
    }
  }

  /** Reads "( ... )" and returns the tokens inside. */
  readParenthesized(): Token[] {
    if (!this.isPunct("(")) throw syntaxError(`expected '(' near '${this.peek()?.text ?? "end"}'`);
    const end = matchingParen(this.tokens, this.pos);
    const inner = this.tokens.slice(this.pos + 1, end - 1);
    this.pos = nextSignificant(this.tokens, end);
    return inner;
  }

  /** All tokens from here to the end. */
  rest(): Token[] {
    return this.tokens.slice(this.pos);
  }

  /** Moves to token index `index`. */
  seek(index: number): void {
    this.pos = nextSignificant(this.tokens, index);
  }
}

/** A 001003 syntax error with `detail`. */
export function syntaxError(detail: string): SqlError {
  return new SqlError("001003", `SQL compilation error:\nsyntax error: ${detail}`);
}
