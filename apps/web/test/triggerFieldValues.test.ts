// A param field's text and value, both ways, and the checks of the value against its schema:
// every message names the field and says what form is expected.
import type { DagParam } from "../src/api/types";
import { formatFieldValue, parseFieldText } from "../src/components/trigger/fieldText";
import { dateToLocalInput, localInputToIso } from "../src/components/trigger/localDateTime";
import { paramField } from "../src/components/trigger/paramField";
import { validateParamValue } from "../src/components/trigger/validateParamValue";

const field = (schema: Record<string, unknown>, value: unknown = null, extra: object = {}) => {
  const param: DagParam = { value, description: null, schema, ...extra };
  return paramField("p", param);
};

describe("parseFieldText", () => {
  test.each<[string, Record<string, unknown>, string, unknown]>([
    ["an integer", { type: "integer" }, " 42 ", 42],
    ["a negative integer", { type: "integer" }, "-3", -3],
    ["a number", { type: "number" }, "2.5e3", 2500],
    ["a checked box", { type: "boolean" }, "true", true],
    ["an unchecked box", { type: "boolean" }, "false", false],
    ["an enum option (as JSON)", { enum: [1, 2] }, "2", 2],
    ["a date", { type: "string", format: "date" }, "2026-02-28", "2026-02-28"],
    ["a time without seconds", { type: "string", format: "time" }, "06:30", "06:30:00"],
    ["text as typed", { type: "string" }, "  spaced  ", "  spaced  "],
    ["lines as a list", { type: "array" }, "a\n b \n\nc", ["a", "b", "c"]],
    ["a JSON object", { type: "object" }, '{"k": [1]}', { k: [1] }],
    ["JSON in a union", { type: ["integer", "boolean"] }, "true", true],
    ["text in a union with string", { type: ["integer", "string"] }, "abc", "abc"],
    ["empty nullable", { type: ["integer", "null"] }, "", null],
    ["empty text", { type: "string" }, "", ""],
  ])("%s", (_what, schema, text, value) => {
    expect(parseFieldText(field(schema, 0), text)).toEqual({ ok: true, value });
  });

  test("a local date and time becomes the instant in UTC", () => {
    const local = dateToLocalInput(new Date("2026-03-01T09:30:15Z"));
    expect(parseFieldText(field({ type: "string", format: "date-time" }, ""), local)).toEqual({
      ok: true,
      value: "2026-03-01T09:30:15Z",
    });
  });

  test.each<[string, Record<string, unknown>, string, string]>([
    [
      "a fraction for an integer",
      { type: "integer" },
      "4.5",
      'p: must be a whole number (like 42), got "4.5"',
    ],
    ["words for a number", { type: "number" }, "ten", 'p: must be a number (like 3.5), got "ten"'],
    [
      "a bad date",
      { type: "string", format: "date" },
      "28/02/2026",
      'p: must be a date (YYYY-MM-DD), got "28/02/2026"',
    ],
    [
      "bad JSON for an object",
      { type: "object" },
      "{k: 1}",
      'p: must be a JSON object (like {"key": "value"}), got "{k: 1}"',
    ],
    [
      "an empty integer that cannot be null",
      { type: "integer" },
      "",
      "p: needs a value, a whole number (like 42)",
    ],
  ])("refuses %s", (_what, schema, text, error) => {
    expect(parseFieldText(field(schema, 1), text)).toEqual({ ok: false, error });
  });

  test("a param without a default must be filled in", () => {
    const required = field({ type: "string", title: "Target table" }, null, { has_default: false });
    expect(parseFieldText(required, "")).toEqual({ ok: false, error: "Target table: is required" });
    expect(parseFieldText(required, "sales")).toEqual({ ok: true, value: "sales" });
  });
});

