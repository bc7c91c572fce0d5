// Datetimes in requests, read as pydantic reads them for Airflow: ISO 8601 (`T` or a space
// between date and time, seconds and fractional seconds optional, `Z` or an offset with or
// without its colon) or a bare date (midnight UTC). Airflow's body fields typed AwareDatetime
// refuse a datetime without an offset; query filters and `run_after` take one without and read
// it as UTC.
import { z } from "zod";

const ISO =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The instant `text` names, with whether it carried an offset; null when it is not ISO 8601. */
function parseIsoDateTime(text: string): { date: Date; aware: boolean } | null {
  const match = ISO.exec(text);
  if (match === null) return null;
  const [, day, time, zone] = match;
  // Date keeps milliseconds: digits beyond them are cut, as they cannot be stored anyway.
  const clock = (time ?? "00:00:00").replace(/(\.\d{3})\d+$/, "$1");
  const offset =
    zone === undefined ? "Z" : zone.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(`${day}T${clock}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  return { date, aware: zone !== undefined };
}

/**
 * A zod schema of a datetime string, output as a Date. `aware`: an offset is required, as
 * pydantic's AwareDatetime requires one (a bare date has none).
 */
export function dateTimeInput(options: { readonly aware: boolean }): z.ZodType<Date, unknown> {
  return z.unknown().transform((value, ctx) => {
    const parsed = typeof value === "string" ? parseIsoDateTime(value.trim()) : null;
    if (parsed === null) {
      ctx.addIssue({
        code: "custom",
        message: `Input should be a valid datetime, expected ISO 8601 such as 2026-01-31T06:00:00Z, got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    if (options.aware && !parsed.aware) {
      ctx.addIssue({
        code: "custom",
        message: `Input should have timezone info, got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return parsed.date;
  });
}
