// Secrets hidden from a JSON value before the API returns it, as Airflow's `redact` does: under a
// sensitive key (see sensitiveNames.ts) every leaf becomes `***`, at any depth; elsewhere objects
// and arrays are walked for deeper sensitive keys. Unlike Airflow, numbers and booleans under a
// sensitive key are hidden too (Airflow returns them as they are, so a numeric PIN would show).

import { isSensitiveName } from "@updraft/sdk";

/** What a hidden value reads as. */
export const REDACTED = "***";

function redactAll(value: unknown): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(redactAll);
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v)]));
  return REDACTED;
}

/** `value` with every value under a sensitive key (or all of it, when `name` is one) hidden. */
export function redactSecrets(value: unknown, name?: string): unknown {
  if (name !== undefined && isSensitiveName(name)) return redactAll(value);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecrets(v, k)]));
  return value;
}

/**
 * A JSON text with its secrets hidden: re-serialised when something was hidden, returned as it
 * is otherwise (and when it is not JSON: there is no key to judge it by).
 */
export function redactJsonText(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const redacted = redactSecrets(parsed);
  return JSON.stringify(redacted) === JSON.stringify(parsed) ? text : JSON.stringify(redacted);
}
