// The trigger form's fields and its configuration JSON kept in step: fields make the JSON,
// valid JSON makes the fields, and invalid JSON says at which line and column it goes wrong.
import type { DagParam } from "../src/api/types";
import {
  confFromFields,
  fieldProblem,
  fieldsFromConf,
  initialTexts,
  parseConfJson,
} from "../src/components/trigger/confJson";
import { jsonErrorPosition } from "../src/components/trigger/jsonErrorPosition";
import { paramFields } from "../src/components/trigger/paramField";

const p = (value: unknown, schema: Record<string, unknown>): DagParam => ({
  value,
  description: null,
  schema,
});

const fields = paramFields({
  region: p("eu", { type: "string", enum: ["eu", "us"] }),
  batch_size: p(100, { type: "integer", minimum: 1 }),
  full_refresh: p(false, { type: "boolean" }),
  tables: p(["sales"], { type: "array", items: { type: "string" } }),
});

test("the fields start at the defaults, and make the conf in the DAG's order", () => {
  const texts = initialTexts(fields);
  expect(texts).toEqual({
    region: '"eu"',
    batch_size: "100",
    full_refresh: "false",
    tables: "sales",
  });
  expect(JSON.stringify(confFromFields(fields, texts, {}))).toBe(
    '{"region":"eu","batch_size":100,"full_refresh":false,"tables":["sales"]}',
  );
});

test("keys that are not params ride along after the params; a bad field keeps its text", () => {
  const texts = { ...initialTexts(fields), batch_size: "lots" };
  expect(confFromFields(fields, texts, { extra_key: 1 })).toEqual({
    region: "eu",
    batch_size: "lots",
    full_refresh: false,
    tables: ["sales"],
    extra_key: 1,
  });
  expect(fieldProblem(fields[1]!, "lots")).toBe(
    'batch_size: must be a whole number (like 42), got "lots"',
  );
  expect(fieldProblem(fields[1]!, "0")).toBe("batch_size: must be at least 1, got 0");
  expect(fieldProblem(fields[1]!, "7")).toBeNull();
});

test("the JSON makes the fields; a param it leaves out goes back to its default", () => {
  const { texts, extra } = fieldsFromConf(fields, {
    region: "us",
    full_refresh: true,
    tables: ["a", "b"],
    note: "x",
  });
  expect(texts).toEqual({
    region: '"us"',
    batch_size: "100",
    full_refresh: "true",
    tables: "a\nb",
  });
  expect(extra).toEqual({ note: "x" });
});

describe("parseConfJson", () => {
  test("an object is a conf; an empty box is no conf", () => {
    expect(parseConfJson('{"a": 1}')).toEqual({ ok: true, conf: { a: 1 } });
    expect(parseConfJson("  ")).toEqual({ ok: true, conf: {} });
  });

  test.each([
    ['{\n  "a": 1,\n}', "line 3, column 1"],
    ['{\n  "a": x\n}', "line 2, column 8"],
    ["{'a': 1}", "line 1, column 2"],
    ['{"a": 1', "line 1, column 8 (the end)"],
    ['{"a": 1} 2', "line 1, column 10"],
  ])("invalid JSON %j says where: %s", (text, where) => {
    const parsed = parseConfJson(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(/^Configuration JSON: /);
      expect(parsed.error).toContain(`at ${where}`);
    }
  });

  test("JSON that is not an object is refused in words", () => {
    expect(parseConfJson("[1]")).toEqual({
      ok: false,
      error: 'Configuration JSON: must be a JSON object ({"key": value}), got an array',
    });
    expect(parseConfJson("5")).toMatchObject({
      ok: false,
      error: expect.stringContaining("got 5"),
    });
  });
});

describe("jsonErrorPosition", () => {
  test.each([
    ['{"a": [1, 2.5e-3, true, false, null, "\\u00e9\\n"]}', null],
    ["  []  ", null],
    ["", 0],
    ["[1,]", 3],
    ["[01]", 2],
    ['"\\x"', 2],
    ['"tab\there"', 4],
    ["nul", 0],
  ])("%j → %p", (text, position) => {
    expect(jsonErrorPosition(text)).toBe(position);
  });
});
