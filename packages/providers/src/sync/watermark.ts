// Watermarks travel as text in one exact format (UTC, microseconds): Postgres keeps microseconds
// and a JS Date does not, and COPY (SELECT …) cannot take bound parameters, so a watermark is
// written into the COPY statement as a literal — only ever after this check.

/** Postgres `to_char` pattern producing WATERMARK_FORMAT from `<ts> at time zone 'UTC'`. */
export const PG_WATERMARK_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
const WATERMARK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Where a table's sync stands. */
export interface Watermark {
  /** upsert_by_cursor: the cursor value up to which every committed row has been loaded. */
  readonly cursor: string | null;
  /** append_by_id: the highest id loaded. */
  readonly maxId: number | null;
}

/** `value` if it is a watermark timestamp; throws otherwise (it would go into SQL text). */
export function checkedWatermark(value: string): string {
  if (!WATERMARK.test(value))
    throw new TypeError(`not a watermark timestamp: ${JSON.stringify(value)}`);
  return value;
}

/** The earlier of two watermark timestamps (the format sorts as text); nulls are ignored. */
export function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}
