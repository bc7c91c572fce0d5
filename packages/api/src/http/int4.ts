// The range of the database's `integer` columns (ids, slots, map indexes): a value outside it
// names no row and cannot be stored, and Postgres refuses it as out of range rather than
// answering.

/** The largest int4. */
export const INT4_MAX = 2_147_483_647;

/** Whether `value` (when given) fits an int4 column. */
export const fitsInt4 = (value: number | undefined): boolean =>
  value === undefined || Math.abs(value) <= INT4_MAX;
