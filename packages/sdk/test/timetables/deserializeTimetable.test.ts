// deserializeTimetable rebuilds every timetable from serialize() with the same form and behaviour.
import { Asset, anyOf, serializeAssetCondition } from "../../src/assets";
import { AssetTriggeredTimetable } from "../../src/timetables/assetTriggeredTimetable";
import { enumerateDueRuns } from "../../src/timetables/catchup";
import { ContinuousTimetable } from "../../src/timetables/continuousTimetable";
import { CronDataIntervalTimetable } from "../../src/timetables/cronDataIntervalTimetable";
import { CronTriggerTimetable } from "../../src/timetables/cronTriggerTimetable";
import { DeltaDataIntervalTimetable } from "../../src/timetables/deltaDataIntervalTimetable";
import { DeltaTriggerTimetable } from "../../src/timetables/deltaTriggerTimetable";
import { deserializeTimetable } from "../../src/timetables/deserializeTimetable";
import { NullTimetable } from "../../src/timetables/nullTimetable";
import { OnceTimetable } from "../../src/timetables/onceTimetable";
import type { SerializedTimetable, Timetable } from "../../src/timetables/timetable";
import { at, restriction } from "./helpers";

const condition = serializeAssetCondition(anyOf(new Asset("s3://a"), new Asset("s3://b")));

describe("round-trip: same serialized form, summary, description and runs", () => {
  test.each<[string, Timetable]>([
    ["null", new NullTimetable()],
    ["once", new OnceTimetable()],
    ["continuous", new ContinuousTimetable()],
    ["cron trigger preset", new CronTriggerTimetable("@daily", { timezone: "UTC" })],
    [
      "cron trigger with options",
      new CronTriggerTimetable("0 */2 * * *", {
        timezone: "Europe/Amsterdam",
        interval: 7_200_000,
        runImmediately: 600_000,
      }),
    ],
    [
      "cron trigger run immediately",
      new CronTriggerTimetable("@hourly", { timezone: "UTC", runImmediately: true }),
    ],
    [
      "cron data interval",
      new CronDataIntervalTimetable("30 6 * * 1-5", { timezone: "America/New_York" }),
    ],
    ["delta trigger", new DeltaTriggerTimetable(5_400_000, { interval: 60_000 })],
    ["delta trigger with milliseconds", new DeltaTriggerTimetable(1_500)],
    ["delta data interval", new DeltaDataIntervalTimetable(86_400_000)],
    ["asset triggered", new AssetTriggeredTimetable(condition)],
  ])("%s", (_case, original) => {
    const copy = deserializeTimetable(
      JSON.parse(JSON.stringify(original.serialize())) as SerializedTimetable,
    );
    expect(copy.serialize()).toEqual(original.serialize());
    expect(copy.constructor).toBe(original.constructor);
    expect([copy.type, copy.summary, copy.description, copy.periodic]).toEqual([
      original.type,
      original.summary,
      original.description,
      original.periodic,
    ]);
    for (const catchup of [true, false]) {
      const run = (timetable: Timetable) =>
        enumerateDueRuns(timetable, {
          restriction: restriction(catchup, "2026-01-01T00:00:00Z"),
          lastAutomatedDataInterval: null,
          now: at("2026-01-03T05:00:00Z"),
        });
      expect(run(copy)).toEqual(run(original));
    }
    expect(copy.inferManualDataInterval(at("2026-01-03T05:30:00Z"))).toEqual(
      original.inferManualDataInterval(at("2026-01-03T05:30:00Z")),
    );
  });
});

describe("a missing run_immediately reads as false (older serialized DAGs)", () => {
  test("cron trigger", () => {
    const copy = deserializeTimetable({
      type: "cron_trigger",
      expression: "@daily",
      timezone: "UTC",
      interval: 0,
    });
    expect(copy.serialize()).toMatchObject({ run_immediately: false });
  });
});

describe("malformed input is rejected with SERIALIZATION_ERROR", () => {
  test.each<[string, unknown, string]>([
    ["unknown type", { type: "cron_multi" }, 'unknown type "cron_multi"'],
    [
      "missing expression",
      { type: "cron_trigger", timezone: "UTC", interval: 0 },
      '"expression" must be a string',
    ],
    [
      "interval not a number",
      { type: "delta_trigger", delta: 60, interval: "1m" },
      '"interval" must be a number of seconds',
    ],
    ["missing delta", { type: "delta_data_interval" }, '"delta" must be a number of seconds'],
    [
      "bad asset condition",
      { type: "asset_triggered", asset_condition: { type: "all", of: [{ uri: 1 }] } },
      '"asset_condition" is not an asset condition',
    ],
    ["not an object", null, "not an object"],
  ])("%s", (_case, data, reason) => {
    expect(() => deserializeTimetable(data as SerializedTimetable)).toThrow(
      expect.objectContaining({
        code: "SERIALIZATION_ERROR",
        message: expect.stringContaining(reason),
      }),
    );
  });

  test("a bad cron inside is reported as INVALID_CRON", () => {
    expect(() =>
      deserializeTimetable({
        type: "cron_data_interval",
        expression: "61 * * * *",
        timezone: "UTC",
      }),
    ).toThrow(expect.objectContaining({ code: "INVALID_CRON" }));
  });
});