describe("formatFieldValue", () => {
  test.each<[string, Record<string, unknown>, unknown, string]>([
    ["an integer", { type: "integer" }, 7, "7"],
    ["a flag", { type: "boolean" }, true, "true"],
    ["an enum value as its option", { enum: ["a", 1] }, 1, "1"],
    ["a list, one per line", { type: "array" }, ["x", "y"], "x\ny"],
    ["an object as JSON", { type: "object" }, { a: 1 }, '{\n  "a": 1\n}'],
    ["null as empty", { type: ["string", "null"] }, null, ""],
  ])("%s", (_what, schema, value, text) => {
    expect(formatFieldValue(field(schema, value), value)).toBe(text);
  });

  test("an instant shows as local time in a date-time picker, and goes back unchanged", () => {
    const f = field({ type: "string", format: "date-time" }, "2026-03-01T09:30:15Z");
    const text = formatFieldValue(f, "2026-03-01T09:30:15Z");
    expect(text).toBe(dateToLocalInput(new Date("2026-03-01T09:30:15Z")));
    expect(parseFieldText(f, text)).toEqual({ ok: true, value: "2026-03-01T09:30:15Z" });
  });
});

describe("validateParamValue", () => {
  test.each<[string, Record<string, unknown>, unknown, string | null]>([
    ["within bounds", { type: "integer", minimum: 1, maximum: 500 }, 500, null],
    [
      "above the maximum",
      { type: "integer", maximum: 500, title: "Batch size" },
      900,
      "Batch size: must be at most 500, got 900",
    ],
    ["below the minimum", { type: "number", minimum: 0 }, -1, "p: must be at least 0, got -1"],
    [
      "at an exclusive minimum",
      { type: "number", exclusiveMinimum: 0 },
      0,
      "p: must be more than 0, got 0",
    ],
    [
      "not a multiple",
      { type: "integer", multipleOf: 5 },
      12,
      "p: must be a multiple of 5, got 12",
    ],
    [
      "too short",
      { type: "string", minLength: 3 },
      "ab",
      'p: must be at least 3 characters long, got "ab"',
    ],
    [
      "too long",
      { type: "string", maxLength: 2 },
      "abc",
      'p: must be at most 2 characters long, got "abc"',
    ],
    [
      "off the pattern",
      { type: "string", pattern: "^[a-z_]+$" },
      "Sales",
      'p: must match the pattern ^[a-z_]+$, got "Sales"',
    ],
    ["on the pattern", { type: "string", pattern: "^[a-z_]+$" }, "sales", null],
    ["not an option", { enum: ["eu", "us"] }, "br", 'p: must be one of eu, us, got "br"'],
    [
      "the wrong type in a union",
      { type: ["integer", "boolean"] },
      "x",
      'p: must be of type integer or boolean, got "x"',
    ],
    [
      "a time Airflow refuses",
      { type: "string", format: "time" },
      "25:00:00",
      'p: must be a time (HH:MM:SS), got "25:00:00"',
    ],
    [
      "a date-time without a zone",
      { type: "string", format: "date-time" },
      "2026-01-01T00:00:00",
      'p: must be a date and time with a time zone (like 2026-01-31T09:30:00Z), got "2026-01-01T00:00:00"',
    ],
    [
      "too few items",
      { type: "array", minItems: 2 },
      ["a"],
      'p: must have at least 2 items, got ["a"]',
    ],
    [
      "a repeated item",
      { type: "array", uniqueItems: true },
      ["a", "a"],
      'p: must not repeat an item, got ["a","a"]',
    ],
    [
      "a missing key",
      { type: "object", required: ["table"] },
      {},
      'p: must have the key "table", got {}',
    ],
    [
      "null where null is refused",
      { type: "integer" },
      null,
      "p: must be a whole number (like 42), got null",
    ],
    ["null where null is allowed", { type: ["integer", "null"], minimum: 1 }, null, null],
  ])("%s", (_what, schema, value, message) => {
    expect(validateParamValue(field(schema, 1), value)).toBe(message);
  });
});

describe("localInputToIso", () => {
  test("seconds and milliseconds are kept, nothing else is a date and time", () => {
    const local = dateToLocalInput(new Date("2026-01-02T03:04:05Z"));
    expect(localInputToIso(local)).toBe("2026-01-02T03:04:05Z");
    expect(localInputToIso(`${local}.250`)).toBe("2026-01-02T03:04:05.250Z");
    expect(localInputToIso("yesterday")).toBeNull();
    expect(localInputToIso("")).toBeNull();
  });
});
