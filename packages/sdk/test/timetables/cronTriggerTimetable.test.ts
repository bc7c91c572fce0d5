// CronTriggerTimetable (Airflow 3's cron): a run at each tick, logical date = tick,
// data interval [tick - interval, tick]; first-run rules when there is no start date.
import { CronTriggerTimetable } from "../../src/timetables/cronTriggerTimetable";
import { at, expected, infoIso, input, interval, restriction, tickAt } from "./helpers";

const daily = new CronTriggerTimetable("@daily", { timezone: "UTC" });

describe("@daily with a start date", () => {
  test.each([
    // [case, now, catchup, start, end, last, expected]
    [
      "first run with catchup is the first tick at or after the start date",
      "2026-01-05T12:00:00Z",
      true,
      "2026-01-01T00:00:00Z",
      null,
      null,
      tickAt("2026-01-01T00:00:00Z"),
    ],
    [
      "a start date between ticks aligns to the next tick",
      "2026-01-05T12:00:00Z",
      true,
      "2026-01-01T06:00:00Z",
      null,
      null,
      tickAt("2026-01-02T00:00:00Z"),
    ],
    [
      "a later run with catchup is the tick after the last one",
      "2026-01-05T12:00:00Z",
      true,
      "2026-01-01T00:00:00Z",
      null,
      interval("2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z"),
      tickAt("2026-01-03T00:00:00Z"),
    ],
    [
      "first run without catchup is the latest tick at or before now",
      "2026-01-05T12:00:00Z",
      false,
      "2026-01-01T00:00:00Z",
      null,
      null,
      tickAt("2026-01-05T00:00:00Z"),
    ],
    [
      "without catchup, now on a tick runs that tick",
      "2026-01-05T00:00:00Z",
      false,
      "2026-01-01T00:00:00Z",
      null,
      null,
      tickAt("2026-01-05T00:00:00Z"),
    ],
    [
      "without catchup, a stale last run skips to the latest tick",
      "2026-01-05T12:00:00Z",
      false,
      "2026-01-01T00:00:00Z",
      null,
      interval("2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z"),
      tickAt("2026-01-05T00:00:00Z"),
    ],
    [
      "without catchup, after the latest tick ran the next is tomorrow",
      "2026-01-05T12:00:00Z",
      false,
      "2026-01-01T00:00:00Z",
      null,
      interval("2026-01-05T00:00:00Z", "2026-01-05T00:00:00Z"),
      tickAt("2026-01-06T00:00:00Z"),
    ],
    [
      "a start date in the future wins over now without catchup",
      "2026-01-05T12:00:00Z",
      false,
      "2026-02-01T00:00:00Z",
      null,
      null,
      tickAt("2026-02-01T00:00:00Z"),
    ],
    [
      "the end date is inclusive: a tick on it still runs",
      "2026-01-05T12:00:00Z",
      true,
      "2026-01-01T00:00:00Z",
      "2026-01-03T00:00:00Z",
      interval("2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z"),
      tickAt("2026-01-03T00:00:00Z"),
    ],
    [
      "after the end date there is no run",
      "2026-01-05T12:00:00Z",
      true,
      "2026-01-01T00:00:00Z",
      "2026-01-03T00:00:00Z",
      interval("2026-01-03T00:00:00Z", "2026-01-03T00:00:00Z"),
      null,
    ],
    [
      "an end date between ticks stops before the next tick",
      "2026-01-05T12:00:00Z",
      true,
      "2026-01-01T00:00:00Z",
      "2026-01-02T12:00:00Z",
      interval("2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z"),
      null,
    ],
    [
      "without catchup, the end date in the past stops the schedule",
      "2026-01-05T12:00:00Z",
      false,
      "2026-01-01T00:00:00Z",
      "2026-01-03T00:00:00Z",
      null,
      null,
    ],
  ])("%s", (_case, now, catchup, start, end, last, want) => {
    const info = daily.nextDagRunInfo(input(now, restriction(catchup, start, end), last));
    expect(infoIso(info)).toEqual(want);
  });
});

describe("a data interval ending at the tick when `interval` is set", () => {
  const withDay = new CronTriggerTimetable("0 6 * * *", { timezone: "UTC", interval: 86_400_000 });

  test.each([
    [
      "first run",
      null,
      expected("2026-01-01T06:00:00Z", "2026-01-02T06:00:00Z", "2026-01-02T06:00:00Z"),
    ],
    [
      "next run",
      interval("2026-01-01T06:00:00Z", "2026-01-02T06:00:00Z"),
      expected("2026-01-02T06:00:00Z", "2026-01-03T06:00:00Z", "2026-01-03T06:00:00Z"),
    ],
  ])("%s: logical date = tick - 1 day, runAfter = tick", (_case, last, want) => {
    const info = withDay.nextDagRunInfo(
      input("2026-01-10T00:00:00Z", restriction(true, "2026-01-02T00:00:00Z"), last),
    );
    expect(infoIso(info)).toEqual(want);
  });
});

describe("manual runs cover [runAfter - interval, runAfter]", () => {
  test.each([
    [0, "2026-01-05T10:30:00Z", "2026-01-05T10:30:00Z"],
    [3_600_000, "2026-01-05T09:30:00Z", "2026-01-05T10:30:00Z"],
  ])("interval %d ms", (intervalMs, start, end) => {
    const timetable = new CronTriggerTimetable("@daily", { timezone: "UTC", interval: intervalMs });
    const manual = timetable.inferManualDataInterval(at("2026-01-05T10:30:00Z"));
    expect(manual).toEqual({ start: at(start), end: at(end) });
  });
});

describe("summary, description and serialized form", () => {
  test.each([
    ["@daily", "UTC", "At 00:00"],
    ["0 6 * * 1-5", "Europe/Amsterdam", "At 06:00, Monday through Friday"],
  ])("%s in %s", (expression, timezone, description) => {
    const timetable = new CronTriggerTimetable(expression, { timezone });
    expect(timetable.summary).toBe(expression);
    expect(timetable.description).toBe(description);
    expect(timetable.periodic).toBe(true);
    expect(timetable.serialize()).toEqual({
      type: "cron_trigger",
      expression,
      timezone,
      interval: 0,
      run_immediately: false,
    });
  });

  test("interval and runImmediately are serialized in seconds", () => {
    const timetable = new CronTriggerTimetable("@hourly", {
      timezone: "UTC",
      interval: 1_800_000,
      runImmediately: 90_000,
    });
    expect(timetable.serialize()).toEqual({
      type: "cron_trigger",
      expression: "@hourly",
      timezone: "UTC",
      interval: 1800,
      run_immediately: 90,
    });
  });

  test.each([
    [
      { timezone: "UTC", interval: -1 },
      "schedule interval: expected a non-negative duration in milliseconds, got -1",
    ],
    [
      { timezone: "UTC", runImmediately: Number.NaN },
      "schedule runImmediately: expected a non-negative duration in milliseconds, got null",
    ],
  ])("bad options are rejected with INVALID_SCHEDULE: %j", (options, message) => {
    expect(() => new CronTriggerTimetable("@daily", options)).toThrow(
      expect.objectContaining({ code: "INVALID_SCHEDULE", message }),
    );
  });
});
