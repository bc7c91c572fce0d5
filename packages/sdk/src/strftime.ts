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

/** Translates a Python date format into a luxon format string; throws on unknown directives. */
export function toLuxonFormat(format: string): string {
  let out = "";
  let literal = "";
  const flush = (): void => {
    if (literal !== "") out += `'${literal.replace(/'/g, "''")}'`;
    literal = "";
  };
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
    const token = directive === undefined ? undefined : DIRECTIVES[directive];
    if (token === undefined)
      throw new UpdraftError("TEMPLATE_ERROR", `date format ${JSON.stringify(format)}: unsupported directive %${directive ?? ""}`);
    flush();
    out += token;
  }
  flush();
  return out;
}

/** Python's `date.strftime(format)` for an instant shown in `zone` (default UTC). */
export function strftime(date: Date, format: string, zone = "UTC"): string {
  return DateTime.fromJSDate(date, { zone }).setLocale("en-US").toFormat(toLuxonFormat(format));
}

/** Python's `datetime.strptime(text, format)`; times are UTC unless the format has %z. */
export function strptime(text: string, format: string): Date {
  const parsed = DateTime.fromFormat(text, toLuxonFormat(format), { zone: "UTC", setZone: true, locale: "en-US" });
  if (!parsed.isValid)
    throw new UpdraftError("TEMPLATE_ERROR", `time data ${JSON.stringify(text)} does not match format ${JSON.stringify(format)}`);
  return parsed.toJSDate();
}
