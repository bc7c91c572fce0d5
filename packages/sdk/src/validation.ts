// Small checks shared by DAG and task options; each failure names the field, the expected form
// and the value given.
import { DagDefinitionError } from "./errors";

/** Throws INVALID_ARGUMENT: `<field>: expected <expected>, got <value>`. */
export function invalidArgument(field: string, expected: string, value: unknown): never {
  throw new DagDefinitionError(
    "INVALID_ARGUMENT",
    `${field}: expected ${expected}, got ${JSON.stringify(value)}`,
    { details: { field, value } },
  );
}

/** An integer >= `min`, or `fallback` when undefined. */
export function checkInteger(field: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min)
    invalidArgument(field, `an integer >= ${min}`, value);
  return value;
}

/** A callback or list of callbacks: functions or objects with `notify(context)`. */
export function checkCallbacks<T>(field: string, value: unknown): readonly T[] {
  if (value === undefined || value === null) return [];
  const list = (Array.isArray(value) ? value : [value]) as unknown[];
  for (const cb of list) {
    const ok =
      typeof cb === "function" ||
      (typeof cb === "object" &&
        cb !== null &&
        typeof (cb as { notify?: unknown }).notify === "function");
    if (!ok) invalidArgument(field, "a function or an object with notify(context)", cb);
  }
  return list as T[];
}
