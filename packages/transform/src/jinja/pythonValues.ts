// How Python (and so Jinja) writes values as text: str() for `{{ }}` output, repr() inside
// lists and dicts, truthiness, and json.dumps for the `tojson` filter.
import nunjucks from "nunjucks";

/** An object literal (or a dict parsed from YAML/JSON): the values Python would call a dict. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function reprNumber(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  return String(value);
}

/** Python's repr of a str: single quotes unless the text holds one and no double quote. */
function reprString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\" || ch === quote) out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

/**
 * Python's repr(), for the values templates hold. JS numbers cannot tell `1.0` from `1`, so
 * whole floats print as ints; undefined (Jinja's Undefined) prints as None.
 */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return reprNumber(value);
  if (typeof value === "string") return reprString(value);
  if (value instanceof nunjucks.runtime.SafeString) return reprString(value.toString());
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  if (isPlainObject(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${reprString(k)}: ${pythonRepr(v)}`)
      .join(", ")}}`;
  return objectText(value);
}

/** An object's own text (a relation's toString, a Date's), which templates print as they are. */
function objectText(value: unknown): string {
  return (value as { toString(): string }).toString();
}

/**
 * Python's str(): what `{{ value }}` prints in Jinja. Strings and other objects (SafeString,
 * relations with a toString) are returned as they are, for nunjucks to print.
 */
export function pythonStr(value: unknown): unknown {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value) || isPlainObject(value)) return pythonRepr(value);
  return value;
}

/** Python's str() as text; undefined (Jinja's Undefined) is the empty string. */
export function pythonText(value: unknown): string {
  if (value === undefined) return "";
  const printed = pythonStr(value);
  return typeof printed === "string" ? printed : objectText(printed);
}

/** Python's truthiness: empty lists, dicts and strings are false (in JS `[]` and `{}` are true). */
export function isPythonTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

function jsonString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i]!;
    const code = value.charCodeAt(i);
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    // ensure_ascii=True: every UTF-16 unit outside ASCII is escaped, surrogates one by one.
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/** Options of {@link pythonJsonDumps}, as json.dumps names them. */
export interface PythonJsonOptions {
  /**
   * Spaces per nesting level; `null` writes one line with `", "` and `": "` separators.
   * @default null
   */
  indent?: number | null;
  /**
   * Writes dict keys in sorted order.
   * @default false
   */
  sortKeys?: boolean;
}

function dumpJson(value: unknown, options: PythonJsonOptions, depth: number): string {
  if (value === null || value === undefined) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return String(value);
  }
  if (typeof value === "string" || value instanceof nunjucks.runtime.SafeString)
    return jsonString(String(value));
  if (value instanceof Date) return jsonString(value.toISOString());
  const indent = options.indent ?? null;
  const open = indent === null ? "" : `\n${" ".repeat(indent * (depth + 1))}`;
  const close = indent === null ? "" : `\n${" ".repeat(indent * depth)}`;
  const separator = indent === null ? ", " : `,${open}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => dumpJson(item, options, depth + 1));
    return `[${open}${items.join(separator)}${close}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    if (options.sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const items = entries.map(([k, v]) => `${jsonString(k)}: ${dumpJson(v, options, depth + 1)}`);
    return `{${open}${items.join(separator)}${close}}`;
  }
  return jsonString(objectText(value));
}

/**
 * Python's `json.dumps(value, indent=…, sort_keys=…)`: `", "`/`": "` separators and non-ASCII
 * escaped. Dates are written as ISO strings and undefined as null (Python would refuse both).
 */
export function pythonJsonDumps(value: unknown, options: PythonJsonOptions = {}): string {
  return dumpJson(value, options, 0);
}
