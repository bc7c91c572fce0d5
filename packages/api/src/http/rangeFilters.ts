// Airflow's range filters: `<field>_gte`, `_gt`, `_lte` and `_lt` (run_after, logical_date,
// start_date, end_date, updated_at, duration…), each bound optional, given as query parameters
// or as fields of a batch body.
import type { z } from "zod";

/** The bounds of a range filter, as the parameter names end. */
export const RANGE_BOUNDS = ["gte", "gt", "lte", "lt"] as const;

/** One bound of a range filter. */
export type RangeBound = (typeof RANGE_BOUNDS)[number];

/** The bounds given for one field; an absent bound does not filter. */
export type RangeFilter<T> = Partial<Record<RangeBound, T>>;

/** The zod shape of the `<field>_<bound>` parameters of `fields`, each read by `schema`. */
export function rangeFilterShape(
  fields: readonly string[],
  schema: z.ZodType,
): Record<string, z.ZodType> {
  return Object.fromEntries(
    fields.flatMap((field) => RANGE_BOUNDS.map((bound) => [`${field}_${bound}`, schema])),
  );
}

/** The bounds of `field` in parsed `values` (a bound absent or null is left out). */
export function rangeFilter<T>(
  values: Readonly<Record<string, unknown>>,
  field: string,
): RangeFilter<T> {
  const bounds: RangeFilter<T> = {};
  for (const bound of RANGE_BOUNDS) {
    const value = values[`${field}_${bound}`];
    if (value !== undefined && value !== null) bounds[bound] = value as T;
  }
  return bounds;
}
