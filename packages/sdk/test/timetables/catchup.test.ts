// enumerateDueRuns: every missed run with catchup, only the latest without; and the Airflow 3
// trigger vs Airflow 2 data-interval reading of the same "@daily", with the run ids that follow.
import { generateRunId } from "../../src/runId";
import { enumerateDueRuns } from "../../src/timetables/catchup";
import { ContinuousTimetable } from "../../src/timetables/continuousTimetable";
import { CronDataIntervalTimetable } from "../../src/timetables/cronDataIntervalTimetable";
import { CronTriggerTimetable } from "../../src/timetables/cronTriggerTimetable";
import { DeltaTriggerTimetable } from "../../src/timetables/deltaTriggerTimetable";
import { NullTimetable } from "../../src/timetables/nullTimetable";
import { OnceTimetable } from "../../src/timetables/onceTimetable";
import type { Timetable } from "../../src/timetables/timetable";
import { at, expected, infoIso, interval, restriction, tickAt } from "./helpers";
import type { InfoIso } from "./helpers";

const trigger = new CronTriggerTimetable("@daily", { timezone: "UTC" });
const dataInterval = new CronDataIntervalTimetable("@daily", { timezone: "UTC" });
const day = (n: number): string => `2026-01-${String(n).padStart(2, "0")}T00:00:00Z`;

function due(
  timetable: Timetable,
  catchup: boolean,
  now: string,
  options: { start?: string; end?: string; last?: [string, string]; limit?: number } = {},
): (InfoIso | null)[] {
  return enumerateDueRuns(timetable, {
    restriction: restriction(catchup, options.start ?? null, options.end ?? null),
    lastAutomatedDataInterval: options.last ? interval(...options.last) : null,
    now: at(now),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  }).map(infoIso);
}

describe("@daily from 2026-01-01 with now 2026-01-05T12:00Z", () => {
  test.each([
    [
      "CronTrigger, catchup: every tick up to now",
      trigger,
      true,
      [tickAt(day(1)), tickAt(day(2)), tickAt(day(3)), tickAt(day(4)), tickAt(day(5))],
    ],
    ["CronTrigger, no catchup: only the latest tick", trigger, false, [tickAt(day(5))]],
    [
      "CronDataInterval, catchup: every complete interval",
      dataInterval,
      true,
      [
        expected(day(1), day(2), day(2)),
        expected(day(2), day(3), day(3)),
        expected(day(3), day(4), day(4)),
        expected(day(4), day(5), day(5)),
      ],
    ],
    [
      "CronDataInterval, no catchup: only the last complete interval",
      dataInterval,
      false,
      [expected(day(4), day(5), day(5))],
    ],
  ])("%s", (_case, timetable, catchup, want) => {
    expect(due(timetable, catchup, "2026-01-05T12:00:00Z", { start: day(1) })).toEqual(want);
  });
});

describe("series bounds", () => {
  test.each([
    [
      "continues after the last automated run",
      trigger,
      true,
      "2026-01-05T12:00:00Z",
      { start: day(1), last: [day(3), day(3)] as [string, string] },
      [tickAt(day(4)), tickAt(day(5))],
    ],
    [
      "nothing due when the latest tick already ran",
      trigger,
      false,
      "2026-01-05T12:00:00Z",
      { start: day(1), last: [day(5), day(5)] as [string, string] },
      [],
    ],
    [
      "stops at the end date (inclusive)",
      trigger,
      true,
      "2026-01-05T12:00:00Z",
      { start: day(1), end: day(3) },
      [tickAt(day(1)), tickAt(day(2)), tickAt(day(3))],
    ],
    [
      "stops at the limit",
      trigger,
      true,
      "2026-01-05T12:00:00Z",
      { start: day(1), limit: 2 },
      [tickAt(day(1)), tickAt(day(2))],
    ],
    [
      "a limit of 0 returns nothing",
      trigger,
      true,
      "2026-01-05T12:00:00Z",
      { start: day(1), limit: 0 },
      [],
    ],
    [
      "a start date in the future: nothing due",
      trigger,
      true,
      "2026-01-05T12:00:00Z",
      { start: "2026-02-01T00:00:00Z" },
      [],
    ],
    [
      "now exactly on a tick includes it",
      trigger,
      true,
      day(3),
      { start: day(1) },
      [tickAt(day(1)), tickAt(day(2)), tickAt(day(3))],
    ],
    [
      "@once is due once",
      new OnceTimetable(),
      true,
      "2026-01-05T12:00:00Z",
      { start: day(1) },
      [tickAt(day(1))],
    ],
    [
      "@continuous has one run due at a time",
      new ContinuousTimetable(),
      false,
      "2026-01-05T12:00:00Z",
      { start: day(1) },
      [expected(day(1), "2026-01-05T12:00:00Z", "2026-01-05T12:00:00Z")],
    ],
    ["null is never due", new NullTimetable(), true, "2026-01-05T12:00:00Z", { start: day(1) }, []],
    [
      "a 6-hour delta with catchup",
      new DeltaTriggerTimetable(6 * 3_600_000),
      true,
      "2026-01-02T00:00:00Z",
      { start: day(1) },
      [
        tickAt(day(1)),
        tickAt("2026-01-01T06:00:00Z"),
        tickAt("2026-01-01T12:00:00Z"),
        tickAt("2026-01-01T18:00:00Z"),
        tickAt(day(2)),
      ],
    ],
  ])("%s", (_case, timetable, catchup, now, options, want) => {
    expect(due(timetable, catchup, now, options)).toEqual(want);
  });

  test("the default limit is 1000 runs", () => {
    const minutely = new CronTriggerTimetable("* * * * *", { timezone: "UTC" });
    expect(due(minutely, true, "2026-01-05T00:00:00Z", { start: day(1) })).toHaveLength(1000);
  });

  test.each([-1, 1.5, Number.NaN])("a limit of %d is rejected", (limit) => {
    expect(() => due(trigger, true, day(5), { start: day(1), limit })).toThrow(
      expect.objectContaining({
        code: "INVALID_ARGUMENT",
        message: expect.stringContaining("limit: expected a non-negative integer"),
      }),
    );
  });
});

describe("run ids follow runAfter (Airflow 3), not the logical date", () => {
  test.each([
    [
      "CronTrigger @daily run for 2026-01-01",
      trigger,
      "2026-01-01T00:00:00.000Z",
      "scheduled__2026-01-01T00:00:00+00:00",
    ],
    [
      "CronDataInterval @daily run with logical date 2026-01-01",
      dataInterval,
      "2026-01-01T00:00:00.000Z",
      "scheduled__2026-01-02T00:00:00+00:00",
    ],
  ])("%s", (_case, timetable, logicalDate, runId) => {
    const [first] = enumerateDueRuns(timetable, {
      restriction: restriction(true, day(1)),
      lastAutomatedDataInterval: null,
      now: at("2026-01-05T12:00:00Z"),
    });
    expect(first?.logicalDate?.toISOString()).toBe(logicalDate);
    expect(generateRunId("scheduled", first!.runAfter)).toBe(runId);
  });
});
