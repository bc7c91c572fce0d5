// parseDate reads start/end dates as Airflow does: offsets are instants, plain dates and times
// are wall-clock time in the DAG's zone (a DST gap moves forward, a fold takes the second time).
import { fromWallClock, isValidTimezone, parseDate, toWallClock } from "../src/dates";

describe("parseDate", () => {
  test.each([
    [
      "an ISO string with Z is that instant",
      "2026-01-01T06:00:00Z",
      "Europe/Amsterdam",
      "2026-01-01T06:00:00.000Z",
    ],
    [
      "an ISO string with an offset is that instant",
      "2026-01-01T06:00:00+05:30",
      "UTC",
      "2026-01-01T00:30:00.000Z",
    ],
    [
      "a date without offset is local midnight (UTC)",
      "2026-01-01",
      "UTC",
      "2026-01-01T00:00:00.000Z",
    ],
    [
      "a date without offset is local midnight (Amsterdam, UTC+1)",
      "2026-01-01",
      "Europe/Amsterdam",
      "2025-12-31T23:00:00.000Z",
    ],
    [
      "a date-time without offset is wall-clock time (New York summer, UTC-4)",
      "2026-07-01T06:00",
      "America/New_York",
      "2026-07-01T10:00:00.000Z",
    ],
    [
      "a space instead of T is accepted",
      "2026-07-01 06:00:00",
      "America/New_York",
      "2026-07-01T10:00:00.000Z",
    ],
    ["milliseconds are kept", "2026-01-01T06:00:00.250Z", "UTC", "2026-01-01T06:00:00.250Z"],
    // 02:30 on 29 Mar 2026 does not exist in Amsterdam: moved forward to 03:30 CEST = 01:30Z.
    [
      "a time in a DST gap moves forward by the gap",
      "2026-03-29T02:30",
      "Europe/Amsterdam",
      "2026-03-29T01:30:00.000Z",
    ],
    // 02:30 on 25 Oct 2026 happens twice in Amsterdam: the second, 02:30 CET, is 01:30Z.
    [
      "a time in a DST fold takes the second occurrence",
      "2026-10-25T02:30",
      "Europe/Amsterdam",
      "2026-10-25T01:30:00.000Z",
    ],
  ])("%s", (_case, value, zone, instant) => {
    expect(parseDate(value, "start_date", zone).toISOString()).toBe(instant);
  });

  test("a Date keeps its instant (copied, so a Date from a DAG file's realm works too)", () => {
    const date = new Date("2026-01-01T00:00:00Z");
    expect(parseDate(date, "start_date", "Europe/Amsterdam")).toEqual(date);
  });

  test.each<[unknown, string]>([
    ["yesterday", '"yesterday"'],
    ["2026-13-01", '"2026-13-01"'],
    ["2026-01-01T25:00", '"2026-01-01T25:00"'],
    ["", '""'],
    [new Date(Number.NaN), "Invalid Date"],
    [42, "42"],
  ])("%j is rejected with INVALID_DATE naming the field", (value, shown) => {
    expect(() => parseDate(value as string, "end_date", "UTC")).toThrow(
      expect.objectContaining({
        code: "INVALID_DATE",
        message:
          'end_date: expected a Date or an ISO-8601 string such as "2026-01-01", "2026-01-01T06:00" ' +
          `or "2026-01-01T06:00:00Z", got ${shown}`,
      }),
    );
  });

  test("a bad time zone is rejected with INVALID_TIMEZONE", () => {
    expect(() => parseDate("2026-01-01", "start_date", "Nowhere/Land")).toThrow(
      expect.objectContaining({
        code: "INVALID_TIMEZONE",
        message: expect.stringContaining("start_date time zone: expected an IANA time zone name"),
      }),
    );
  });
});

describe("isValidTimezone", () => {
  test.each<[unknown, boolean]>([
    ["UTC", true],
    ["Europe/Amsterdam", true],
    ["America/Sao_Paulo", true],
    ["Mars/Olympus", false],
    ["", false],
    ["+05:00", false],
    [undefined, false],
  ])("%j → %s", (zone, valid) => {
    expect(isValidTimezone(zone)).toBe(valid);
  });
});

describe("wall-clock conversion", () => {
  test.each([
    ["winter", "2026-01-01T11:00:00Z", "2026-01-01T12:00:00Z"],
    ["summer", "2026-07-01T10:00:00Z", "2026-07-01T12:00:00Z"],
    ["first 02:30 of the fold", "2026-10-25T00:30:00Z", "2026-10-25T02:30:00Z"],
    ["second 02:30 of the fold", "2026-10-25T01:30:00Z", "2026-10-25T02:30:00Z"],
  ])("toWallClock in Amsterdam (%s)", (_case, instant, wall) => {
    expect(new Date(toWallClock(Date.parse(instant), "Europe/Amsterdam")).toISOString()).toBe(
      new Date(wall).toISOString(),
    );
  });

  test.each([
    ["an ordinary time", "2026-01-01T12:00:00Z", "2026-01-01T11:00:00Z"],
    ["a folded time → the second occurrence", "2026-10-25T02:30:00Z", "2026-10-25T01:30:00Z"],
    ["a skipped time → forward by the gap", "2026-03-29T02:30:00Z", "2026-03-29T01:30:00Z"],
    ["just after the gap", "2026-03-29T03:00:00Z", "2026-03-29T01:00:00Z"],
  ])("fromWallClock in Amsterdam (%s)", (_case, wall, instant) => {
    expect(new Date(fromWallClock(Date.parse(wall), "Europe/Amsterdam")).toISOString()).toBe(
      new Date(instant).toISOString(),
    );
  });
});
