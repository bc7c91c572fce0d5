// Python's strftime/strptime for the common directives, by translating the format into luxon
// tokens (literal text is quoted), so `macros.ds_format` behaves as in Airflow.
import { DateTime } from "luxon";
import { UpdraftError } from "./errors";

const DIRECTIVES: Readonly<Record<string, string>> = {
  Y: "yyyy",
  m: "LL",
  d: "dd",
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
  e: "d",
};

// Python's strptime accepts one or two digits for these; luxon's single-letter tokens do too.
const PARSE_DIRECTIVES: Readonly<Record<string, string>> = {
  ...DIRECTIVES,
  m: "L",
  d: "d",
  H: "H",
  M: "m",
  S: "s",
  I: "h",
};

type Piece = { literal: string } | { token: string };

/** Splits a Python date format into literal text and luxon tokens; throws on unknown directives. */
function parseFormat(format: string, directives: Readonly<Record<string, string>>): Piece[] {
  const pieces: Piece[] = [];
  let literal = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== "%") {
      literal += ch;
      continue;
    }
    const directive = format[++i];
    if (directive === "%") {
      literal += "%";
      continue;
    }
    const token = directive === undefined ? undefined : directives[directive];
    if (token === undefined)
      throw new UpdraftError(
        "TEMPLATE_ERROR",
        `date format ${JSON.stringify(format)}: unsupported directive %${directive ?? ""}`,
      );
    if (literal !== "") pieces.push({ literal });
    literal = "";
    pieces.push({ token });
  }
  if (literal !== "") pieces.push({ literal });
  return pieces;
}

/** Translates a Python date format into a luxon format string (for parsing). */
export function toLuxonFormat(format: string): string {
  return parseFormat(format, PARSE_DIRECTIVES)
    .map((p) => ("token" in p ? p.token : `'${p.literal}'`))
    .join("");
}

/** Python's `date.strftime(format)` for an instant shown in `zone` (default UTC). */
export function strftime(date: Date, format: string, zone = "UTC"): string {
  const dt = DateTime.fromJSDate(date, { zone }).setLocale("en-US");
  // Literal text is copied as is (luxon's quoting cannot express every character).
  return parseFormat(format, DIRECTIVES)
    .map((p) => ("token" in p ? dt.toFormat(p.token) : p.literal))
    .join("");
}

/** Python's `datetime.strptime(text, format)`; times are UTC unless the format has %z. */
export function strptime(text: string, format: string): Date {
  const parsed = DateTime.fromFormat(text, toLuxonFormat(format), {
    zone: "UTC",
    setZone: true,
    locale: "en-US",
  });
  if (!parsed.isValid)
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `time data ${JSON.stringify(text)} does not match format ${JSON.stringify(format)}`,
    );
  return parsed.toJSDate();
}
