// Splits a template into its Jinja regions (`{{ … }}` and `{% … %}`) and tokenizes their code
// the way nunjucks' lexer does, skipping SQL text, `{# comments #}` and `{% raw %}` bodies, so a
// static pass sees only code, and string literals only as strings.

/** One token of Jinja code; `offset` is its position in the whole template. */
export interface JinjaToken {
  readonly type: "name" | "string" | "number" | "op";
  readonly value: string;
  readonly offset: number;
}

/** The code between one pair of delimiters. */
export interface JinjaRegion {
  readonly kind: "output" | "tag";
  /** Offset of the opening delimiter. */
  readonly offset: number;
  readonly tokens: readonly JinjaToken[];
}

const OPERATORS = ["**", "//", "==", "!=", "<=", ">="];
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?/y;

function readString(source: string, start: number): number {
  const quote = source[start];
  let i = start + 1;
  while (i < source.length && source[i] !== quote) i += source[i] === "\\" ? 2 : 1;
  return Math.min(i + 1, source.length);
}

function match(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/**
 * Tokenizes from `start` up to the closing delimiter (`-` whitespace control allowed before it),
 * outside strings. Returns the tokens and the offset after the delimiter (the text's length when
 * the region is never closed).
 */
function tokenize(
  source: string,
  start: number,
  closer: string,
): { tokens: JinjaToken[]; end: number } {
  const tokens: JinjaToken[] = [];
  let i = start;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (source.startsWith(closer, i)) return { tokens, end: i + closer.length };
    if (source.startsWith(`-${closer}`, i)) return { tokens, end: i + closer.length + 1 };
    let value: string;
    let type: JinjaToken["type"];
    if (ch === "'" || ch === '"') {
      type = "string";
      value = source.slice(i, readString(source, i));
    } else if ((value = match(NUMBER, source, i) ?? "")) {
      type = "number";
    } else if ((value = match(NAME, source, i) ?? "")) {
      type = "name";
    } else {
      type = "op";
      value = OPERATORS.find((op) => source.startsWith(op, i)) ?? ch;
    }
    tokens.push({ type, value, offset: i });
    i += value.length;
  }
  return { tokens, end: source.length };
}

const RAW_TAG = /\{%[-+]?\s*(end)?(raw|verbatim)\s*-?%\}/g;

/** The offset after the `{% endraw %}` closing a raw block that starts at `from` (nesting counts). */
function skipRaw(source: string, from: number, tag: string): number {
  RAW_TAG.lastIndex = from;
  let level = 1;
  for (let m = RAW_TAG.exec(source); m; m = RAW_TAG.exec(source)) {
    if (m[2] !== tag) continue;
    level += m[1] === undefined ? 1 : -1;
    if (level === 0) return m.index + m[0].length;
  }
  return source.length;
}

/** The Jinja regions of `source`, in order. */
export function scanJinja(source: string): JinjaRegion[] {
  const regions: JinjaRegion[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf("{", i);
    if (open < 0) break;
    const delimiter = source.slice(open, open + 2);
    if (delimiter === "{#") {
      const close = source.indexOf("#}", open + 2);
      i = close < 0 ? source.length : close + 2;
      continue;
    }
    if (delimiter !== "{{" && delimiter !== "{%") {
      i = open + 1;
      continue;
    }
    const kind = delimiter === "{{" ? "output" : "tag";
    let start = open + 2;
    if (source[start] === "-" || source[start] === "+") start += 1;
    const { tokens, end } = tokenize(source, start, kind === "output" ? "}}" : "%}");
    regions.push({ kind, offset: open, tokens });
    const name = kind === "tag" ? tokens[0]?.value : undefined;
    i = name === "raw" || name === "verbatim" ? skipRaw(source, end, name) : end;
  }
  return regions;
}

/** Maps offsets to 1-based line numbers. */
export function lineIndex(source: string): (offset: number) => number {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
