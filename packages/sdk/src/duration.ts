// Durations as DAG authors write them ("1h30m", 90, { minutes: 5 }) and as the SDK keeps them
// (milliseconds). Serialized as float seconds, like Airflow's timedelta.
import { DagDefinitionError } from "./errors";

/** A span of time: a string like "1h30m", "90s", "2d"; a number of seconds; or parts. */
export type Duration =
  | string
  | number
  | {
      weeks?: number;
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    };

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART_MS: Record<string, number> = {
  weeks: UNIT_MS.w!,
  days: UNIT_MS.d!,
  hours: UNIT_MS.h!,
  minutes: UNIT_MS.m!,
  seconds: UNIT_MS.s!,
  milliseconds: 1,
};

const DURATION_STRING = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/;

function invalid(field: string, value: unknown): DagDefinitionError {
  return new DagDefinitionError(
    "INVALID_DURATION",
    `${field}: expected a duration such as "30s", "5m", "1h30m", "2d", a number of seconds or ` +
      `{ hours: 1 }, got ${JSON.stringify(value)}`,
    { details: { field, value } },
  );
}

/** Converts a duration to milliseconds; throws a DagDefinitionError naming `field` if malformed. */
export function toMilliseconds(value: Duration, field: string): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw invalid(field, value);
    return Math.round(value * 1000);
  }
  if (typeof value === "string") return parseDurationString(value.trim(), field);
  if (typeof value !== "object" || value === null) throw invalid(field, value);
  let total = 0;
  for (const [key, amount] of Object.entries(value)) {
    const unit = PART_MS[key];
    if (unit === undefined || typeof amount !== "number" || !Number.isFinite(amount) || amount < 0)
      throw invalid(field, value);
    total += amount * unit;
  }
  return Math.round(total);
}

function parseDurationString(text: string, field: string): number {
  if (text === "") throw invalid(field, text);
  let rest = text;
  let total = 0;
  while (rest.length > 0) {
    const match = DURATION_STRING.exec(rest);
    if (!match) throw invalid(field, text);
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return Math.round(total);
}

/** Formats milliseconds the way DAG authors write them: 5400000 → "1h30m". */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  const parts: string[] = [];
  let rest = ms;
  for (const unit of ["d", "h", "m", "s", "ms"] as const) {
    const size = UNIT_MS[unit]!;
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.join("");
}
