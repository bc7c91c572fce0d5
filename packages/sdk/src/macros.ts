// Airflow's `macros` template namespace: ds_add, ds_format, datetime_diff_for_humans, json.
import { DateTime } from "luxon";
import { UpdraftError } from "./errors";
import { TemplateDateTime } from "./pyDateTime";
import { strftime, strptime } from "./strftime";

/** `macros.ds_add("2015-01-01", 5)` → "2015-01-06"; 0 days returns the input unchanged. */
export function dsAdd(ds: string, days: number): string {
  if (!days) return ds;
  const date = DateTime.fromISO(ds, { zone: "UTC" });
  if (!date.isValid)
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `macros.ds_add: expected a date like "2015-01-01", got ${JSON.stringify(ds)}`,
    );
  return date.plus({ days }).toFormat("yyyy-LL-dd");
}

/** `macros.ds_format("2015-01-01", "%Y-%m-%d", "%m-%d-%y")` → "01-01-15". */
export function dsFormat(ds: string, inputFormat: string, outputFormat: string): string {
  return strftime(strptime(ds, inputFormat), outputFormat);
}

function toDate(value: unknown): Date {
  if (value instanceof TemplateDateTime) return value.toDate();
  if (typeof value === "string" || typeof value === "number") return new Date(value);
  if (Object.prototype.toString.call(value) === "[object Date]") return value as Date;
  throw new UpdraftError(
    "TEMPLATE_ERROR",
    `macros.datetime_diff_for_humans: expected a datetime, got ${JSON.stringify(value)}`,
  );
}

/** The macros object of a template context; `now` is the default "since" of diff_for_humans. */
export function buildMacros(now: Date): Record<string, unknown> {
  return {
    ds_add: dsAdd,
    ds_format: dsFormat,
    datetime_diff_for_humans: (dt: unknown, since?: unknown): string =>
      DateTime.fromJSDate(toDate(dt)).toRelative({
        base: DateTime.fromJSDate(since === undefined ? now : toDate(since)),
      }) ?? "",
    json: {
      dumps: (value: unknown) => JSON.stringify(value),
      loads: (text: string): unknown => JSON.parse(text),
    },
  };
}
