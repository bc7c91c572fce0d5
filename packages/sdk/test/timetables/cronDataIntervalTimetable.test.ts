// CronDataIntervalTimetable (Airflow 2's cron, Airflow 3 with create_cron_data_intervals): a run
// covers [tick, next tick], starts when that interval ends, and its logical date is the start.
import { CronDataIntervalTimetable } from "../../src/timetables/cronDataIntervalTimetable";
import { at, expected, infoIso, input, interval, restriction } from "./helpers";

const daily = new CronDataIntervalTimetable("@daily", { timezone: "UTC" });
const day = (n: number): string => `2026-01-${String(n).padStart(2, "0")}T00:00:00Z`;

describe("@daily data intervals", () => {
  test.each([
    // [case, now, catchup, start, end, last, expected]
    [
      "first run with catchup covers the first day from the start date",
      "2026-01-05T12:00:00Z",
      true,
      day(1),
      null,
      null,
      expected(day(1), day(2), day(2)),
    ],
    [
      "a start date between ticks aligns to the next tick",
      "2026-01-05T12:00:00Z",
      true,
      "2026-01-01T06:00:00Z",
      null,
      null,
      expected(day(2), day(3), day(3)),
    ],
    [
      "a later run starts where the last interval ended",
      "2026-01-05T12:00:00Z",
      true,
      day(1),
      null,
      interval(day(1), day(2)),
      expected(day(2), day(3), day(3)),
    ],
    [
      "without a start date and no previous run there is nothing to schedule",
      "2026-01-05T12:00:00Z",
      true,
      null,
      null,
      null,
      null,
    ],
    [
      "without catchup, between ticks: the last complete interval",
      "2026-01-05T12:00:00Z",
      false,
      day(1),
      null,
      null,
      expected(day(4), day(5), day(5)),
    ],
    [
      "without catchup, on a tick: the interval that just ended",
      "2026-01-05T00:00:00Z",
      false,
      day(1),
      null,
      null,
      expected(day(4), day(5), day(5)),
    ],
    [
      "without catchup and without a start date: the last complete interval",
      "2026-01-05T12:00:00Z",
      false,
      null,
      null,
      null,
      expected(day(4), day(5), day(5)),
    ],
    [
      "without catchup, a stale last run skips ahead",
      "2026-01-05T12:00:00Z",
      false,
      day(1),
      null,
      interval(day(1), day(2)),
      expected(day(4), day(5), day(5)),
    ],
    [
      "without catchup, once the latest interval ran the next one waits",
      "2026-01-05T12:00:00Z",
      false,
      day(1),
      null,
      interval(day(4), day(5)),
      expected(day(5), day(6), day(6)),
    ],
    [
      "without catchup, a future start date wins",
      "2026-01-05T12:00:00Z",
      false,
      "2026-01-10T00:00:00Z",
      null,
      null,
      expected(day(10), day(11), day(11)),
    ],
    [
      "the end date is inclusive: an interval starting on it runs",
      "2026-01-10T00:00:00Z",
      true,
      day(1),
      day(3),
      interval(day(2), day(3)),
      expected(day(3), day(4), day(4)),
    ],
    [
      "an interval starting after the end date does not",
      "2026-01-10T00:00:00Z",
      true,
      day(1),
      day(3),
      interval(day(3), day(4)),
      null,
    ],
    [
      "a last interval off the grid (schedule changed) is aligned back",
      "2026-01-10T00:00:00Z",
      true,
      day(1),
      null,
      interval("2026-01-02T00:00:00Z", "2026-01-02T12:00:00Z"),
      expected(day(2), day(3), day(3)),
    ],
  ])("%s", (_case, now, catchup, start, end, last, want) => {
    const info = daily.nextDagRunInfo(input(now, restriction(catchup, start, end), last));
    expect(infoIso(info)).toEqual(want);
  });
});

describe("hourly data intervals without catchup", () => {
  const hourly = new CronDataIntervalTimetable("0 * * * *", { timezone: "UTC" });
  test.each([
    ["2026-01-05T10:00:00Z", "2026-01-05T09:00:00Z"],
    ["2026-01-05T10:30:00Z", "2026-01-05T09:00:00Z"],
    ["2026-01-05T10:59:59Z", "2026-01-05T09:00:00Z"],
  ])("now %s → interval starting %s", (now, start) => {
    const info = hourly.nextDagRunInfo(input(now, restriction(false, "2026-01-01T00:00:00Z")));
    const end = new Date(at(start).getTime() + 3_600_000).toISOString();
    expect(infoIso(info)).toEqual(expected(start, end, end));
  });
});

describe("manual runs cover the last complete interval before runAfter", () => {
  test.each([
    ["2026-01-25T01:00:00Z", day(24), day(25)],
    ["2026-01-25T00:00:00Z", day(24), day(25)],
    ["2026-01-24T23:59:59Z", day(23), day(24)],
  ])("runAfter %s → [%s, %s]", (runAfter, start, end) => {
    expect(daily.inferManualDataInterval(at(runAfter))).toEqual({ start: at(start), end: at(end) });
  });
});

describe("summary, description and serialized form", () => {
  test("keeps the expression as written and its zone", () => {
    const timetable = new CronDataIntervalTimetable("@weekly", { timezone: "Europe/Amsterdam" });
    expect(timetable.summary).toBe("@weekly");
    expect(timetable.description).toBe("At 00:00, only on Sunday");
    expect(timetable.periodic).toBe(true);
    expect(timetable.serialize()).toEqual({
      type: "cron_data_interval",
      expression: "@weekly",
      timezone: "Europe/Amsterdam",
    });
  });
});
