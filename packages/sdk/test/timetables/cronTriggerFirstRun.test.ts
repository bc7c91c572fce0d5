// CronTriggerTimetable's first run when the DAG has neither a start date nor an earlier run
// (Airflow's `_calc_first_run`): the latest past tick if it is recent enough, else the next one.
import { CronTriggerTimetable } from "../../src/timetables/cronTriggerTimetable";
import { infoIso, input, restriction, tickAt } from "./helpers";

describe("first run without start date or previous run (Airflow's _calc_first_run)", () => {
  test.each([
    // [case, expression, runImmediately, now, catchup, expected tick]
    [
      "daily: 1h after the tick is within 10% of the day, run the past tick",
      "@daily",
      false,
      "2026-01-05T01:00:00Z",
      true,
      "2026-01-05T00:00:00Z",
    ],
    [
      "daily: 3h after the tick is past 2.4h, wait for the next tick",
      "@daily",
      false,
      "2026-01-05T03:00:00Z",
      true,
      "2026-01-06T00:00:00Z",
    ],
    [
      "hourly: 4 minutes after is within max(6m, 5m)",
      "@hourly",
      false,
      "2026-01-05T10:04:00Z",
      true,
      "2026-01-05T10:00:00Z",
    ],
    [
      "hourly: 7 minutes after waits for the next hour",
      "@hourly",
      false,
      "2026-01-05T10:07:00Z",
      true,
      "2026-01-05T11:00:00Z",
    ],
    [
      "every 10 minutes: the 5-minute floor applies (4m59s)",
      "*/10 * * * *",
      false,
      "2026-01-05T10:04:59Z",
      true,
      "2026-01-05T10:00:00Z",
    ],
    [
      "every 10 minutes: past the 5-minute floor waits",
      "*/10 * * * *",
      false,
      "2026-01-05T10:05:01Z",
      true,
      "2026-01-05T10:10:00Z",
    ],
    [
      "now exactly on a tick runs it",
      "@daily",
      false,
      "2026-01-05T00:00:00Z",
      true,
      "2026-01-05T00:00:00Z",
    ],
    [
      "runImmediately true always runs the past tick",
      "@daily",
      true,
      "2026-01-05T23:00:00Z",
      true,
      "2026-01-05T00:00:00Z",
    ],
    [
      "runImmediately 1h: a tick 1.5h old is too old",
      "@daily",
      3_600_000,
      "2026-01-05T01:30:00Z",
      true,
      "2026-01-06T00:00:00Z",
    ],
    [
      "runImmediately 2h: a tick 1.5h old runs",
      "@daily",
      7_200_000,
      "2026-01-05T01:30:00Z",
      true,
      "2026-01-05T00:00:00Z",
    ],
    [
      "without catchup the later of first run and latest past tick wins",
      "@daily",
      false,
      "2026-01-05T03:00:00Z",
      false,
      "2026-01-06T00:00:00Z",
    ],
    [
      "without catchup, a recent past tick runs",
      "@daily",
      false,
      "2026-01-05T01:00:00Z",
      false,
      "2026-01-05T00:00:00Z",
    ],
  ])("%s", (_case, expression, runImmediately, now, catchup, tick) => {
    const timetable = new CronTriggerTimetable(expression, { timezone: "UTC", runImmediately });
    const info = timetable.nextDagRunInfo(input(now, restriction(catchup)));
    expect(infoIso(info)).toEqual(tickAt(tick));
  });

  test("runImmediately has no effect once there is a start date", () => {
    const timetable = new CronTriggerTimetable("@daily", { timezone: "UTC", runImmediately: true });
    const info = timetable.nextDagRunInfo(
      input("2026-01-05T12:00:00Z", restriction(true, "2026-01-03T06:00:00Z")),
    );
    expect(infoIso(info)).toEqual(tickAt("2026-01-04T00:00:00Z"));
  });
});
