// Airflow's `macros` template namespace: ds_add, ds_format, datetime_diff_for_humans and the
// `json` module, with Python's output (json.dumps spacing, pendulum's humanised differences).
import { DateTime } from "luxon";
import { UpdraftError } from "./errors";
import { isDate } from "./plainObject";
import { TemplateDateTime } from "./pyDateTime";
import { strftime, strptime } from "./strftime";

/** Options of Python's `json.dumps` that templates use. */
export interface PythonJsonOptions {
  /** Sort object keys (Jinja's `tojson` does). */
  sortKeys?: boolean;
  /** Pretty-print with this many spaces per level. */
  indent?: number | null;
}

/** `macros.ds_add("2015-01-01", 5)` → "2015-01-06"; 0 days returns the input unchanged. */
export function dsAdd(ds: string, days: number): string {
  if (!days) return ds;
  if (!Number.isInteger(days))
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `macros.ds_add: days must be an integer, got ${JSON.stringify(days)}`,
    );
  const date = DateTime.fromJSDate(strptime(String(ds), "%Y-%m-%d"), { zone: "UTC" });
  return date.plus({ days }).toFormat("yyyy-LL-dd");
}

/** `macros.ds_format("2015-01-01", "%Y-%m-%d", "%m-%d-%y")` → "01-01-15". */
export function dsFormat(ds: string, inputFormat: string, outputFormat: string): string {
  return strftime(strptime(String(ds), inputFormat), outputFormat);
}

function toDate(value: unknown, what: string): Date {
  if (value instanceof TemplateDateTime) return value.toDate();
  if (isDate(value) && !Number.isNaN(value.getTime())) return value;
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value);
  throw new UpdraftError(
    "TEMPLATE_ERROR",
    `macros.datetime_diff_for_humans: ${what} must be a datetime, got ${JSON.stringify(value)}`,
  );
}

/** The unit and count pendulum's `diff_for_humans` picks (its rounding rules included). */
function humanUnit(from: DateTime, to: DateTime): [string, number] {
  const d = to.diff(from, ["years", "months", "days", "hours", "minutes", "seconds"]).toObject();
  const [years, months, days] = [d.years ?? 0, d.months ?? 0, d.days ?? 0];
  const [hours, minutes, seconds] = [d.hours ?? 0, d.minutes ?? 0, Math.floor(d.seconds ?? 0)];
  const weeks = Math.floor(days / 7);
  const remainingDays = days % 7;
  if (years > 0) return ["year", years + (months > 6 ? 1 : 0)];
  if (months === 11 && days > 15) return ["year", 1];
  if (months > 0) return ["month", months + (days >= 27 ? 1 : 0)];
  if (weeks > 0) return ["week", weeks + (remainingDays > 3 ? 1 : 0)];
  if (remainingDays > 0) return ["day", remainingDays + (hours >= 22 ? 1 : 0)];
  if (hours > 0) return ["hour", hours];
  if (minutes > 0) return ["minute", minutes];
  if (seconds > 10) return ["second", seconds];
  return ["few", 0];
}

/**
 * pendulum's `dt.diff_for_humans(since)` in English: "2 days ago" / "in 2 days" when `since`
 * is the present moment, "2 days before" / "2 days after" when it is another datetime.
 */
export function diffForHumans(dt: Date, since: Date, sinceIsNow: boolean): string {
  const a = DateTime.fromJSDate(dt, { zone: "UTC" });
  const b = DateTime.fromJSDate(since, { zone: "UTC" });
  const future = a > b;
  const [unit, count] = future ? humanUnit(b, a) : humanUnit(a, b);
  const amount =
    unit === "few" ? "a few seconds" : `${Math.max(count, 1)} ${unit}${count > 1 ? "s" : ""}`;
  if (sinceIsNow) return future ? `in ${amount}` : `${amount} ago`;
  return `${amount} ${future ? "after" : "before"}`;
}

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/** Python's json string encoding with ensure_ascii: every non-ASCII char becomes \uXXXX. */
function pythonJsonString(text: string): string {
  const body = text.replace(
    /["\\\n\r\t\b\f]|[^\x20-\x7e]/g,
    (ch) => JSON_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `"${body}"`;
}

/** Python writes the non-finite floats JSON lacks as NaN / Infinity / -Infinity. */
function pythonJsonNumber(value: number): string {
  if (Number.isFinite(value)) return String(value);
  if (Number.isNaN(value)) return "NaN";
  return value > 0 ? "Infinity" : "-Infinity";
}

function dumpValue(value: unknown, options: PythonJsonOptions, depth: number): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function")
    return dumpValue((value as { toJSON: () => unknown }).toJSON(), options, depth);
  if (typeof value === "string") return pythonJsonString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return pythonJsonNumber(value);
  if (typeof value !== "object")
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `json.dumps: Object of type ${typeof value} is not JSON serializable`,
    );
  const indent = options.indent ?? null;
  const items: string[] = Array.isArray(value)
    ? value.map((item) => dumpValue(item, options, depth + 1))
    : (options.sortKeys ? Object.keys(value).sort() : Object.keys(value)).map(
        (key) =>
          `${pythonJsonString(key)}: ${dumpValue((value as Record<string, unknown>)[key], options, depth + 1)}`,
      );
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return `${open}${close}`;
  if (indent === null) return `${open}${items.join(", ")}${close}`;
  const inner = "\n" + " ".repeat(indent * (depth + 1));
  return `${open}${inner}${items.join("," + inner)}\n${" ".repeat(indent * depth)}${close}`;
}

/**
 * Python's `json.dumps(value)`: `", "` and `": "` separators, non-ASCII escaped, NaN allowed.
 * Datetimes are written as their isoformat (Python would refuse them).
 */
export function pythonJsonDumps(value: unknown, options: PythonJsonOptions = {}): string {
  return dumpValue(value, options, 0);
}

/** Reads `json.dumps(x, indent=2, sort_keys=True)` keyword arguments as nunjucks passes them. */
function dumpsOptions(args: readonly unknown[]): PythonJsonOptions {
  const last = args[args.length - 1] as Record<string, unknown> | undefined;
  if (typeof last !== "object" || last === null || last.__keywords !== true) return {};
  return {
    indent: typeof last.indent === "number" ? last.indent : null,
    sortKeys: last.sort_keys === true,
  };
}

function jsonLoads(text: unknown): unknown {
  try {
    return JSON.parse(String(text)) as unknown;
  } catch (error) {
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `json.loads: ${(error as Error).message}, got ${JSON.stringify(text)}`,
    );
  }
}

/**
 * The `macros` object of a template context. `now` is the moment of rendering: the default
 * "since" of `datetime_diff_for_humans` (templates never read the clock themselves).
 */
export function buildMacros(now: Date): Readonly<Record<string, unknown>> {
  return {
    ds_add: dsAdd,
    ds_format: dsFormat,
    datetime_diff_for_humans: (dt: unknown, since?: unknown): string =>
      since === undefined || since === null
        ? diffForHumans(toDate(dt, "dt"), now, true)
        : diffForHumans(toDate(dt, "dt"), toDate(since, "since"), false),
    json: {
      dumps: (value: unknown, ...rest: unknown[]): string =>
        pythonJsonDumps(value, dumpsOptions(rest)),
      loads: jsonLoads,
    },
  };
}
