// Parsing of command-line values (conf JSON, dbt's --vars, dates, regexes) into typed input, with
// messages that name the flag, the value and the expected form.
import { parse as parseYaml } from "yaml";

/** `-c/--conf`: a JSON object. */
export function parseConf(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RangeError(
      `--conf: expected a JSON object, got ${JSON.stringify(text)} (${(error as Error).message})`,
      { cause: error },
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new RangeError(`--conf: expected a JSON object, got ${JSON.stringify(text)}`);
  return value as Record<string, unknown>;
}

/** dbt's `--vars`: a YAML mapping (JSON is YAML too), as `dbt run --vars '{"k": 1}'` reads it. */
export function parseVars(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  const expected = `--vars: expected a YAML or JSON mapping such as '{"start_date": "2026-01-01"}'`;
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new RangeError(
      `${expected}, got ${JSON.stringify(text)} (${(error as Error).message.split("\n")[0]})`,
      { cause: error },
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new RangeError(`${expected}, got ${JSON.stringify(text)}`);
  return value as Record<string, unknown>;
}

/** An ISO 8601 date or date-time (a bare date is midnight UTC). */
export function parseDate(flag: string, text: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (!iso.test(text) || Number.isNaN(date.getTime()))
    throw new RangeError(
      `${flag}: expected an ISO 8601 date such as 2026-01-31 or 2026-01-31T06:00:00Z, got ${JSON.stringify(text)}`,
    );
  return date;
}

/** A regular expression, as Airflow's `--task-regex` (matched anywhere in the task id). */
export function parseRegex(flag: string, text: string): RegExp {
  try {
    return new RegExp(text);
  } catch (error) {
    throw new RangeError(
      `${flag}: expected a regular expression, got ${JSON.stringify(text)} (${(error as Error).message})`,
      { cause: error },
    );
  }
}

/** `--queues default,etl`. */
export function parseQueues(text: string): string[] {
  return text
    .split(",")
    .map((q) => q.trim())
    .filter((q) => q.length > 0);
}

/** A positive integer flag such as `--concurrency`. */
export function parsePositiveInt(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new RangeError(`${flag}: expected an integer >= 1, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** A date for tables: ISO 8601, or empty. */
export function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
