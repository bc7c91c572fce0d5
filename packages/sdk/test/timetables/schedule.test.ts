// createTimetable: the DAG author's `schedule` value mapped as Airflow 3 does with default config.
import { Asset, allOf, anyOf } from "../../src/assets";
import type { AssetCondition } from "../../src/assets";
import { createTimetable } from "../../src/schedule";
import type { Schedule } from "../../src/schedule";
import { CronTriggerTimetable } from "../../src/timetables/cronTriggerTimetable";
import type { SerializedTimetable } from "../../src/timetables/timetable";

const orders = new Asset("s3://bucket/orders");
const customers = new Asset("s3://bucket/customers");
const asset = (uri: string) => ({ type: "asset", uri, name: uri, group: "asset" });

describe("schedule values map to Airflow 3's default timetables", () => {
  test.each<[string, Schedule, SerializedTimetable]>([
    ["null → NullTimetable", null, { type: "null" }],
    ["undefined → NullTimetable", undefined, { type: "null" }],
    ['"@once" → OnceTimetable', "@once", { type: "once" }],
    ['"@continuous" → ContinuousTimetable', "@continuous", { type: "continuous" }],
    [
      '"@daily" → CronTriggerTimetable',
      "@daily",
      {
        type: "cron_trigger",
        expression: "@daily",
        timezone: "UTC",
        interval: 0,
        run_immediately: false,
      },
    ],
    [
      '"@hourly" → CronTriggerTimetable',
      "@hourly",
      {
        type: "cron_trigger",
        expression: "@hourly",
        timezone: "UTC",
        interval: 0,
        run_immediately: false,
      },
    ],
    [
      "a cron string → CronTriggerTimetable",
      "0 6 * * 1-5",
      {
        type: "cron_trigger",
        expression: "0 6 * * 1-5",
        timezone: "UTC",
        interval: 0,
        run_immediately: false,
      },
    ],
    ['"1h" → DeltaTriggerTimetable', "1h", { type: "delta_trigger", delta: 3600, interval: 0 }],
    ['"30m" → DeltaTriggerTimetable', "30m", { type: "delta_trigger", delta: 1800, interval: 0 }],
    [
      '"1h30m" → DeltaTriggerTimetable',
      "1h30m",
      { type: "delta_trigger", delta: 5400, interval: 0 },
    ],
    [
      "a number of seconds → DeltaTriggerTimetable",
      900,
      { type: "delta_trigger", delta: 900, interval: 0 },
    ],
    [
      "{ hours: 1 } → DeltaTriggerTimetable",
      { hours: 1 },
      { type: "delta_trigger", delta: 3600, interval: 0 },
    ],
    [
      "an Asset → AssetTriggeredTimetable on it",
      orders,
      { type: "asset_triggered", asset_condition: asset("s3://bucket/orders") },
    ],
    [
      "a list of assets → all of them",
      [orders, customers],
      {
        type: "asset_triggered",
        asset_condition: {
          type: "all",
          of: [asset("s3://bucket/orders"), asset("s3://bucket/customers")],
        },
      },
    ],
    [
      "anyOf → any of them",
      anyOf(orders, customers),
      {
        type: "asset_triggered",
        asset_condition: {
          type: "any",
          of: [asset("s3://bucket/orders"), asset("s3://bucket/customers")],
        },
      },
    ],
    [
      "nested conditions",
      allOf(orders, anyOf(customers)),
      {
        type: "asset_triggered",
        asset_condition: {
          type: "all",
          of: [asset("s3://bucket/orders"), { type: "any", of: [asset("s3://bucket/customers")] }],
        },
      },
    ],
  ])("%s", (_case, schedule, serialized) => {
    expect(createTimetable(schedule).serialize()).toEqual(serialized);
  });

  test("cron schedules are read in the DAG's time zone", () => {
    const timetable = createTimetable("@daily", { timezone: "Europe/Amsterdam" });
    expect(timetable.serialize()).toMatchObject({ timezone: "Europe/Amsterdam" });
  });

  test("a Timetable instance is returned as is", () => {
    const timetable = new CronTriggerTimetable("0 6 * * *", {
      timezone: "UTC",
      interval: 86_400_000,
    });
    expect(createTimetable(timetable)).toBe(timetable);
  });

  test.each<[string, Schedule, string]>([
    ["cron", "@daily", "cron_data_interval"],
    ["duration", "1h", "delta_data_interval"],
  ])("the Airflow 2 flags select data-interval timetables (%s)", (_case, schedule, type) => {
    const timetable = createTimetable(schedule, {
      createCronDataIntervals: true,
      createDeltaDataIntervals: true,
    });
    expect(timetable.type).toBe(type);
  });
});

