// DST in non-UTC zones: cron runs on wall-clock time, and results are checked in UTC by hand.
// Europe/Amsterdam 2026: CET (UTC+1) → CEST (UTC+2) on 29 Mar at 01:00Z (02:00 → 03:00 local);
// back on 25 Oct at 01:00Z (03:00 CEST → 02:00 CET, so 02:00–02:59 happens twice).
// America/New_York 2026: EST (UTC-5) → EDT (UTC-4) on 8 Mar at 07:00Z (02:00 → 03:00 local);
// back on 1 Nov at 06:00Z (02:00 EDT → 01:00 EST, so 01:00–01:59 happens twice).
import { enumerateDueRuns } from "../../src/timetables/catchup";
import { CronDataIntervalTimetable } from "../../src/timetables/cronDataIntervalTimetable";
import { CronExpression } from "../../src/timetables/cronExpression";
import { CronTriggerTimetable } from "../../src/timetables/cronTriggerTimetable";
import { at, restriction } from "./helpers";

function ticks(expression: string, zone: string, start: string, now: string): string[] {
  const timetable = new CronTriggerTimetable(expression, { timezone: zone });
  return enumerateDueRuns(timetable, {
    restriction: restriction(true, start),
    lastAutomatedDataInterval: null,
    now: at(now),
  }).map((info) => info.runAfter.toISOString());
}

function utc(...values: string[]): string[] {
  return values.map((value) => at(value).toISOString());
}

describe("hourly crons get the DST fix: one run per UTC hour, none skipped or doubled", () => {
  test.each([
    [
      // Fall back: local 02:00 CEST (00:00Z) and 02:00 CET (01:00Z) both run; Airflow's fix
      // adds the naive step (1h) to the current instant instead of re-reading 03:00 locally.
      "Amsterdam fall-back fold: both 02:00s run",
      "0 * * * *",
      "Europe/Amsterdam",
      "2026-10-24T23:00:00Z",
      "2026-10-25T03:00:00Z",
      utc(
        "2026-10-24T23:00Z",
        "2026-10-25T00:00Z",
        "2026-10-25T01:00Z",
        "2026-10-25T02:00Z",
        "2026-10-25T03:00Z",
      ),
    ],
    [
      // Spring forward: local 02:00 does not exist; after 01:00 CET (00:00Z) the next run is
      // one hour later, 01:00Z, which reads 03:00 CEST.
      "Amsterdam spring-forward gap: still hourly in UTC",
      "0 * * * *",
      "Europe/Amsterdam",
      "2026-03-28T23:00:00Z",
      "2026-03-29T03:00:00Z",
      utc(
        "2026-03-28T23:00Z",
        "2026-03-29T00:00Z",
        "2026-03-29T01:00Z",
        "2026-03-29T02:00Z",
        "2026-03-29T03:00Z",
      ),
    ],
    [
      // Fall back: 01:00 EDT (05:00Z) then 01:00 EST (06:00Z), then 02:00 EST (07:00Z).
      "New York fall-back fold: both 01:00s run",
      "0 * * * *",
      "America/New_York",
      "2026-11-01T04:00:00Z",
      "2026-11-01T07:00:00Z",
      utc("2026-11-01T04:00Z", "2026-11-01T05:00Z", "2026-11-01T06:00Z", "2026-11-01T07:00Z"),
    ],
    [
      // Half past each hour across the New York gap: 01:30 EST (06:30Z), then 03:30 EDT (07:30Z).
      "New York spring-forward gap at half past",
      "30 * * * *",
      "America/New_York",
      "2026-03-08T05:30:00Z",
      "2026-03-08T08:30:00Z",
      utc("2026-03-08T05:30Z", "2026-03-08T06:30Z", "2026-03-08T07:30Z", "2026-03-08T08:30Z"),
    ],
  ])("%s", (_name, expression, zone, start, now, expected) => {
    expect(ticks(expression, zone, start, now)).toEqual(expected);
  });
});

