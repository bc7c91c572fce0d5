// Rebuilds a timetable from the JSON its `serialize()` produced (the SerializedDag form the
// scheduler reads). Durations travel as float seconds, like Airflow's encoded timedelta.
import type { SerializedAssetCondition } from "../assets";
import { DagDefinitionError } from "../errors";
import { AssetTriggeredTimetable } from "./assetTriggeredTimetable";
import { ContinuousTimetable } from "./continuousTimetable";
import { CronDataIntervalTimetable } from "./cronDataIntervalTimetable";
import { CronTriggerTimetable } from "./cronTriggerTimetable";
import { DeltaDataIntervalTimetable } from "./deltaDataIntervalTimetable";
import { DeltaTriggerTimetable } from "./deltaTriggerTimetable";
import { NullTimetable } from "./nullTimetable";
import { OnceTimetable } from "./onceTimetable";
import type { SerializedTimetable, Timetable } from "./timetable";

function malformed(data: unknown, reason: string): DagDefinitionError {
  return new DagDefinitionError(
    "SERIALIZATION_ERROR",
    `timetable: expected the output of Timetable.serialize(), got ${JSON.stringify(data)} (${reason})`,
    { details: { field: "timetable", value: data } },
  );
}

function stringField(data: SerializedTimetable, key: string): string {
  const value = data[key];
  if (typeof value !== "string") throw malformed(data, `"${key}" must be a string`);
  return value;
}

/** Reads float seconds back into whole milliseconds. */
function millisField(data: SerializedTimetable, key: string): number {
  const value = data[key];
  if (typeof value !== "number" || !Number.isFinite(value))
    throw malformed(data, `"${key}" must be a number of seconds`);
  return Math.round(value * 1000);
}

function runImmediatelyField(data: SerializedTimetable): boolean | number {
  const value = data.run_immediately;
  if (value === undefined) return false;
  if (typeof value === "boolean") return value;
  return millisField(data, "run_immediately");
}

function isAssetCondition(value: unknown): value is SerializedAssetCondition {
  if (typeof value !== "object" || value === null) return false;
  const node = value as Record<string, unknown>;
  if (node.type === "asset")
    return ["uri", "name", "group"].every((key) => typeof node[key] === "string");
  return (node.type === "all" || node.type === "any") && Array.isArray(node.of)
    ? (node.of as unknown[]).every(isAssetCondition)
    : false;
}

function assetTimetable(data: SerializedTimetable): AssetTriggeredTimetable {
  const condition = data.asset_condition;
  if (!isAssetCondition(condition))
    throw malformed(data, `"asset_condition" is not an asset condition`);
  return new AssetTriggeredTimetable(condition);
}

/**
 * Rebuilds any timetable from its `serialize()` output; `deserializeTimetable(t.serialize())`
 * serializes and schedules exactly like `t`. Throws SERIALIZATION_ERROR on malformed input.
 */
export function deserializeTimetable(data: SerializedTimetable): Timetable {
  if (typeof data !== "object" || data === null) throw malformed(data, "not an object");
  switch (data.type) {
    case "null":
      return new NullTimetable();
    case "once":
      return new OnceTimetable();
    case "continuous":
      return new ContinuousTimetable();
    case "cron_trigger":
      return new CronTriggerTimetable(stringField(data, "expression"), {
        timezone: stringField(data, "timezone"),
        interval: millisField(data, "interval"),
        runImmediately: runImmediatelyField(data),
      });
    case "cron_data_interval":
      return new CronDataIntervalTimetable(stringField(data, "expression"), {
        timezone: stringField(data, "timezone"),
      });
    case "delta_trigger":
      return new DeltaTriggerTimetable(millisField(data, "delta"), {
        interval: millisField(data, "interval"),
      });
    case "delta_data_interval":
      return new DeltaDataIntervalTimetable(millisField(data, "delta"));
    case "asset_triggered":
      return assetTimetable(data);
    default:
      throw malformed(data, `unknown type ${JSON.stringify((data as { type?: unknown }).type)}`);
  }
}
