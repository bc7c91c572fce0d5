// A param's value as the text its input holds, and back. Inputs hold text (a checkbox "true" or
// "false", a select the JSON of its option, a date-time picker local time); the conf holds JSON
// values (a date-time as an ISO instant in UTC, a time as HH:MM:SS, as Airflow checks them).
import { isoToLocalInput, localInputToIso } from "./localDateTime";
import type { ParamField } from "./paramField";

/** The value a field's text stands for, or why it stands for none. */
export type ParsedField =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

const json = (value: unknown, indent?: number): string => JSON.stringify(value, null, indent) ?? "";

/** The text the input of `field` shows for `value` (undefined or null: an empty input). */
export function formatFieldValue(field: ParamField, value: unknown): string {
  if (value === undefined || value === null) return "";
  switch (field.kind) {
    case "boolean":
      return value === true ? "true" : "false";
    case "enum":
      return json(value);
    case "date-time":
      return typeof value === "string" ? (isoToLocalInput(value) ?? value) : json(value);
    case "string-list":
      return Array.isArray(value) && value.every((item) => typeof item === "string")
        ? value.join("\n")
        : json(value, 2);
    case "array":
    case "object":
    case "json":
      return json(value, 2);
    case "null":
      return "";
    case "string":
    case "multiline":
    case "date":
    case "time":
    case "integer":
    case "number":
      return typeof value === "string" ? value : json(value);
  }
}

/** How a field of `kind` is written, for messages. */
export function expectedForm(field: ParamField): string {
  switch (field.kind) {
    case "integer":
      return "a whole number (like 42)";
    case "number":
      return "a number (like 3.5)";
    case "boolean":
      return "true or false";
    case "enum":
      return `one of ${field.options.map((o) => o.label).join(", ")}`;
    case "date":
      return "a date (YYYY-MM-DD)";
    case "date-time":
      return "a date and time";
    case "time":
      return "a time (HH:MM:SS)";
    case "string-list":
      return "one item per line";
    case "array":
      return "a JSON array (like [1, 2])";
    case "object":
      return 'a JSON object (like {"key": "value"})';
    case "json":
      return "a JSON value";
    case "null":
      return "null";
    case "string":
    case "multiline":
      return "text";
  }
}

const got = (text: string) => `got "${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`;

function fail(field: ParamField, text: string): ParsedField {
  return { ok: false, error: `${field.label}: must be ${expectedForm(field)}, ${got(text)}` };
}

function parseJsonText(field: ParamField, text: string): ParsedField {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // A union with string (or no type at all) takes the text as it is.
    if (field.kind === "json" && (field.types.length === 0 || field.types.includes("string")))
      return { ok: true, value: text };
    return fail(field, text);
  }
}

function parseFilled(field: ParamField, text: string): ParsedField {
  const trimmed = text.trim();
  switch (field.kind) {
    case "string":
    case "multiline":
      return { ok: true, value: text };
    case "integer":
      return INTEGER.test(trimmed) ? { ok: true, value: Number(trimmed) } : fail(field, text);
    case "number":
      return NUMBER.test(trimmed) ? { ok: true, value: Number(trimmed) } : fail(field, text);
    case "boolean":
      return { ok: true, value: text === "true" };
    case "enum":
      return parseJsonText(field, text);
    case "date":
      return DATE.test(trimmed) && !Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`))
        ? { ok: true, value: trimmed }
        : fail(field, text);
    case "date-time": {
      const iso = localInputToIso(trimmed);
      return iso === null ? fail(field, text) : { ok: true, value: iso };
    }
    case "time": {
      const m = TIME.exec(trimmed);
      return m === null
        ? fail(field, text)
        : { ok: true, value: `${m[1]}:${m[2]}:${m[3] ?? "00"}` };
    }
    case "string-list":
      return {
        ok: true,
        value: text
          .split("\n")
          .map((line) => line.trim())
          .filter((line) => line !== ""),
      };
    case "array":
    case "object":
    case "json":
      return parseJsonText(field, text);
    case "null":
      return { ok: true, value: null };
  }
}

/** The value `text` stands for in the input of `field`. */
export function parseFieldText(field: ParamField, text: string): ParsedField {
  if (field.kind === "boolean" || field.kind === "null") return parseFilled(field, text);
  const blank =
    field.kind === "string" || field.kind === "multiline" ? text === "" : text.trim() === "";
  if (!blank) return parseFilled(field, text);
  if (field.required) return { ok: false, error: `${field.label}: is required` };
  if (field.nullable) return { ok: true, value: null };
  if (field.kind === "string" || field.kind === "multiline") return { ok: true, value: "" };
  if (field.kind === "string-list") return { ok: true, value: [] };
  return { ok: false, error: `${field.label}: needs a value, ${expectedForm(field)}` };
}
