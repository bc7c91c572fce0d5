import { dsAdd, dsFormat } from "../src/macros";
import { strftime, strptime } from "../src/strftime";

const instant = new Date("2024-03-05T14:07:09.250Z");

describe("Python date formats", () => {
  test.each([
    ["%Y-%m-%d", "2024-03-05"],
    ["%Y%m%dT%H%M%S", "20240305T140709"],
    ["%d/%m/%y %I:%M %p", "05/03/24 02:07 PM"],
    ["%a %A %b %B", "Tue Tuesday Mar March"],
    ["%j", "065"],
    ["%H:%M:%S.%f", "14:07:09.250000"],
    ["%z %%", "+0000 %"],
    ["day %d of 'month' %m", "day 05 of 'month' 03"],
  ])("strftime %s → %s", (format, expected) => {
    expect(strftime(instant, format)).toBe(expected);
  });

  test("strftime shows the instant in the given zone", () => {
    expect(strftime(instant, "%Y-%m-%d %H:%M %z", "America/Sao_Paulo")).toBe(
      "2024-03-05 11:07 -0300",
    );
  });

  test.each([
    ["2024-03-05", "%Y-%m-%d", "2024-03-05T00:00:00.000Z"],
    ["05/03/24 14:07", "%d/%m/%y %H:%M", "2024-03-05T14:07:00.000Z"],
    ["20240305T140709+0200", "%Y%m%dT%H%M%S%z", "2024-03-05T12:07:09.000Z"],
  ])("strptime(%s, %s)", (text, format, iso) => {
    expect(strptime(text, format).toISOString()).toBe(iso);
  });

  test("a text that does not match is an error naming both", () => {
    expect(() => strptime("2024/03/05", "%Y-%m-%d")).toThrow(
      'time data "2024/03/05" does not match format "%Y-%m-%d"',
    );
  });

  test("an unsupported directive is an error", () => {
    expect(() => strftime(instant, "%Q")).toThrow("unsupported directive %Q");
  });
});

describe("macros", () => {
  test.each([
    ["2015-01-01", 5, "2015-01-06"],
    ["2015-01-06", -5, "2015-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2015-01-01", 0, "2015-01-01"],
  ])("ds_add(%s, %i) → %s", (ds, days, expected) => {
    expect(dsAdd(ds, days)).toBe(expected);
  });

  test.each([
    ["2015-01-01", "%Y-%m-%d", "%m-%d-%y", "01-01-15"],
    ["1/5/2015", "%m/%d/%Y", "%Y-%m-%d", "2015-01-05"],
  ])("ds_format(%s, %s, %s) → %s", (ds, input, output, expected) => {
    expect(dsFormat(ds, input, output)).toBe(expected);
  });
});