describe("crons at fixed hours read the wall-clock tick in the zone (no DST fix)", () => {
  test.each([
    [
      // 02:00 on 29 Mar does not exist: pendulum moves it forward by the gap to 03:00 CEST,
      // i.e. 01:00Z, the same instant as the day before (02:00 CET = 01:00Z).
      "Amsterdam daily 02:00 across the gap runs at 03:00 CEST",
      "0 2 * * *",
      "Europe/Amsterdam",
      "2026-03-28T00:00:00Z",
      "2026-03-30T12:00:00Z",
      utc("2026-03-28T01:00Z", "2026-03-29T01:00Z", "2026-03-30T00:00Z"),
    ],
    [
      // 02:00 on 25 Oct happens twice: Airflow sets fold=1, so the second one, 02:00 CET (01:00Z).
      "Amsterdam daily 02:00 across the fold takes the second 02:00",
      "0 2 * * *",
      "Europe/Amsterdam",
      "2026-10-24T00:00:00Z",
      "2026-10-26T12:00:00Z",
      utc("2026-10-24T00:00Z", "2026-10-25T01:00Z", "2026-10-26T01:00Z"),
    ],
    [
      // 02:00 on 8 Mar does not exist in New York: moved to 03:00 EDT = 07:00Z, the same
      // instant as 02:00 EST the day before; from 9 Mar 02:00 EDT is 06:00Z.
      "New York daily 02:00 across the gap",
      "0 2 * * *",
      "America/New_York",
      "2026-03-07T00:00:00Z",
      "2026-03-09T12:00:00Z",
      utc("2026-03-07T07:00Z", "2026-03-08T07:00Z", "2026-03-09T06:00Z"),
    ],
    [
      // 01:30 on 1 Nov happens twice in New York: the second, 01:30 EST, is 06:30Z.
      "New York daily 01:30 across the fold takes the second 01:30",
      "30 1 * * *",
      "America/New_York",
      "2026-10-31T00:00:00Z",
      "2026-11-02T12:00:00Z",
      utc("2026-10-31T05:30Z", "2026-11-01T06:30Z", "2026-11-02T06:30Z"),
    ],
    [
      // Every two hours is not "every hour", so no fix: after 00:00 CEST (22:00Z) comes the
      // second 02:00 (02:00 CET = 01:00Z), then 04:00 CET (03:00Z). Airflow skips the first 02:00.
      "Amsterdam two-hourly across the fold skips the first 02:00",
      "0 */2 * * *",
      "Europe/Amsterdam",
      "2026-10-24T22:00:00Z",
      "2026-10-25T03:00:00Z",
      utc("2026-10-24T22:00Z", "2026-10-25T01:00Z", "2026-10-25T03:00Z"),
    ],
    [
      // Brazil kept DST until 2019 and switched at midnight: on 4 Nov 2018 local 00:00 did not
      // exist (00:00 → 01:00, UTC-3 → UTC-2), so midnight moved to 01:00 -02 = 03:00Z.
      // 3 Nov: 00:00 -03 = 03:00Z; 5 Nov: 00:00 -02 = 02:00Z.
      "Sao Paulo daily midnight across the 2018 gap at midnight",
      "0 0 * * *",
      "America/Sao_Paulo",
      "2018-11-03T00:00:00Z",
      "2018-11-05T12:00:00Z",
      utc("2018-11-03T03:00Z", "2018-11-04T03:00Z", "2018-11-05T02:00Z"),
    ],
    [
      // DST ended at midnight on 17 Feb 2019 (00:00 -02 → 23:00 -03 on the 16th): midnight
      // itself is unambiguous, 00:00 -03 = 03:00Z; the day before, 00:00 -02 = 02:00Z.
      "Sao Paulo daily midnight across the 2019 fall-back",
      "0 0 * * *",
      "America/Sao_Paulo",
      "2019-02-16T00:00:00Z",
      "2019-02-18T12:00:00Z",
      utc("2019-02-16T02:00Z", "2019-02-17T03:00Z", "2019-02-18T03:00Z"),
    ],
    [
      // Without DST since 2019, Sao Paulo midnight is always 03:00Z.
      "Sao Paulo daily midnight in 2026 is a steady 03:00Z",
      "0 0 * * *",
      "America/Sao_Paulo",
      "2026-01-01T00:00:00Z",
      "2026-01-03T12:00:00Z",
      utc("2026-01-01T03:00Z", "2026-01-02T03:00Z", "2026-01-03T03:00Z"),
    ],
  ])("%s", (_name, expression, zone, start, now, expected) => {
    expect(ticks(expression, zone, start, now)).toEqual(expected);
  });
});

