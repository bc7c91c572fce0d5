// Snowflake date and time part names (and their many abbreviations) → DuckDB part names.

const ALIASES: Readonly<Record<string, string>> = buildAliases({
  year: ["YEAR", "Y", "YY", "YYY", "YYYY", "YR", "YEARS", "YRS"],
  quarter: ["QUARTER", "Q", "QTR", "QTRS", "QUARTERS"],
  month: ["MONTH", "MM", "MON", "MONS", "MONTHS"],
  week: ["WEEK", "W", "WK", "WEEKOFYEAR", "WOY", "WY", "WEEKS"],
  day: ["DAY", "D", "DD", "DAYS", "DAYOFMONTH"],
  dayofweek: ["DAYOFWEEK", "WEEKDAY", "DOW", "DW"],
  dayofyear: ["DAYOFYEAR", "YEARDAY", "DOY", "DY"],
  hour: ["HOUR", "H", "HH", "HR", "HOURS", "HRS"],
  minute: ["MINUTE", "M", "MI", "MIN", "MINUTES", "MINS"],
  second: ["SECOND", "S", "SEC", "SECONDS", "SECS"],
  millisecond: ["MILLISECOND", "MS", "MSEC", "MILLISECONDS"],
  microsecond: ["MICROSECOND", "US", "USEC", "MICROSECONDS"],
  nanosecond: ["NANOSECOND", "NS", "NSEC", "NANOSEC", "NSECOND", "NANOSECONDS", "NANOSECS"],
  epoch: ["EPOCH", "EPOCH_SECOND", "EPOCH_SECONDS"],
});

function buildAliases(groups: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [part, names] of Object.entries(groups)) for (const n of names) out[n] = part;
  return out;
}

/** DuckDB's name for a Snowflake date part, or undefined when `name` is not one. */
export function duckDatePart(name: string): string | undefined {
  return ALIASES[name.trim().toUpperCase()];
}

/** Parts for which DATEADD/DATE_TRUNC of a DATE stays a DATE in Snowflake. */
export function isDateLevelPart(part: string): boolean {
  return ["year", "quarter", "month", "week", "day"].includes(part);
}
