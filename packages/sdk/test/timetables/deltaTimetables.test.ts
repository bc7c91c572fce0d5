// DeltaTriggerTimetable (Airflow 3's timedelta schedule) and DeltaDataIntervalTimetable (Airflow
// 2's): steps of a fixed duration in absolute time, with no alignment to a grid.
import { DeltaDataIntervalTimetable } from "../../src/timetables/deltaDataIntervalTimetable";
import { DeltaTriggerTimetable } from "../../src/timetables/deltaTriggerTimetable";
import { at, expected, infoIso, input, interval, restriction, tickAt } from "./helpers";

const HOUR = 3_600_000;

describe("DeltaTriggerTimetable every hour", () => {
  const hourly = new DeltaTriggerTimetable(HOUR);
  test.each([
    // [case, now, catchup, start, end, last, expected]
    [
      "first run with catchup is the start date itself (no alignment)",
      "2026-01-01T03:00:00Z",
      true,
      "2026-01-01T00:30:00Z",
      null,
      null,
      tickAt("2026-01-01T00:30:00Z"),
    ],
    [
      "a later run is one delta after the last",
      "2026-01-01T03:00:00Z",
      true,
      "2026-01-01T00:30:00Z",
      null,
      interval("2026-01-01T01:30:00Z", "2026-01-01T01:30:00Z"),
      tickAt("2026-01-01T02:30:00Z"),
    ],
    [
      "without a start date or previous run, the first run is now",
      "2026-01-01T03:17:00Z",
      true,
      null,
      null,
      null,
      tickAt("2026-01-01T03:17:00Z"),
    ],
    [
      "without catchup, the first run is now (the latest of now and the start date)",
      "2026-01-01T03:00:00Z",
      false,
      "2026-01-01T00:30:00Z",
      null,
      null,
      tickAt("2026-01-01T03:00:00Z"),
    ],
    [
      "without catchup, a stale last run gives a run now",
      "2026-01-01T03:00:00Z",
      false,
      "2026-01-01T00:30:00Z",
      null,
      interval("2026-01-01T00:30:00Z", "2026-01-01T00:30:00Z"),
      tickAt("2026-01-01T03:00:00Z"),
    ],
    [
      "without catchup, a recent last run gives the next step",
      "2026-01-01T03:00:00Z",
      false,
      "2026-01-01T00:30:00Z",
      null,
      interval("2026-01-01T02:30:00Z", "2026-01-01T02:30:00Z"),
      tickAt("2026-01-01T03:30:00Z"),
    ],
    [
      "the end date is inclusive",
      "2026-01-01T03:00:00Z",
      true,
      "2026-01-01T00:00:00Z",
      "2026-01-01T02:00:00Z",
      interval("2026-01-01T01:00:00Z", "2026-01-01T01:00:00Z"),
      tickAt("2026-01-01T02:00:00Z"),
    ],
    [
      "past the end date there is no run",
      "2026-01-01T03:00:00Z",
      true,
      "2026-01-01T00:00:00Z",
      "2026-01-01T02:00:00Z",
      interval("2026-01-01T02:00:00Z", "2026-01-01T02:00:00Z"),
      null,
    ],
  ])("%s", (_case, now, catchup, start, end, last, want) => {
    const info = hourly.nextDagRunInfo(input(now, restriction(catchup, start, end), last));
    expect(infoIso(info)).toEqual(want);
  });

  test("with an interval, the data interval ends at the tick", () => {
    const withInterval = new DeltaTriggerTimetable(HOUR, { interval: 2 * HOUR });
    const info = withInterval.nextDagRunInfo(
      input("2026-01-01T03:00:00Z", restriction(true, "2026-01-01T01:00:00Z")),
    );
    expect(infoIso(info)).toEqual(
      expected("2025-12-31T23:00:00Z", "2026-01-01T01:00:00Z", "2026-01-01T01:00:00Z"),
    );
  });

  test.each([
    [0, "2026-01-01T10:00:00Z"],
    [HOUR, "2026-01-01T09:00:00Z"],
  ])("manual run with interval %d ms starts at %s", (intervalMs, start) => {
    const timetable = new DeltaTriggerTimetable(HOUR, { interval: intervalMs });
    expect(timetable.inferManualDataInterval(at("2026-01-01T10:00:00Z"))).toEqual({
      start: at(start),
      end: at("2026-01-01T10:00:00Z"),
    });
  });
});

