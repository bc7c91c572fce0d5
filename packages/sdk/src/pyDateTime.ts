// TemplateDateTime: how datetimes look inside templates. Like pendulum's DateTime in Airflow, it
// prints as Python's str(), and offers isoformat(), strftime(), add(), in_timezone() and friends.
import { DateTime } from "luxon";
import { UpdraftError } from "./errors";
import { strftime } from "./strftime";

/** The units pendulum's `add()` / `subtract()` accept. */
export interface DateTimeAmount {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  microseconds?: number;
}

const UNITS: ReadonlySet<string> = new Set([
  "years",
  "months",
  "weeks",
  "days",
  "hours",
  "minutes",
  "seconds",
  "microseconds",
]);

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, "0");
}

/**
 * Reads an amount given either as an object (`add({ days: 1 })`) or as nunjucks keyword
 * arguments (`add(days=1)`, which nunjucks passes as an object tagged `__keywords`).
 */
function readAmount(method: string, amount: unknown): Record<string, number> {
  if (typeof amount !== "object" || amount === null)
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `${method}: expected units like days=1 or { days: 1 }, got ${JSON.stringify(amount)}`,
    );
  const out: Record<string, number> = {};
  for (const [unit, value] of Object.entries(amount)) {
    if (unit === "__keywords") continue;
    if (!UNITS.has(unit) || typeof value !== "number" || !Number.isFinite(value))
      throw new UpdraftError(
        "TEMPLATE_ERROR",
        `${method}: ${unit}=${JSON.stringify(value)} is not one of ${[...UNITS].join(", ")} with a number`,
      );
    // luxon has no microseconds; JS dates hold milliseconds.
    if (unit === "microseconds") out.milliseconds = (out.milliseconds ?? 0) + value / 1000;
    else out[unit] = value;
  }
  return out;
}

/** An immutable instant shown in a time zone (UTC by default), as templates see datetimes. */
export class TemplateDateTime {
  private readonly dt: DateTime;

  /** Wraps `date`, shown in `zone` (an IANA name). */
  constructor(date: Date | DateTime, zone = "UTC") {
    const dt = date instanceof DateTime ? date : DateTime.fromJSDate(date, { zone });
    if (!dt.isValid)
      throw new UpdraftError(
        "TEMPLATE_ERROR",
        `datetime: ${dt.invalidExplanation ?? dt.invalidReason ?? "invalid date"} (zone ${JSON.stringify(zone)})`,
      );
    this.dt = dt;
  }

  /** Python's `isoformat()`: `2024-12-01T01:00:00+00:00` (microseconds only when non-zero). */
  isoformat(): string {
    const d = this.dt;
    const fraction = d.millisecond === 0 ? "" : `.${pad(d.millisecond, 3)}000`;
    const sign = d.offset < 0 ? "-" : "+";
    const offset = `${sign}${pad(Math.trunc(d.offset / 60))}:${pad(d.offset % 60)}`;
    return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}${fraction}${offset}`;
  }

  /** Python's `str(dt)`, which `{{ logical_date }}` prints: `2024-12-01 01:00:00+00:00`. */
  toString(): string {
    return this.isoformat().replace("T", " ");
  }

  /** JSON carries the isoformat. */
  toJSON(): string {
    return this.isoformat();
  }

  /** Printing uses str(); comparisons (`a < b`) use the instant. */
  [Symbol.toPrimitive](hint: string): string | number {
    return hint === "number" ? this.dt.toMillis() : this.toString();
  }

  /** Python's `strftime(format)`, in this datetime's zone. */
  strftime(format: string): string {
    return strftime(this.dt.toJSDate(), format, this.timezone_name);
  }

  /** The calendar year in this datetime's zone. */
  get year(): number {
    return this.dt.year;
  }
  /** The month, 1–12. */
  get month(): number {
    return this.dt.month;
  }
  /** The day of the month, 1–31. */
  get day(): number {
    return this.dt.day;
  }
  /** The hour, 0–23. */
  get hour(): number {
    return this.dt.hour;
  }
  /** The minute, 0–59. */
  get minute(): number {
    return this.dt.minute;
  }
  /** The second, 0–59. */
  get second(): number {
    return this.dt.second;
  }
  /** Microseconds, 0–999999 (whole milliseconds, as JS dates carry). */
  get microsecond(): number {
    return this.dt.millisecond * 1000;
  }
  /** The zone's name, e.g. `UTC` or `America/Sao_Paulo` (pendulum's `timezone_name`). */
  get timezone_name(): string {
    return this.dt.zoneName ?? "UTC";
  }
  /** Seconds since the epoch, as an integer (pendulum's `int_timestamp`). */
  get int_timestamp(): number {
    return Math.floor(this.dt.toSeconds());
  }

  /** Seconds since the epoch, with a fraction (Python's `timestamp()`). */
  timestamp(): number {
    return this.dt.toSeconds();
  }

  /** Python's `weekday()`: Monday is 0, Sunday 6. */
  weekday(): number {
    return this.dt.weekday - 1;
  }

  /** Python's `isoweekday()`: Monday is 1, Sunday 7. */
  isoweekday(): number {
    return this.dt.weekday;
  }

  /** The date part, `YYYY-MM-DD` (what `str(dt.date())` prints). */
  date(): string {
    return this.dt.toFormat("yyyy-LL-dd");
  }

  /** A later datetime: pendulum's `add(days=1)`; from code, `add({ days: 1 })`. */
  add(amount: DateTimeAmount): TemplateDateTime {
    return new TemplateDateTime(this.dt.plus(readAmount("add", amount)));
  }

  /** An earlier datetime: pendulum's `subtract(hours=2)`. */
  subtract(amount: DateTimeAmount): TemplateDateTime {
    return new TemplateDateTime(this.dt.minus(readAmount("subtract", amount)));
  }

  /** The same instant shown in another zone; its str() shows that zone's offset. */
  in_timezone(zone: string): TemplateDateTime {
    const moved = this.dt.setZone(zone);
    if (!moved.isValid)
      throw new UpdraftError(
        "TEMPLATE_ERROR",
        `in_timezone: unknown time zone ${JSON.stringify(zone)}, expected an IANA name like "America/Sao_Paulo"`,
      );
    return new TemplateDateTime(moved);
  }

  /** The instant as a JS Date. */
  toDate(): Date {
    return this.dt.toJSDate();
  }
}
