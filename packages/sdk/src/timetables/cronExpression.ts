// A validated 5-field cron expression evaluated in an IANA time zone, with Airflow's DST handling
// (airflow/timetables/_cron.py): cron runs on naive wall-clock time, results are UTC instants.
import { CronExpressionParser } from "cron-parser";
import { fromWallClock, toWallClock, validateTimezone } from "../dates";
import { DagDefinitionError } from "../errors";
import { describeCron } from "./cronDescription";

/** Airflow's cron presets (`airflow/utils/dates.py`), plus croniter's own aliases. */
export const CRON_PRESETS: Readonly<Record<string, string>> = Object.freeze({
  "@hourly": "0 * * * *",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@weekly": "0 0 * * 0",
  "@monthly": "0 0 1 * *",
  "@quarterly": "0 0 1 */3 *",
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
});

const EXPECTED =
  "a cron expression with 5 fields (minute hour day-of-month month day-of-week) or a preset " +
  "(@hourly, @daily, @weekly, @monthly, @quarterly, @yearly)";

function invalidCron(field: string, value: string, reason: string): DagDefinitionError {
  return new DagDefinitionError(
    "INVALID_CRON",
    `${field}: expected ${EXPECTED}, got ${JSON.stringify(value)} (${reason})`,
    { details: { field, value } },
  );
}

/** Expands a preset and checks the 5-field form; cron-parser reports range errors later. */
function expand(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith("@")) {
    const preset = CRON_PRESETS[trimmed];
    if (preset === undefined) throw invalidCron(field, value, `unknown preset ${trimmed}`);
    return preset;
  }
  const count = trimmed === "" ? 0 : trimmed.split(/\s+/).length;
  if (count !== 5) throw invalidCron(field, value, `found ${count} fields`);
  // "H" asks for a random (hashed) value: Airflow's croniter refuses it without a hash id.
  if (/(?<![a-z])h(?![a-z])/i.test(trimmed))
    throw invalidCron(field, value, `"H" (hashed values) is not supported`);
  return trimmed.split(/\s+/).join(" ");
}

type Parsed = ReturnType<typeof CronExpressionParser.parse>;

/** Cron over naive wall-clock time (epoch numbers whose UTC fields are the local fields). */
function parseAt(expression: string, naiveMs: number): Parsed {
  return CronExpressionParser.parse(expression, { currentDate: new Date(naiveMs), tz: "UTC" });
}

/**
 * A cron schedule in a time zone. All methods take and return UTC instants.
 *
 * Like Airflow, when the hour field covers every hour the result is `current ± (naive tick −
 * naive current)`, so no folded hour is skipped; otherwise the naive tick is placed in the zone,
 * taking the second occurrence of a repeated time and moving a skipped time forward by the gap.
 */
export class CronExpression {
  /** The schedule as the author wrote it, e.g. "@daily" or "0 6 * * 1-5". */
  readonly summary: string;
  /** The 5-field form evaluated, with presets expanded, e.g. "0 0 * * *". */
  readonly expression: string;
  /** The IANA time zone the expression is read in. */
  readonly timezone: string;
  /** Human words, e.g. "At 00:00"; "" if it cannot be described. */
  readonly description: string;
  /** Airflow's `_covers_every_hour`: whether the DST fix applies. */
  readonly coversEveryHour: boolean;

  /** Throws INVALID_CRON / INVALID_TIMEZONE naming `field` when the input is malformed. */
  constructor(value: string, timezone: string, field = "schedule") {
    if (typeof value !== "string") throw invalidCron(field, String(value), "not a string");
    this.summary = value;
    this.expression = expand(value, field);
    this.timezone = validateTimezone(timezone, `${field} timezone`);
    let parsed: Parsed;
    try {
      parsed = parseAt(this.expression, 0);
    } catch (error) {
      throw invalidCron(field, value, error instanceof Error ? error.message : String(error));
    }
    this.coversEveryHour = new Set(parsed.fields.hour.values).size === 24;
    this.description = describeCron(this.expression);
  }

  /** The first tick strictly after `t` (Airflow's `_get_next`). */
  next(t: Date): Date {
    const current = t.getTime();
    const naive = toWallClock(current, this.timezone);
    const scheduled = parseAt(this.expression, naive).next().getTime();
    if (!this.coversEveryHour) return new Date(fromWallClock(scheduled, this.timezone));
    return new Date(current + (scheduled - naive));
  }

  /** The last tick strictly before `t` (Airflow's `_get_prev`). */
  prev(t: Date): Date {
    const current = t.getTime();
    const naive = toWallClock(current, this.timezone);
    const scheduled = parseAt(this.expression, naive).prev().getTime();
    if (!this.coversEveryHour) return new Date(fromWallClock(scheduled, this.timezone));
    return new Date(current - (naive - scheduled));
  }

  /** `t` if it is a tick, else the next tick (Airflow's `_align_to_next`). */
  alignNext(t: Date): Date {
    const next = this.next(t);
    return this.prev(next).getTime() === t.getTime() ? t : next;
  }

  /** `t` if it is a tick, else the previous tick (Airflow's `_align_to_prev`). */
  alignPrev(t: Date): Date {
    const prev = this.prev(t);
    return this.next(prev).getTime() === t.getTime() ? t : prev;
  }

  /** True when `t` is exactly one of the schedule's ticks. */
  isTick(t: Date): boolean {
    return this.alignPrev(t).getTime() === t.getTime();
  }
}