describe("DeltaDataIntervalTimetable every hour", () => {
  const hourly = new DeltaDataIntervalTimetable(HOUR);
  test.each([
    [
      "first run with catchup starts at the start date",
      "2026-01-01T03:00:00Z",
      true,
      "2026-01-01T00:30:00Z",
      null,
      expected("2026-01-01T00:30:00Z", "2026-01-01T01:30:00Z", "2026-01-01T01:30:00Z"),
    ],
    [
      "a later run continues from the last interval's end",
      "2026-01-01T03:00:00Z",
      true,
      "2026-01-01T00:30:00Z",
      interval("2026-01-01T00:30:00Z", "2026-01-01T01:30:00Z"),
      expected("2026-01-01T01:30:00Z", "2026-01-01T02:30:00Z", "2026-01-01T02:30:00Z"),
    ],
    [
      "without catchup, now on the epoch grid: the hour that just ended",
      "2026-01-01T03:00:00Z",
      false,
      "2026-01-01T00:30:00Z",
      null,
      expected("2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z", "2026-01-01T03:00:00Z"),
    ],
    [
      "without catchup, between grid points: the hour before the current one",
      "2026-01-01T03:20:00Z",
      false,
      "2026-01-01T00:30:00Z",
      null,
      expected("2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z", "2026-01-01T03:00:00Z"),
    ],
    [
      "without catchup, a later start date wins over the grid",
      "2026-01-01T03:20:00Z",
      false,
      "2026-01-01T02:45:00Z",
      null,
      expected("2026-01-01T02:45:00Z", "2026-01-01T03:45:00Z", "2026-01-01T03:45:00Z"),
    ],
    [
      "without catchup and start date, the grid decides",
      "2026-01-01T03:20:00Z",
      false,
      null,
      null,
      expected("2026-01-01T02:00:00Z", "2026-01-01T03:00:00Z", "2026-01-01T03:00:00Z"),
    ],
    [
      "with catchup but no start date, nothing is scheduled",
      "2026-01-01T03:20:00Z",
      true,
      null,
      null,
      null,
    ],
  ])("%s", (_case, now, catchup, start, last, want) => {
    const info = hourly.nextDagRunInfo(input(now, restriction(catchup, start), last));
    expect(infoIso(info)).toEqual(want);
  });

  test("an interval starting after the end date does not run", () => {
    const info = hourly.nextDagRunInfo(
      input(
        "2026-01-02T00:00:00Z",
        restriction(true, "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"),
        interval("2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z"),
      ),
    );
    expect(info).toBeNull();
  });

  test("manual runs cover [runAfter - delta, runAfter]", () => {
    expect(hourly.inferManualDataInterval(at("2026-01-01T10:15:00Z"))).toEqual({
      start: at("2026-01-01T09:15:00Z"),
      end: at("2026-01-01T10:15:00Z"),
    });
  });
});

describe("summaries are Python's str(timedelta); descriptions are empty as in Airflow", () => {
  test.each([
    [HOUR, "1:00:00"],
    [90 * 60_000, "1:30:00"],
    [86_400_000, "1 day, 0:00:00"],
    [2 * 86_400_000 + 5 * 60_000, "2 days, 0:05:00"],
    [1_500, "0:00:01.500000"],
  ])("%d ms → %s", (ms, summary) => {
    expect(new DeltaTriggerTimetable(ms).summary).toBe(summary);
    expect(new DeltaDataIntervalTimetable(ms).summary).toBe(summary);
    expect(new DeltaTriggerTimetable(ms).description).toBe("");
  });

  test("serialized forms carry seconds", () => {
    expect(new DeltaTriggerTimetable(HOUR, { interval: 60_000 }).serialize()).toEqual({
      type: "delta_trigger",
      delta: 3600,
      interval: 60,
    });
    expect(new DeltaDataIntervalTimetable(86_400_000).serialize()).toEqual({
      type: "delta_data_interval",
      delta: 86400,
    });
  });

  test.each([0, -HOUR, Number.POSITIVE_INFINITY])("a delta of %d ms is rejected", (ms) => {
    expect(() => new DeltaTriggerTimetable(ms)).toThrow(
      expect.objectContaining({
        code: "INVALID_SCHEDULE",
        message: expect.stringContaining("schedule: expected a positive duration in milliseconds"),
      }),
    );
    expect(() => new DeltaDataIntervalTimetable(ms)).toThrow(
      expect.objectContaining({ code: "INVALID_SCHEDULE" }),
    );
  });
});
