// The Jinja filters dbt code uses that nunjucks lacks (tojson, unique, map, format), and
// selectattr/rejectattr with a test, which nunjucks silently ignores. Errors are plain Errors:
// renderDbt turns them into COMPILE_ERROR with the file and line.
import type nunjucks from "nunjucks";
import { percentFormat } from "./percentFormat";
import { isPlainObject, isPythonTruthy, pythonJsonDumps, pythonText } from "./pythonValues";

/** What nunjucks binds `this` to in a filter: the render context, which reaches the env. */
interface FilterContext {
  env: { getTest(name: string): (this: FilterContext, ...args: unknown[]) => unknown };
}

type Filter = (this: FilterContext, value: unknown, ...args: unknown[]) => unknown;

/** nunjucks passes keyword arguments as one last object flagged `__keywords`. */
function splitArgs(args: readonly unknown[]): {
  positional: unknown[];
  keywords: Record<string, unknown>;
} {
  const last = args.at(-1);
  if (!isPlainObject(last) || last.__keywords !== true)
    return { positional: [...args], keywords: {} };
  const { __keywords: _flag, ...keywords } = last;
  return { positional: args.slice(0, -1), keywords };
}

/** The items Python would iterate: a dict's keys, a string's characters, None as nothing. */
function toList(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return [...value];
  if (isPlainObject(value)) return Object.keys(value);
  if (typeof value === "object" && Symbol.iterator in value)
    return Array.from(value as Iterable<unknown>);
  throw new Error(`expected a list, got ${typeof value}`);
}

/** Jinja's attribute paths: `a.b`, and integer parts index lists (`items.0`). */
function attributeOf(item: unknown, path: string): unknown {
  let value = item;
  for (const part of path.split(".")) {
    if (value === null || value === undefined) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** `tojson(indent=None)`: Jinja's htmlsafe json.dumps, keys sorted, `<>&'` escaped as \uXXXX. */
const tojson: Filter = function (value, ...args) {
  const { positional, keywords } = splitArgs(args);
  const indent = keywords.indent ?? positional[0];
  return pythonJsonDumps(value, {
    sortKeys: true,
    indent: typeof indent === "number" ? indent : null,
  }).replace(/[<>&']/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
};

/** `unique(case_sensitive=False, attribute=None)`: first of each, strings compared caselessly. */
const unique: Filter = function (value, ...args) {
  const { positional, keywords } = splitArgs(args);
  const caseSensitive = Boolean(keywords.case_sensitive ?? positional[0] ?? false);
  const attribute = keywords.attribute ?? positional[1];
  const seen = new Set<unknown>();
  return toList(value).filter((item) => {
    let key = typeof attribute === "string" ? attributeOf(item, attribute) : item;
    if (!caseSensitive && typeof key === "string") key = key.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** `format(*args)` / `format(**kwargs)`: Python's `value % args`. */
const format: Filter = function (value, ...args) {
  const { positional, keywords } = splitArgs(args);
  const hasKeywords = Object.keys(keywords).length > 0;
  if (hasKeywords && positional.length > 0)
    throw new Error("format: can't handle positional and keyword arguments at the same time");
  return percentFormat(pythonText(value), hasKeywords ? keywords : positional);
};

function mapFilter(env: nunjucks.Environment): Filter {
  return function (value, ...args) {
    const { positional, keywords } = splitArgs(args);
    const items = toList(value);
    if (typeof keywords.attribute === "string") {
      const attribute = keywords.attribute;
      return items.map((item) => {
        const found = attributeOf(item, attribute);
        return found === undefined ? keywords.default : found;
      });
    }
    const [name, ...rest] = positional;
    if (typeof name !== "string")
      throw new Error("map: expected a filter name (`map('lower')`) or `map(attribute='…')`");
    const filter = env.getFilter(name) as Filter;
    const filterArgs =
      Object.keys(keywords).length > 0 ? [...rest, { ...keywords, __keywords: true }] : rest;
    return items.map((item) => filter.call(this, item, ...filterArgs));
  };
}

/** `selectattr(attr, test?, *args)`; nunjucks' own drops the test and checks truthiness only. */
function selectAttr(expected: boolean): Filter {
  return function (value, ...args) {
    const [attribute, testName, ...testArgs] = splitArgs(args).positional;
    if (typeof attribute !== "string")
      throw new Error("selectattr/rejectattr: expected an attribute name");
    const test =
      testName === undefined
        ? isPythonTruthy
        : (v: unknown) => this.env.getTest(pythonText(testName)).call(this, v, ...testArgs);
    return toList(value).filter((item) => Boolean(test(attributeOf(item, attribute))) === expected);
  };
}

/** Adds the filters to `env`, replacing nunjucks' selectattr/rejectattr. */
export function addDbtFilters(env: nunjucks.Environment): void {
  env.addFilter("tojson", tojson);
  env.addFilter("unique", unique);
  env.addFilter("format", format);
  env.addFilter("map", mapFilter(env));
  env.addFilter("selectattr", selectAttr(true));
  env.addFilter("rejectattr", selectAttr(false));
}
