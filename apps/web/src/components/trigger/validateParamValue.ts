// A param's value checked against the JSON-schema keywords of its param as the user types, so the
// form says what is wrong before the server does (the server checks again, with ajv, on trigger).
// Each message names the field and the expected form: "Batch size: must be at most 500, got 900".
import { expectedForm } from "./fieldText";
import type { ParamField } from "./paramField";

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(types: readonly string[], value: unknown): boolean {
  if (types.length === 0) return true;
  const type = jsonTypeOf(value);
  return types.includes(type) || (type === "integer" && types.includes("number"));
}

const num = (schema: Readonly<Record<string, unknown>>, key: string): number | undefined =>
  typeof schema[key] === "number" ? schema[key] : undefined;

function numberProblem(schema: Readonly<Record<string, unknown>>, value: number): string | null {
  const minimum = num(schema, "minimum");
  const maximum = num(schema, "maximum");
  const above = num(schema, "exclusiveMinimum");
  const below = num(schema, "exclusiveMaximum");
  const multipleOf = num(schema, "multipleOf");
  if (minimum !== undefined && value < minimum) return `must be at least ${minimum}`;
  if (maximum !== undefined && value > maximum) return `must be at most ${maximum}`;
  if (above !== undefined && value <= above) return `must be more than ${above}`;
  if (below !== undefined && value >= below) return `must be less than ${below}`;
  if (multipleOf !== undefined && multipleOf > 0 && !Number.isInteger(value / multipleOf))
    return `must be a multiple of ${multipleOf}`;
  return null;
}

/** Python's jsonschema checks "time" as HH:MM:SS; dates as calendar dates. */
const FORMATS: Readonly<Record<string, { test: (text: string) => boolean; form: string }>> = {
  date: {
    test: (t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(`${t}T00:00:00Z`)),
    form: "a date (YYYY-MM-DD)",
  },
  "date-time": {
    test: (t) =>
      /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(t) &&
      !Number.isNaN(Date.parse(t)),
    form: "a date and time with a time zone (like 2026-01-31T09:30:00Z)",
  },
  time: {
    test: (t) => /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(t),
    form: "a time (HH:MM:SS)",
  },
  email: { test: (t) => /^[^\s@]+@[^\s@]+$/.test(t), form: "an email address" },
};

function stringProblem(schema: Readonly<Record<string, unknown>>, value: string): string | null {
  const minLength = num(schema, "minLength");
  const maxLength = num(schema, "maxLength");
  const length = [...value].length;
  if (minLength !== undefined && length < minLength)
    return `must be at least ${minLength} character${minLength === 1 ? "" : "s"} long`;
  if (maxLength !== undefined && length > maxLength)
    return `must be at most ${maxLength} character${maxLength === 1 ? "" : "s"} long`;
  if (typeof schema.pattern === "string") {
    let pattern: RegExp | null = null;
    try {
      pattern = new RegExp(schema.pattern, "u");
    } catch {
      // A pattern JavaScript cannot read is left to the server's check.
    }
    if (pattern !== null && !pattern.test(value)) return `must match the pattern ${schema.pattern}`;
  }
  const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
  if (format !== undefined && !format.test(value)) return `must be ${format.form}`;
  return null;
}

function arrayProblem(
  schema: Readonly<Record<string, unknown>>,
  value: readonly unknown[],
): string | null {
  const minItems = num(schema, "minItems");
  const maxItems = num(schema, "maxItems");
  if (minItems !== undefined && value.length < minItems)
    return `must have at least ${minItems} item${minItems === 1 ? "" : "s"}`;
  if (maxItems !== undefined && value.length > maxItems)
    return `must have at most ${maxItems} item${maxItems === 1 ? "" : "s"}`;
  if (
    schema.uniqueItems === true &&
    new Set(value.map((v) => JSON.stringify(v))).size < value.length
  )
    return "must not repeat an item";
  return null;
}

function objectProblem(
  schema: Readonly<Record<string, unknown>>,
  value: Readonly<Record<string, unknown>>,
): string | null {
  const required = Array.isArray(schema.required)
    ? (schema.required as unknown[]).filter((key): key is string => typeof key === "string")
    : [];
  const missing = required.find((key) => !Object.hasOwn(value, key));
  return missing === undefined ? null : `must have the key "${missing}"`;
}

function problemOf(field: ParamField, value: unknown): string | null {
  const { schema } = field;
  if (value === null) return field.nullable ? null : `must be ${expectedForm(field)}, got null`;
  if (Array.isArray(schema.enum)) {
    const allowed = schema.enum as unknown[];
    return allowed.some((option) => JSON.stringify(option) === JSON.stringify(value))
      ? null
      : `must be ${expectedForm(field)}, got ${show(value)}`;
  }
  if (Object.hasOwn(schema, "const") && JSON.stringify(schema.const) !== JSON.stringify(value))
    return `must be ${show(schema.const)}, got ${show(value)}`;
  if (!matchesType(field.types, value))
    return `must be ${field.kind === "json" ? `of type ${field.types.join(" or ")}` : expectedForm(field)}, got ${show(value)}`;
  const problem =
    typeof value === "number"
      ? numberProblem(schema, value)
      : typeof value === "string"
        ? stringProblem(schema, value)
        : Array.isArray(value)
          ? arrayProblem(schema, value)
          : typeof value === "object"
            ? objectProblem(schema, value as Record<string, unknown>)
            : null;
  return problem === null ? null : `${problem}, got ${show(value)}`;
}

/** What is wrong with `value` for `field`, naming the field; null when nothing is. */
export function validateParamValue(field: ParamField, value: unknown): string | null {
  const problem = problemOf(field, value);
  return problem === null ? null : `${field.label}: ${problem}`;
}
