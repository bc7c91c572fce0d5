// Template rendering with nunjucks, configured like Airflow's Jinja environment: no autoescape,
// StrictUndefined (an undefined name is an error naming it), Python printing of None/True/False.
import nunjucks from "nunjucks";
import { UpdraftError } from "./errors";
import { pythonJsonDumps } from "./macros";
import { isDate, isPlainObject } from "./plainObject";
import { TemplateDateTime } from "./pyDateTime";

/** The parts of nunjucks' runtime that rendering patches (not in @types/nunjucks). */
interface NunjucksRuntime {
  ensureDefined: (value: unknown, lineno: number, colno: number) => unknown;
  memberLookup: (obj: unknown, key: unknown, ...slice: unknown[]) => unknown;
  contextOrFrameLookup: (context: unknown, frame: unknown, name: string) => unknown;
}

/** The compiler method that emits attribute lookups (`a.b`, `a["b"]`). */
interface LookupCompiler {
  compileLookupVal: (
    this: LookupCompiler,
    node: { lineno: number; colno: number },
    frame: unknown,
  ) => void;
  _emit: (code: string) => void;
}

const nj = nunjucks as unknown as {
  runtime: NunjucksRuntime;
  compiler: { Compiler: { prototype: LookupCompiler } };
  installJinjaCompat(): () => void;
};
const runtime = nj.runtime;
const compiler = nj.compiler.Compiler.prototype;
const compileLookupVal = compiler.compileLookupVal;

/**
 * nunjucks records the current line only at function calls, so an error thrown by an attribute
 * lookup (`var.value.missing`) would name a wrong line; lookups record it too.
 */