describe("prev walks the same ticks backwards across DST", () => {
  test.each([
    ["0 * * * *", "Europe/Amsterdam", "2026-10-25T02:00:00Z", "2026-10-25T01:00:00Z"],
    ["0 * * * *", "Europe/Amsterdam", "2026-10-25T01:00:00Z", "2026-10-25T00:00:00Z"],
    ["0 * * * *", "America/New_York", "2026-11-01T07:00:00Z", "2026-11-01T06:00:00Z"],
    ["0 * * * *", "America/New_York", "2026-11-01T06:00:00Z", "2026-11-01T05:00:00Z"],
    ["0 2 * * *", "Europe/Amsterdam", "2026-03-30T00:00:00Z", "2026-03-29T01:00:00Z"],
    ["0 0 * * *", "America/Sao_Paulo", "2018-11-05T02:00:00Z", "2018-11-04T03:00:00Z"],
  ])("%s in %s: prev(%s) = %s", (expression, zone, t, prev) => {
    const cron = new CronExpression(expression, zone);
    expect(cron.prev(at(t)).toISOString()).toBe(at(prev).toISOString());
    expect(cron.isTick(at(prev))).toBe(true);
  });
});

describe("prev of the tick moved out of a gap is the tick itself, exactly as in Airflow", () => {
  // 29 Mar 01:00Z reads 03:00 CEST; the naive previous tick is 02:00, which pendulum moves
  // forward out of the gap to 03:00 CEST = 01:00Z again. Airflow's _get_prev returns it too.
  test.each([
    ["2026-03-29T01:00:00Z", "2026-03-29T01:00:00Z"],
    ["2026-03-29T00:59:00Z", "2026-03-28T01:00:00Z"],
  ])("0 2 * * * in Europe/Amsterdam: prev(%s) = %s", (t, prev) => {
    const cron = new CronExpression("0 2 * * *", "Europe/Amsterdam");
    expect(cron.prev(at(t)).toISOString()).toBe(at(prev).toISOString());
    expect(cron.isTick(at("2026-03-29T01:00:00Z"))).toBe(true);
  });
});

describe("Airflow 2 data intervals across the Amsterdam gap: one interval per local day", () => {
  test("daily 02:00 intervals end where the next begins, in UTC", () => {
    const timetable = new CronDataIntervalTimetable("0 2 * * *", { timezone: "Europe/Amsterdam" });
    const runs = enumerateDueRuns(timetable, {
      restriction: restriction(true, "2026-03-27T01:00:00Z"),
      lastAutomatedDataInterval: null,
      now: at("2026-03-30T12:00:00Z"),
    }).map((info) => [info.dataInterval?.start.toISOString(), info.runAfter.toISOString()]);
    // 27 Mar 02:00 CET = 01:00Z; 28 Mar 01:00Z; 29 Mar (gap → 03:00 CEST) 01:00Z; 30 Mar 02:00
    // CEST = 00:00Z. The 29 Mar interval is one hour short, as the local day is.
    expect(runs).toEqual([
      [at("2026-03-27T01:00Z").toISOString(), at("2026-03-28T01:00Z").toISOString()],
      [at("2026-03-28T01:00Z").toISOString(), at("2026-03-29T01:00Z").toISOString()],
      [at("2026-03-29T01:00Z").toISOString(), at("2026-03-30T00:00Z").toISOString()],
    ]);
  });
});
