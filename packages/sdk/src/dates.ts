// Dates as DAG authors write them (start_date, end_date, logical dates) turned into UTC instants,
// with Airflow's (pendulum's) reading of local times that fall in a DST gap or fold.
import { isDate } from "./plainObject";
import { DateTime, IANAZone } from "luxon";
import { DagDefinitionError } from "./errors";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// A date-time written with a space instead of "T", as Python's str(datetime) prints it.
const SPACE_SEPARATED = /^(\d{4}-\d{2}-\d{2}) (\d)/;
// Zone furthest from UTC: a string that carries its own offset parses to the same instant in
// UTC and in this zone; one without an offset does not.
const FAR_ZONE = "Etc/GMT-14";

/** True when `zone` is an IANA time zone name the runtime knows, e.g. "Europe/Amsterdam", "UTC". */
export function isValidTimezone(zone: unknown): zone is string {
  return typeof zone === "string" && zone.trim() !== "" && IANAZone.isValidZone(zone);
}

/** Returns `zone` if it is a valid IANA time zone; throws INVALID_TIMEZONE naming `field` if not. */
export function validateTimezone(zone: unknown, field: string): string {
  if (isValidTimezone(zone)) return zone;
  throw new DagDefinitionError(
    "INVALID_TIMEZONE",
    `${field}: expected an IANA time zone name such as "UTC" or "Europe/Amsterdam", ` +
      `got ${JSON.stringify(zone)}`,
    { details: { field, value: zone } },
  );
}

/** Minutes east of UTC that `zone` observes at the instant `utcMs`. */
export function zoneOffsetMinutes(utcMs: number, zone: string): number {
  return IANAZone.create(zone).offset(utcMs);
}

/**
 * The wall-clock reading in `zone` at the UTC instant `utcMs`, as a "naive" epoch number: the
 * local fields read as if they were UTC. Airflow's `make_naive`.
 */
export function toWallClock(utcMs: number, zone: string): number {
  return utcMs + zoneOffsetMinutes(utcMs, zone) * MINUTE_MS;
}

/**
 * The UTC instant of a naive wall-clock reading in `zone`, resolved as Airflow's `make_aware` does
 * (pendulum `convert` with fold=1): a repeated (folded) time takes its second occurrence, and a
 * time skipped by a DST gap moves forward by the size of the gap.
 */
export function fromWallClock(naiveMs: number, zone: string): number {
  // One day either side reaches past any transition that can touch this wall-clock time.
  const before = zoneOffsetMinutes(naiveMs - DAY_MS, zone);
  const after = zoneOffsetMinutes(naiveMs + DAY_MS, zone);
  const withAfter = naiveMs - after * MINUTE_MS;
  if (zoneOffsetMinutes(withAfter, zone) === after) return withAfter;
  const withBefore = naiveMs - before * MINUTE_MS;
  if (zoneOffsetMinutes(withBefore, zone) === before) return withBefore;
  // In the gap: pendulum adds the gap to the wall time and reads it with the later offset,
  // which lands on the same instant as reading the original time with the earlier offset.
  return withBefore;
}

function invalidDate(field: string, value: unknown): DagDefinitionError {
  return new DagDefinitionError(
    "INVALID_DATE",
    `${field}: expected a Date or an ISO-8601 string such as "2026-01-01", "2026-01-01T06:00" ` +
      `or "2026-01-01T06:00:00Z", got ${isDate(value) ? "Invalid Date" : JSON.stringify(value)}`,
    { details: { field, value: isDate(value) ? String(value) : value } },
  );
}

/**
 * Reads a date the way Airflow reads `start_date`: a Date is kept as is; an ISO-8601 string with
 * an offset or "Z" is that instant; one without an offset is wall-clock time in `timezone`.
 */
export function parseDate(value: Date | string, field: string, timezone: string): Date {
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) throw invalidDate(field, value);
    return new Date(value.getTime()); // a Date of this realm, even when a DAG file made it
  }
  if (typeof value !== "string") throw invalidDate(field, value);
  validateTimezone(timezone, `${field} time zone`);
  const text = value.trim().replace(SPACE_SEPARATED, "$1T$2");
  const asUtc = DateTime.fromISO(text, { zone: "UTC" });
  if (!asUtc.isValid) throw invalidDate(field, value);
  const asFarZone = DateTime.fromISO(text, { zone: FAR_ZONE });
  if (asUtc.toMillis() === asFarZone.toMillis()) return new Date(asUtc.toMillis());
  return new Date(fromWallClock(asUtc.toMillis(), timezone));
}
