import { strftime, strptime, toLuxonFormat } from "../src/strftime";

const instant = new Date("2024-03-05T14:07:09.250Z");

describe("strftime", () => {
  test.each([
    ["%Y-%m-%d", "2024-03-05"],
    ["%Y%m%dT%H%M%S", "20240305T140709"],
    ["%d/%m/%y %I:%M %p", "05/03/24 02:07 PM"],
    ["%a %A %b %B", "Tue Tuesday Mar March"],
    ["%j", "065"],
    ["%H:%M:%S.%f", "14:07:09.250000"],
    ["%z %Z %%", "+0000 UTC %"],
    ["day %d of 'month' %m", "day 05 of 'month' 03"],
    ["%-d/%-m %-H:%-M", "5/3 14:7"],
    ["%e|%u|%w|%G-W%V", " 5|2|2|2024-W10"],
    ["no directives", "no directives"],
  ])("%s → %s", (format, expected) => {
    expect(strftime(instant, format)).toBe(expected);
  });

  test.each([
    ["America/Sao_Paulo", "2024-03-05 11:07 -0300"],
    ["Asia/Kolkata", "2024-03-05 19:37 +0530"],
    ["UTC", "2024-03-05 14:07 +0000"],
  ])("shows the instant in zone %s", (zone, expected) => {
    expect(strftime(instant, "%Y-%m-%d %H:%M %z", zone)).toBe(expected);
  });

  test.each([["%Q"], ["%"], ["%-"]])("the unsupported directive in %j is an error", (format) => {
    expect(() => strftime(instant, format)).toThrow(
      `date format ${JSON.stringify(format)}: unsupported directive`,
    );
  });

  test("an unknown zone is an error naming it", () => {
    expect(() => strftime(instant, "%Y", "Mars/Base")).toThrow('zone "Mars/Base"');
  });
});

describe("strptime", () => {
  test.each([
    ["2024-03-05", "%Y-%m-%d", "2024-03-05T00:00:00.000Z"],
    ["05/03/24 14:07", "%d/%m/%y %H:%M", "2024-03-05T14:07:00.000Z"],
    ["5/3/2024 2:07 PM", "%d/%m/%Y %I:%M %p", "2024-03-05T14:07:00.000Z"],
    ["20240305T140709+0200", "%Y%m%dT%H%M%S%z", "2024-03-05T12:07:09.000Z"],
    ["2024-03-05 14:07:09-03:00", "%Y-%m-%d %H:%M:%S%z", "2024-03-05T17:07:09.000Z"],
    ["2024-03-05 14:07:09.5", "%Y-%m-%d %H:%M:%S.%f", "2024-03-05T14:07:09.500Z"],
    ["Tue, 05 March 2024", "%a, %d %B %Y", "2024-03-05T00:00:00.000Z"],
    ["065/2024", "%j/%Y", "2024-03-05T00:00:00.000Z"],
    ["it's 2024", "it's %Y", "2024-01-01T00:00:00.000Z"],
    ["100% 2024", "100%% %Y", "2024-01-01T00:00:00.000Z"],
  ])("strptime(%j, %j) → %s", (text, format, iso) => {
    expect(strptime(text, format).toISOString()).toBe(iso);
  });

  test.each([
    ["68", "2068"],
    ["69", "1969"],
    ["61", "2061"],
    ["00", "2000"],
  ])("two-digit year %s pivots as Python's does → %s", (yy, year) => {
    expect(strptime(`01/01/${yy}`, "%d/%m/%y").getUTCFullYear()).toBe(Number(year));
  });

  test.each([
    ["2024/03/05", "%Y-%m-%d"],
    ["2024-13-01", "%Y-%m-%d"],
    ["2024-03-05 extra", "%Y-%m-%d"],
  ])("%j not matching %j is an error naming both", (text, format) => {
    expect(() => strptime(text, format)).toThrow(
      `time data ${JSON.stringify(text)} does not match format ${JSON.stringify(format)}`,
    );
  });

  test("literal text is quoted for luxon, quotes included", () => {
    expect(toLuxonFormat("it's %Y-%m")).toBe("'it''''s 'yyyy'-'L");
  });
});
