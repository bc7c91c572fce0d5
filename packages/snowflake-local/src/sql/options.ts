// `KEY = value` option lists as Snowflake writes them for stages, file formats and COPY:
// values are words, strings, numbers, lists `('a', 'b')` or nested groups `(TYPE = CSV ...)`.

import type { Token } from "./tokenize";
import { TokenCursor, syntaxError } from "./tokenCursor";

/** One option value. */
export type OptionValue =
  | { readonly kind: "scalar"; readonly value: string; readonly quoted: boolean }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | { readonly kind: "group"; readonly options: Options };

/** Options by upper-case key, in the order written. */
export type Options = ReadonlyMap<string, OptionValue>;

/** Reads options until the end of the cursor, or until `stop` says a clause begins. */
export function readOptions(
  c: TokenCursor,
  stop: (c: TokenCursor) => boolean = () => false,
): Options {
  const options = new Map<string, OptionValue>();
  for (;;) {
    if (c.atEnd() || stop(c) || c.atEnd()) break;
    if (c.acceptPunct(",")) continue;
    const [key, value] = readOption(c);
    options.set(key, value);
  }
  return options;
}

/** Reads one `KEY [=] value` option, for clauses this server accepts and ignores. */
export function readOption(c: TokenCursor): readonly [string, OptionValue] {
  const key = c.next();
  if (key.kind !== "word") throw syntaxError(`unexpected '${key.text}' in options`);
  c.acceptOp("=");
  return [key.text.toUpperCase(), readValue(c)];
}

function readValue(c: TokenCursor): OptionValue {
  if (c.isPunct("(")) {
    const inner = c.readParenthesized();
    const ic = new TokenCursor(inner);
    const first = ic.peek();
    const second = ic.peek(1);
    if (first?.kind === "word" && second?.kind === "op" && second.text === "=") {
      return { kind: "group", options: readOptions(ic) };
    }
    const items: string[] = [];
    while (!ic.atEnd()) {
      const t = ic.next();
      if (t.kind === "punct" && t.text === ",") continue;
      items.push(scalarText(t));
    }
    return { kind: "list", items };
  }
  const t = c.next();
  return { kind: "scalar", value: scalarText(t), quoted: t.kind === "string" };
}

function scalarText(t: Token): string {
  if (t.kind === "string" || t.kind === "quoted") return t.value;
  if (t.kind === "word") return t.text.toUpperCase();
  return t.text;
}

/** The scalar text of option `key`, if set to a scalar. */
export function optionText(options: Options, key: string): string | undefined {
  const v = options.get(key);
  return v?.kind === "scalar" ? v.value : undefined;
}

/** Option `key` as a boolean, or `fallback` when unset. */
export function optionBool(options: Options, key: string, fallback: boolean): boolean {
  const v = optionText(options, key);
  return v === undefined ? fallback : /^(TRUE|T|YES|Y|ON|1)$/i.test(v);
}

/** Option `key` as a list: a list value, or a lone scalar as a one-item list. */
export function optionList(options: Options, key: string): string[] | undefined {
  const v = options.get(key);
  if (v === undefined) return undefined;
  if (v.kind === "list") return [...v.items];
  if (v.kind === "scalar") return [v.value];
  return undefined;
}

/** Option `key` as a nested group. */
export function optionGroup(options: Options, key: string): Options | undefined {
  const v = options.get(key);
  return v?.kind === "group" ? v.options : undefined;
}

/** `base` overlaid with `over`: later definitions win, key by key. */
export function mergeOptions(base: Options | undefined, over: Options | undefined): Options {
  return new Map([
    ...(base ?? new Map<string, OptionValue>()),
    ...(over ?? new Map<string, OptionValue>()),
  ]);
}
