// Python's strftime/strptime for the common directives, by translating the format into luxon
// tokens, so `macros.ds_format` and `logical_date.strftime(...)` behave as in Airflow.
import { DateTime } from "luxon";
import { UpdraftError } from "./errors";

/** A directive is a luxon token, or a function where luxon has no token (e.g. `%w`). */
type Formatter = string | ((dt: DateTime) => string);

const FORMAT_DIRECTIVES: Readonly<Record<string, Formatter>> = {
  Y: "yyyy",
  m: "LL",
  d: "dd",
  e: (dt) => String(dt.day).padStart(2, " "),
  H: "HH",
  M: "mm",
  S: "ss",
  f: "SSS'000'",
  y: "yy",
  b: "LLL",
  B: "LLLL",
  a: "ccc",
  A: "cccc",
  j: "ooo",
  p: "a",
  I: "hh",
  z: "ZZZ",
  Z: "ZZZZ",
  u: "c",
  w: (dt) => String(dt.weekday % 7),
  G: "kkkk",
  V: "WW",
  // glibc's "no padding" flag, which Airflow users on Linux rely on (`%-d`).
  "-d": "d",
  "-m": "L",
  "-H": "H",
  "-I": "h",
  "-M": "m",
  "-S": "s",
  "-j": "o",
};

// Python's strptime accepts one or two digits for most numbers and 1–6 for %f.
const PARSE_DIRECTIVES: Readonly<Record<string, string>> = {
  Y: "yyyy",
  m: "L",
  d: "d",
  H: "H",
  M: "m",
  S: "s",
  f: "u",
  y: "yy",
  b: "LLL",
  B: "LLLL",
  a: "ccc",
  A: "cccc",
  j: "o",
  p: "a",
  I: "h",
  z: "ZZZ",
  Z: "z",
};

type Piece<T> = { literal: string } | { directive: string; value: T };

function unsupported(format: string, directive: string): UpdraftError {
  return new UpdraftError(
    "TEMPLATE_ERROR",
    `date format ${JSON.stringify(format)}: unsupported directive %${directive}`,
  );
}

/** Splits a Python date format into literal text and directives; throws on unknown ones. */
function splitFormat<T>(format: string, directives: Readonly<Record<string, T>>): Piece<T>[] {
  const pieces: Piece<T>[] = [];
  let literal = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== "%") {
      literal += ch;
      continue;
    }
    let directive = format[++i] ?? "";
    if (directive === "%") {
      literal += "%";
      continue;
    }
    if (directive === "-") directive += format[++i] ?? "";
    const value = directives[directive];
    if (value === undefined) throw unsupported(format, directive);
    if (literal !== "") pieces.push({ literal });
    literal = "";
    pieces.push({ directive, value });
  }
  if (literal !== "") pieces.push({ literal });
  return pieces;
}

/** Quotes literal text for luxon; a single quote is written as two (luxon's escape). */
function quoteLiteral(text: string): string {
  return text
    .split("'")
    .map((part) => (part === "" ? "" : `'${part}'`))
    .join("''");
}

/**
 * Translates a Python date format into a luxon format string for parsing. `%z` reads `+0200`;
 * pass `offsetToken: "ZZ"` for the `+02:00` form Python also accepts.
 */
export function toLuxonFormat(format: string, offsetToken = "ZZZ"): string {
  return splitFormat(format, PARSE_DIRECTIVES)
    .map((p) => {
      if ("literal" in p) return quoteLiteral(p.literal);
      return p.directive === "z" ? offsetToken : p.value;
    })
    .join("");
}

/** Python's `datetime.strftime(format)` of an instant shown in `zone` (an IANA name, default UTC). */
export function strftime(date: Date, format: string, zone = "UTC"): string {
  const dt = DateTime.fromJSDate(date, { zone }).setLocale("en-US");
  if (!dt.isValid)
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `strftime: cannot show ${String(date)} in zone ${JSON.stringify(zone)}: ${dt.invalidExplanation ?? dt.invalidReason ?? "invalid"}`,
    );
  // Literal text is copied as is, so no luxon quoting rule can alter it.
  return splitFormat(format, FORMAT_DIRECTIVES)
    .map((p) => {
      if ("literal" in p) return p.literal;
      return typeof p.value === "string" ? dt.toFormat(p.value) : p.value(dt);
    })
    .join("");
}

/** Python pivots two-digit years at 69 (`69` → 1969, `68` → 2068); luxon pivots at 60. */
function pivotTwoDigitYear(parsed: DateTime, format: string): DateTime {
  if (!format.includes("%y") || format.includes("%Y")) return parsed;
  return parsed.year >= 1961 && parsed.year <= 1968 ? parsed.plus({ years: 100 }) : parsed;
}

/**
 * Python's `datetime.strptime(text, format)`. The result is read as UTC unless the format has
 * `%z` (then the offset in the text decides the instant).
 */
export function strptime(text: string, format: string): Date {
  const options = { zone: "UTC", setZone: true, locale: "en-US" };
  let parsed = DateTime.fromFormat(text, toLuxonFormat(format), options);
  if (!parsed.isValid && format.includes("%z"))
    parsed = DateTime.fromFormat(text, toLuxonFormat(format, "ZZ"), options);
  if (!parsed.isValid)
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `time data ${JSON.stringify(text)} does not match format ${JSON.stringify(format)}`,
    );
  return pivotTwoDigitYear(parsed, format).toJSDate();
}
