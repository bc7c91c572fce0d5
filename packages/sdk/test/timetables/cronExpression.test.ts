// CronExpression: presets, validation messages, strict next/prev, alignment and descriptions.
import { hasErrorCode } from "../../src/errors";
import { CronExpression } from "../../src/timetables/cronExpression";
import { at } from "./helpers";

describe("presets expand to Airflow's cron strings and keep the authored summary", () => {
  test.each([
    ["@hourly", "0 * * * *"],
    ["@daily", "0 0 * * *"],
    ["@midnight", "0 0 * * *"],
    ["@weekly", "0 0 * * 0"],
    ["@monthly", "0 0 1 * *"],
    ["@quarterly", "0 0 1 */3 *"],
    ["@yearly", "0 0 1 1 *"],
    ["@annually", "0 0 1 1 *"],
    ["30  6 * *   1-5", "30 6 * * 1-5"],
  ])("%s evaluates %s", (written, expression) => {
    const cron = new CronExpression(written, "UTC");
    expect(cron.expression).toBe(expression);
    expect(cron.summary).toBe(written);
  });
});

describe("invalid cron strings are rejected with INVALID_CRON naming the field and value", () => {
  test.each([
    ["61 * * * *", "Constraint error, got value 61 expected range 0-59"],
    ["0 24 * * *", "got value 24 expected range 0-23"],
    ["0 0 32 * *", "got value 32 expected range 1-31"],
    ["0 0 * 13 *", "got value 13 expected range 1-12"],
    ["0 0 * * 8", "got value 8 expected range 0-7"],
    ["* * *", "found 3 fields"],
    ["* * * * * *", "found 6 fields"],
    ["", "found 0 fields"],
    ["@every5m", "unknown preset @every5m"],
    ["H * * * *", '"H" (hashed values) is not supported'],
    ["0 0 30 2 *", "Invalid explicit day of month definition"],
    ["*/0 * * * *", "cannot repeat at every 0 time"],
  ])("%j is rejected (%s)", (value, reason) => {
    let error: unknown;
    try {
      new CronExpression(value, "UTC");
    } catch (caught) {
      error = caught;
    }
    expect(hasErrorCode(error, "INVALID_CRON")).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(
      "schedule: expected a cron expression with 5 fields (minute hour day-of-month month day-of-week)",
    );
    expect(message).toContain(`got ${JSON.stringify(value)}`);
    expect(message).toContain(reason);
  });

  test("the field name in the message is the one given", () => {
    expect(() => new CronExpression("61 * * * *", "UTC", "timetable.cron")).toThrow(
      /^timetable\.cron: expected a cron expression/,
    );
  });
});

describe("an unknown time zone is rejected with INVALID_TIMEZONE", () => {
  test.each(["Mars/Olympus", "", "CET+1"])("%j", (zone) => {
    expect(() => new CronExpression("@daily", zone)).toThrow(
      expect.objectContaining({
        code: "INVALID_TIMEZONE",
        message: expect.stringContaining(`schedule timezone: expected an IANA time zone name`),
      }),
    );
  });
});

describe("next is strictly after and prev strictly before, in UTC", () => {
  test.each([
    // [expression, zone, t, next, prev]
    ["0 0 * * *", "UTC", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2025-12-31T00:00:00Z"],
    ["0 0 * * *", "UTC", "2026-01-01T12:00:00Z", "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"],
    [
      "0 * * * *",
      "UTC",
      "2026-01-01T10:00:00.001Z",
      "2026-01-01T11:00:00Z",
      "2026-01-01T10:00:00Z",
    ],
    [
      "0 * * * *",
      "UTC",
      "2026-01-01T09:59:59.999Z",
      "2026-01-01T10:00:00Z",
      "2026-01-01T09:00:00Z",
    ],
    ["*/15 * * * *", "UTC", "2026-01-01T10:20:00Z", "2026-01-01T10:30:00Z", "2026-01-01T10:15:00Z"],
    ["0 0 * * 0", "UTC", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z", "2025-12-28T00:00:00Z"],
    ["0 0 1 */3 *", "UTC", "2026-02-15T00:00:00Z", "2026-04-01T00:00:00Z", "2026-01-01T00:00:00Z"],
    ["0 0 L * *", "UTC", "2026-02-01T00:00:00Z", "2026-02-28T00:00:00Z", "2026-01-31T00:00:00Z"],
    // Both day fields set: cron fires when either matches (the 13th OR a Friday).
    ["0 0 13 * 5", "UTC", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2025-12-26T00:00:00Z"],
    // Amsterdam in winter is UTC+1: local midnight is 23:00Z the day before.
    [
      "0 0 * * *",
      "Europe/Amsterdam",
      "2026-01-01T12:00:00Z",
      "2026-01-01T23:00:00Z",
      "2025-12-31T23:00:00Z",
    ],
    // New York in summer is UTC-4: 06:00 local is 10:00Z.
    [
      "0 6 * * *",
      "America/New_York",
      "2026-07-01T10:00:00Z",
      "2026-07-02T10:00:00Z",
      "2026-06-30T10:00:00Z",
    ],
  ])("%s in %s from %s", (expression, zone, t, next, prev) => {
    const cron = new CronExpression(expression, zone);
    expect(cron.next(at(t)).toISOString()).toBe(at(next).toISOString());
    expect(cron.prev(at(t)).toISOString()).toBe(at(prev).toISOString());
  });
});

describe("alignNext/alignPrev keep a tick and move any other instant to a tick", () => {
  test.each([
    ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", true],
    ["2026-01-01T00:00:01Z", "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", false],
    ["2026-01-01T23:59:59Z", "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z", false],
  ])("@daily at %s", (t, alignNext, alignPrev, isTick) => {
    const cron = new CronExpression("@daily", "UTC");
    expect(cron.alignNext(at(t)).toISOString()).toBe(at(alignNext).toISOString());
    expect(cron.alignPrev(at(t)).toISOString()).toBe(at(alignPrev).toISOString());
    expect(cron.isTick(at(t))).toBe(isTick);
  });
});

describe("the DST fix applies only when the hour field covers every hour (Airflow's _covers_every_hour)", () => {
  test.each([
    ["0 * * * *", true],
    ["*/5 * * * *", true],
    ["0 0-23 * * *", true],
    ["0 */1 * * *", true],
    ["0 */2 * * *", false],
    ["0 1,13 * * *", false],
    ["0 0 * * *", false],
    ["0 * * * 1", true],
  ])("%s → %s", (expression, covers) => {
    expect(new CronExpression(expression, "UTC").coversEveryHour).toBe(covers);
  });
});

describe("description is Airflow's 24-hour wording, with (or) when both day fields are set", () => {
  test.each([
    ["@daily", "At 00:00"],
    ["@hourly", "Every hour"],
    ["@weekly", "At 00:00, only on Sunday"],
    ["@monthly", "At 00:00, on day 1 of the month"],
    ["30 21 * * 5", "At 21:30, only on Friday"],
    ["*/15 * * * *", "Every 15 minutes"],
    ["0 0 13 * 5", "At 00:00, on day 13 of the month (or) At 00:00, only on Friday"],
  ])("%s → %s", (expression, description) => {
    expect(new CronExpression(expression, "UTC").description).toBe(description);
  });
});