describe("bad schedule values are rejected with a message naming schedule", () => {
  test.each<[string, unknown, string, string]>([
    [
      "a cron field out of range",
      "61 * * * *",
      "INVALID_CRON",
      'schedule: expected a cron expression with 5 fields (minute hour day-of-month month day-of-week) or a preset (@hourly, @daily, @weekly, @monthly, @quarterly, @yearly), got "61 * * * *" (Constraint error, got value 61 expected range 0-59)',
    ],
    ["a cron with 4 fields", "0 0 * *", "INVALID_CRON", 'got "0 0 * *" (found 4 fields)'],
    [
      "an unknown preset",
      "@fortnightly",
      "INVALID_CRON",
      'got "@fortnightly" (unknown preset @fortnightly)',
    ],
    [
      "a malformed duration",
      "1h30x",
      "INVALID_DURATION",
      'schedule: expected a duration such as "30s", "5m", "1h30m", "2d", a number of seconds or { hours: 1 }, got "1h30x"',
    ],
    [
      "a zero duration",
      "0s",
      "INVALID_SCHEDULE",
      'got "0s" (a duration schedule must be positive)',
    ],
    ["zero seconds", 0, "INVALID_SCHEDULE", "got 0 (a duration schedule must be positive)"],
    ["a negative number", -5, "INVALID_DURATION", "schedule: expected a duration"],
    [
      "an unknown word",
      "daily",
      "INVALID_SCHEDULE",
      'schedule: expected null, "@once", "@continuous", a cron expression with 5 fields or a preset such as "@daily", a duration such as "1h" or "30m" or { hours: 1 }, a Timetable, an Asset, allOf()/anyOf() or a list of assets, got "daily"',
    ],
    ["an object with unknown keys", { every: "day" }, "INVALID_DURATION", 'got {"every":"day"}'],
    ["an empty list", [], "INVALID_SCHEDULE", "got [] (a list of assets must not be empty)"],
    [
      "a list with a non-asset",
      [orders, "@daily"],
      "INVALID_SCHEDULE",
      "(every element of a list must be an Asset or an asset condition)",
    ],
    ["a boolean", true, "INVALID_SCHEDULE", "got true"],
    [
      "a bad time zone for a cron",
      "@daily",
      "INVALID_TIMEZONE",
      'schedule timezone: expected an IANA time zone name such as "UTC" or "Europe/Amsterdam", got "Moon/Base"',
    ],
  ])("%s", (_case, schedule, code, message) => {
    const timezone = code === "INVALID_TIMEZONE" ? "Moon/Base" : "UTC";
    expect(() => createTimetable(schedule as Schedule, { timezone })).toThrow(
      expect.objectContaining({ code, message: expect.stringContaining(message) }),
    );
  });

  test("an asset condition holding a non-asset is rejected, not read as a duration", () => {
    const bad = { op: "all", of: ["s3://not-an-asset"] } as unknown as AssetCondition;
    expect(() => createTimetable(bad)).toThrow(
      expect.objectContaining({
        code: "INVALID_SCHEDULE",
        message: expect.stringContaining(
          'got {"op":"all","of":["s3://not-an-asset"]} (allOf()/anyOf() take only assets and asset conditions)',
        ),
      }),
    );
  });
});