function compileLookupWithLine(
  this: LookupCompiler,
  node: { lineno: number; colno: number },
  frame: unknown,
): void {
  this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, `);
  compileLookupVal.call(this, node, frame);
  this._emit(")");
}

/** The last name or attribute looked up, to name it when an undefined value is printed. */
const lookup: { path: string | null; value: unknown } = { path: null, value: null };

function trackMember(original: NunjucksRuntime["memberLookup"]): NunjucksRuntime["memberLookup"] {
  return (obj, key, ...slice) => {
    const value = original(obj, key, ...slice);
    if (slice.length > 0) return value;
    // `foo.bar` with foo undefined: the culprit stays `foo`, as in Jinja's message.
    if (obj === undefined && lookup.value === undefined && lookup.path !== null) return value;
    lookup.path =
      obj === lookup.value && lookup.path !== null ? `${lookup.path}.${String(key)}` : String(key);
    lookup.value = value;
    return value;
  };
}

/** Jinja prints None/True/False; an undefined value is an error naming what was undefined. */
function printable(value: unknown, lineno: number, colno: number): unknown {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (value !== undefined) return value;
  const message =
    lookup.value === undefined && lookup.path !== null
      ? `"${lookup.path}" is undefined`
      : "attempted to output an undefined value";
  throw new nunjucks.lib.TemplateError(message, lineno + 1, colno + 1);
}

let depth = 0;

/**
 * Runs `render` with Python semantics patched into nunjucks' shared runtime, and Jinja compat
 * (True/False/None, dict.items()/get(), list slices) installed only for that time: both patch
 * module-wide state, so other nunjucks users in the process (e.g. a dbt renderer) never see them.
 * Rendering is synchronous, so nothing else renders inside the window.
 */
function withPythonRuntime<T>(render: () => T): T {
  if (depth > 0) return render();
  const uninstallCompat = nj.installJinjaCompat();
  compiler.compileLookupVal = compileLookupWithLine;
  const saved = { ...runtime };
  runtime.ensureDefined = printable;
  runtime.memberLookup = trackMember(saved.memberLookup);
  runtime.contextOrFrameLookup = (context, frame, name) => {
    const value = saved.contextOrFrameLookup(context, frame, name);
    lookup.path = name;
    lookup.value = value;
    return value;
  };
  depth = 1;
  try {
    return render();
  } finally {
    depth = 0;
    runtime.ensureDefined = saved.ensureDefined;
    runtime.memberLookup = saved.memberLookup;
    runtime.contextOrFrameLookup = saved.contextOrFrameLookup;
    compiler.compileLookupVal = compileLookupVal;
    uninstallCompat();
    lookup.path = null;
    lookup.value = null;
  }
}

function asDateTime(value: unknown, filter: string): TemplateDateTime {
  if (value instanceof TemplateDateTime) return value;
  if (isDate(value)) return new TemplateDateTime(value);
  throw new UpdraftError(
    "TEMPLATE_ERROR",
    `filter ${filter}: expected a datetime, got ${JSON.stringify(value)}`,
  );
}

/** Airflow's datetime filters (`{{ data_interval_end | ds }}`); None stays None. */
function dateFilter(name: string, format: (dt: TemplateDateTime) => string) {
  return (value: unknown): string | null =>
    value === null || value === undefined ? null : format(asDateTime(value, name));
}

/** Jinja's `tojson`: sorted keys, Python spacing, and `<>&'` escaped for HTML safety. */
function tojson(value: unknown, indent?: unknown): string {
  const kw = indent as { indent?: unknown; __keywords?: boolean } | undefined;
  const size = kw?.__keywords ? kw.indent : indent;
  return pythonJsonDumps(value, {
    sortKeys: true,
    indent: typeof size === "number" ? size : null,
  }).replace(/[<>&']/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const environment = new nunjucks.Environment(null, {
  autoescape: false,
  throwOnUndefined: true,
  // Keeps nunjucks' own error object, with the line number and the error a call threw.
  dev: true,
});
environment.addFilter("tojson", tojson);
environment.addFilter(
  "ds",
  dateFilter("ds", (dt) => dt.strftime("%Y-%m-%d")),
);
environment.addFilter(
  "ds_nodash",
  dateFilter("ds_nodash", (dt) => dt.strftime("%Y%m%d")),
);
environment.addFilter(
  "ts",
  dateFilter("ts", (dt) => dt.isoformat()),
);
environment.addFilter(
  "ts_nodash",
  dateFilter("ts_nodash", (dt) => dt.strftime("%Y%m%dT%H%M%S")),
);
environment.addFilter(
  "ts_nodash_with_tz",
  dateFilter("ts_nodash_with_tz", (dt) => dt.isoformat().replace(/[-:]/g, "")),
);

const MAX_CACHED = 500;
const compiled = new Map<string, nunjucks.Template>();

/** Compiles once per distinct source (mapped tasks render the same templates many times). */
function templateFor(source: string): nunjucks.Template {
  let template = compiled.get(source);
  if (!template) {
    template = new nunjucks.Template(source, environment, undefined, true);
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(source, template);
  }
  return template;
}

/** Turns a nunjucks error into TEMPLATE_ERROR: `field: template error at line 2: message`. */
function templateError(field: string, error: unknown): UpdraftError {
  const e = error as { message?: unknown; lineno?: unknown; cause?: unknown };
  const raw = typeof e.message === "string" ? e.message : String(error);
  let line: number | undefined;
  let message: string;
  if (e.cause instanceof Error) {
    // Errors thrown by called code carry nunjucks' 0-based line number.
    line = typeof e.lineno === "number" ? e.lineno + 1 : undefined;
    message = e.cause.message;
  } else {
    const header = /^\([^)]*\)(?: \[Line (\d+), Column \d+\])?\s*/.exec(raw);
    line = header?.[1] === undefined ? undefined : Number(header[1]);
    message = header ? raw.slice(header[0].length) : raw;
  }
  const where = line === undefined ? "" : ` at line ${line}`;
  return new UpdraftError(
    "TEMPLATE_ERROR",
    `${field}: template error${where}: ${message.replace(/\s+/g, " ").trim()}`,
    { cause: e.cause instanceof Error ? e.cause : error, details: { field, line: line ?? null } },
  );
}

/**
 * Renders one template string with Airflow's Jinja semantics, as far as nunjucks allows:
 * - one trailing newline is dropped (Jinja's default; Airflow does not change it);
 * - printing an undefined name or attribute fails (`"params.x" is undefined`), but `is defined`
 *   and `| default(...)` still work; unlike StrictUndefined, `{% if missing %}` and filters on
 *   an undefined value (`missing | upper`) do not fail;
 * - None/True/False print as Python does; datetimes print as Python's str();
 * - lists and dicts print JS-style (`a,b`, `[object Object]`), not Python's repr: pass them
 *   through `| tojson` (Jinja's tojson: sorted keys, `", "` separators).
 * Errors are UpdraftError TEMPLATE_ERROR naming `field` and the line.
 */
export function renderTemplate(
  template: string,
  context: Readonly<Record<string, unknown>>,
  field = "template",
): string {
  const source = template.replace(/(?:\r\n|\r|\n)$/, "");
  if (!source.includes("{{") && !source.includes("{%") && !source.includes("{#")) return source;
  try {
    return withPythonRuntime(() => templateFor(source).render(context));
  } catch (error) {
    throw templateError(field, error);
  }
}

function renderValue(
  value: unknown,
  context: Readonly<Record<string, unknown>>,
  field: string,
): unknown {
  if (typeof value === "string") return renderTemplate(value, context, field);
  if (Array.isArray(value))
    return value.map((item, i) => renderValue(item, context, `${field}[${i}]`));
  if (isPlainObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renderValue(v, context, `${field}.${k}`)]),
    );
  return value;
}

/**
 * A copy of `values` whose named `fields` are rendered: strings are templates, arrays and plain
 * objects are walked, other values are kept. An error names the path (`env.DAY`, `args[1]`).
 */
export function renderTemplateFields(
  values: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  context: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const rendered: Record<string, unknown> = { ...values };
  for (const field of fields)
    if (Object.hasOwn(values, field)) rendered[field] = renderValue(values[field], context, field);
  return rendered;
}
