import { buildMacros, diffForHumans, dsAdd, dsFormat, pythonJsonDumps } from "../src/macros";
import { TemplateDateTime } from "../src/pyDateTime";

describe("macros.ds_add", () => {
  test.each([
    ["2015-01-01", 5, "2015-01-06"],
    ["2015-01-01", -5, "2014-12-27"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-12-31", 1, "2024-01-01"],
    ["2015-01-01", 0, "2015-01-01"],
  ])("ds_add(%s, %i) → %s", (ds, days, expected) => {
    expect(dsAdd(ds, days)).toBe(expected);
  });

  test("0 days returns the input unchanged, even when it is not a date", () => {
    expect(dsAdd("not-a-date", 0)).toBe("not-a-date");
  });

  test.each([
    ["2015/01/01", 1, 'time data "2015/01/01" does not match format "%Y-%m-%d"'],
    ["2015-01-01", 1.5, "macros.ds_add: days must be an integer, got 1.5"],
  ])("ds_add(%s, %s) fails: %s", (ds, days, message) => {
    expect(() => dsAdd(ds, days)).toThrow(message);
  });
});

describe("macros.ds_format", () => {
  test.each([
    ["2015-01-01", "%Y-%m-%d", "%m-%d-%y", "01-01-15"],
    ["1/5/2015", "%m/%d/%Y", "%Y-%m-%d", "2015-01-05"],
    ["20241201", "%Y%m%d", "%d %B %Y", "01 December 2024"],
  ])("ds_format(%s, %s, %s) → %s", (ds, input, output, expected) => {
    expect(dsFormat(ds, input, output)).toBe(expected);
  });

  test("a date that does not match the input format is an error", () => {
    expect(() => dsFormat("2015-01-01", "%d/%m/%Y", "%Y")).toThrow(
      'time data "2015-01-01" does not match format "%d/%m/%Y"',
    );
  });
});

describe("macros.datetime_diff_for_humans (pendulum's diff_for_humans)", () => {
  const base = new Date("2024-06-15T12:00:00Z");
  test.each([
    ["2024-06-15T11:59:55Z", "a few seconds ago"],
    ["2024-06-15T11:59:30Z", "30 seconds ago"],
    ["2024-06-15T11:59:00Z", "1 minute ago"],
    ["2024-06-15T09:00:00Z", "3 hours ago"],
    ["2024-06-13T12:00:00Z", "2 days ago"],
    ["2024-06-12T13:00:00Z", "3 days ago"],
    ["2024-06-05T12:00:00Z", "1 week ago"],
    ["2024-06-01T12:00:00Z", "2 weeks ago"],
    ["2024-03-15T12:00:00Z", "3 months ago"],
    ["2022-06-15T12:00:00Z", "2 years ago"],
    ["2024-06-16T12:00:00Z", "in 1 day"],
    ["2024-06-15T14:00:00Z", "in 2 hours"],
  ])("%s relative to now → %s", (dt, expected) => {
    expect(diffForHumans(new Date(dt), base, true)).toBe(expected);
  });

  test.each([
    ["2024-06-13T12:00:00Z", "2 days before"],
    ["2024-06-15T13:00:00Z", "1 hour after"],
  ])("%s relative to another datetime → %s", (dt, expected) => {
    expect(diffForHumans(new Date(dt), base, false)).toBe(expected);
  });

  test("the macro takes `since` explicitly and defaults it to the context's now", () => {
    const macros = buildMacros(base) as {
      datetime_diff_for_humans: (dt: unknown, since?: unknown) => string;
    };
    const dt = new TemplateDateTime(new Date("2024-06-14T12:00:00Z"));
    expect(macros.datetime_diff_for_humans(dt)).toBe("1 day ago");
    expect(macros.datetime_diff_for_humans(dt, new Date("2024-06-14T10:00:00Z"))).toBe(
      "2 hours after",
    );
    expect(() => macros.datetime_diff_for_humans("soon")).toThrow(
      'macros.datetime_diff_for_humans: dt must be a datetime, got "soon"',
    );
  });
});

describe("macros.json (Python's json module)", () => {
  test.each([
    [{ b: 1, a: [1, "x"] }, {}, '{"b": 1, "a": [1, "x"]}'],
    [{ b: 1, a: null }, { sortKeys: true }, '{"a": null, "b": 1}'],
    [{ a: [1, 2] }, { indent: 2 }, '{\n  "a": [\n    1,\n    2\n  ]\n}'],
    ["São Paulo\n", {}, '"S\\u00e3o Paulo\\n"'],
    [[true, false, NaN], {}, "[true, false, NaN]"],
    [{}, {}, "{}"],
    [new TemplateDateTime(new Date("2024-12-01T01:00:00Z")), {}, '"2024-12-01T01:00:00+00:00"'],
  ])("dumps(%j, %j) → %s", (value, options, expected) => {
    expect(pythonJsonDumps(value, options)).toBe(expected);
  });

  test("dumps and loads are reachable from templates, with keyword arguments", () => {
    const json = (
      buildMacros(new Date("2024-01-01T00:00:00Z")) as {
        json: { dumps: (v: unknown, kw?: unknown) => string; loads: (t: string) => unknown };
      }
    ).json;
    expect(json.dumps({ b: 1, a: 2 }, { sort_keys: true, __keywords: true })).toBe(
      '{"a": 2, "b": 1}',
    );
    expect(json.loads('{"a": [1]}')).toEqual({ a: [1] });
    expect(() => json.loads("{")).toThrow("json.loads:");
  });
});
