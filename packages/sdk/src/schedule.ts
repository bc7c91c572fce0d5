// The DAG author's `schedule` value turned into a timetable, as Airflow 3's `_create_timetable`
// does with default config: cron → CronTrigger, duration → DeltaTrigger, assets → AssetTriggered.
import { Asset, serializeAssetCondition } from "./assets";
import type { AssetCondition } from "./assets";
import { toMilliseconds } from "./duration";
import type { Duration } from "./duration";
import { DagDefinitionError } from "./errors";
import { AssetTriggeredTimetable } from "./timetables/assetTriggeredTimetable";
import { ContinuousTimetable } from "./timetables/continuousTimetable";
import { CronDataIntervalTimetable } from "./timetables/cronDataIntervalTimetable";
import { CronTriggerTimetable } from "./timetables/cronTriggerTimetable";
import { DeltaDataIntervalTimetable } from "./timetables/deltaDataIntervalTimetable";
import { DeltaTriggerTimetable } from "./timetables/deltaTriggerTimetable";
import { NullTimetable } from "./timetables/nullTimetable";
import { OnceTimetable } from "./timetables/onceTimetable";
import type { Timetable } from "./timetables/timetable";

/**
 * What a DAG's `schedule` accepts: `null` (manual only), "@once", "@continuous", a cron
 * expression or preset ("0 6 * * 1-5", "@daily"), a duration ("1h30m", 3600 seconds,
 * `{ hours: 1 }`), a Timetable, or assets (an Asset, `allOf`/`anyOf`, or a list meaning all).
 */
export type Schedule =
  null | undefined | Duration | Timetable | AssetCondition | readonly AssetCondition[];

/** Options of `createTimetable`. */
export interface CreateTimetableOptions {
  /**
   * IANA time zone cron schedules are read in (the DAG's time zone).
   * @default "UTC"
   */
  readonly timezone?: string;
  /**
   * Airflow's `[scheduler] create_cron_data_intervals`: cron strings become
   * CronDataIntervalTimetable (the Airflow 2 behaviour).
   * @default false
   */
  readonly createCronDataIntervals?: boolean;
  /**
   * Airflow's `[scheduler] create_delta_data_intervals`: durations become
   * DeltaDataIntervalTimetable (the Airflow 2 behaviour).
   * @default false
   */
  readonly createDeltaDataIntervals?: boolean;
}

const EXPECTED =
  'null, "@once", "@continuous", a cron expression with 5 fields or a preset such as "@daily", ' +
  'a duration such as "1h" or "30m" or { hours: 1 }, a Timetable, an Asset, allOf()/anyOf() or ' +
  "a list of assets";

function invalidSchedule(value: unknown, reason?: string): DagDefinitionError {
  const shown = typeof value === "string" ? JSON.stringify(value) : describeValue(value);
  return new DagDefinitionError(
    "INVALID_SCHEDULE",
    `schedule: expected ${EXPECTED}, got ${shown}${reason ? ` (${reason})` : ""}`,
    { details: { field: "schedule", value: typeof value === "object" ? shown : value } },
  );
}

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Duck-typed so a timetable from another copy of the SDK still counts. */
function isTimetable(value: object): value is Timetable {
  const candidate = value as Partial<Record<"nextDagRunInfo" | "serialize", unknown>>;
  return (
    typeof candidate.nextDagRunInfo === "function" && typeof candidate.serialize === "function"
  );
}

function isAssetCondition(value: unknown): value is AssetCondition {
  if (value instanceof Asset) return true;
  if (typeof value !== "object" || value === null) return false;
  const node = value as { op?: unknown; of?: unknown };
  return (node.op === "all" || node.op === "any") && Array.isArray(node.of)
    ? (node.of as unknown[]).every(isAssetCondition)
    : false;
}

function fromDuration(value: Duration, options: CreateTimetableOptions): Timetable {
  const ms = toMilliseconds(value, "schedule");
  if (ms <= 0) throw invalidSchedule(value, "a duration schedule must be positive");
  return options.createDeltaDataIntervals
    ? new DeltaDataIntervalTimetable(ms)
    : new DeltaTriggerTimetable(ms);
}

function fromString(value: string, options: CreateTimetableOptions): Timetable {
  const text = value.trim();
  if (text === "@once") return new OnceTimetable();
  if (text === "@continuous") return new ContinuousTimetable();
  // A cron has 5 space-separated fields; a preset starts with "@"; a duration starts with a digit.
  if (text.startsWith("@") || /\s/.test(text)) {
    const timezone = options.timezone ?? "UTC";
    return options.createCronDataIntervals
      ? new CronDataIntervalTimetable(value, { timezone })
      : new CronTriggerTimetable(value, { timezone });
  }
  if (/^\d/.test(text)) return fromDuration(text, options);
  throw invalidSchedule(value);
}

function fromAssets(value: readonly unknown[]): Timetable {
  if (value.length === 0) throw invalidSchedule(value, "a list of assets must not be empty");
  if (!value.every(isAssetCondition))
    throw invalidSchedule(value, "every element of a list must be an Asset or an asset condition");
  const condition = serializeAssetCondition({ op: "all", of: value });
  return new AssetTriggeredTimetable(condition);
}

/**
 * Maps a DAG's `schedule` to its timetable, as Airflow 3 does with default config. Throws a
 * DagDefinitionError naming "schedule" (INVALID_SCHEDULE, INVALID_CRON, INVALID_DURATION or
 * INVALID_TIMEZONE) when the value is malformed.
 */
export function createTimetable(
  schedule: Schedule,
  options: CreateTimetableOptions = {},
): Timetable {
  if (schedule === null || schedule === undefined) return new NullTimetable();
  if (typeof schedule === "string") return fromString(schedule, options);
  if (typeof schedule === "number") return fromDuration(schedule, options);
  if (Array.isArray(schedule)) return fromAssets(schedule as readonly unknown[]);
  if (typeof schedule !== "object") throw invalidSchedule(schedule);
  if (isAssetCondition(schedule))
    return new AssetTriggeredTimetable(serializeAssetCondition(schedule));
  if (isTimetable(schedule)) return schedule;
  if ("op" in schedule)
    throw invalidSchedule(schedule, "allOf()/anyOf() take only assets and asset conditions");
  return fromDuration(schedule as Duration, options);
}
