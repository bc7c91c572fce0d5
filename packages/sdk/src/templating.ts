// Template rendering with nunjucks, configured like Airflow's Jinja environment: no autoescape,
// undefined values are errors (StrictUndefined), one trailing newline dropped, Airflow's
// filters (ds, ts, …) plus tojson. Lists and dicts print JS-style; use `| tojson` for JSON.
import nunjucks from "nunjucks";
import { UpdraftError } from "./errors";
import { isPlainObject } from "./plainObject";
import { TemplateDateTime } from "./pyDateTime";

const runtime = (
  nunjucks as unknown as {
    runtime: { ensureDefined: (v: unknown, l: number, c: number) => unknown };
  }
).runtime;
const ensureDefined = runtime.ensureDefined;
// Jinja prints None for a null value; nunjucks' strict mode would throw. Only `undefined` (a
// name or attribute that does not exist) stays an error.
runtime.ensureDefined = (value, lineno, colno) =>
  value === null ? "None" : ensureDefined(value, lineno, colno);

function asDateTime(value: unknown, filter: string): TemplateDateTime {
  if (value instanceof TemplateDateTime) return value;
  if (Object.prototype.toString.call(value) === "[object Date]")
    return new TemplateDateTime(value as Date);
  throw new UpdraftError(
    "TEMPLATE_ERROR",
    `filter ${filter}: expected a datetime, got ${JSON.stringify(value)}`,
  );
}

const environment = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
environment.addFilter("tojson", (value: unknown) => JSON.stringify(value));
environment.addFilter("ds", (v: unknown) => asDateTime(v, "ds").strftime("%Y-%m-%d"));
environment.addFilter("ds_nodash", (v: unknown) => asDateTime(v, "ds_nodash").strftime("%Y%m%d"));
environment.addFilter("ts", (v: unknown) => asDateTime(v, "ts").isoformat());
environment.addFilter("ts_nodash", (v: unknown) =>
  asDateTime(v, "ts_nodash").strftime("%Y%m%dT%H%M%S"),
);
environment.addFilter("ts_nodash_with_tz", (v: unknown) =>
  asDateTime(v, "ts_nodash_with_tz").isoformat().replace(/[-:]/g, ""),
);

/** Renders one template string; errors name `field` and nunjucks' line and column. */
export function renderTemplate(
  template: string,
  context: Readonly<Record<string, unknown>>,
  field = "template",
): string {
  if (!template.includes("{{") && !template.includes("{%") && !template.includes("{#"))
    return template;
  try {
    const rendered = environment.renderString(template, context);
    return template.endsWith("\n") && rendered.endsWith("\n") ? rendered.slice(0, -1) : rendered;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /^\(unknown path\)\s*/,
      "",
    );
    throw new UpdraftError(
      "TEMPLATE_ERROR",
      `${field}: template error: ${message.replace(/\s+/g, " ").trim()}`,
      { cause: error },
    );
  }
}

function renderValue(
  value: unknown,
  context: Readonly<Record<string, unknown>>,
  field: string,
): unknown {
  if (typeof value === "string") return renderTemplate(value, context, field);
  if (Array.isArray(value))
    return value.map((item, i) => renderValue(item, context, `${field}[${i}]`));
  if (isPlainObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renderValue(v, context, `${field}.${k}`)]),
    );
  return value;
}

/**
 * Renders the named fields of `values` (strings inside lists and plain objects too) and returns
 * a new record of the rendered fields.
 */
export function renderTemplateFields(
  values: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  context: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((field) => [field, renderValue(values[field], context, field)]),
  );
}
