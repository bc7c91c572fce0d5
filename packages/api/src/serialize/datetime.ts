// Datetimes as Airflow's API writes them: ISO 8601 in UTC with `Z`, microseconds only when
// non-zero (JavaScript dates hold milliseconds, so those).

/** `2026-01-02T03:04:05.123000Z`, `2026-01-02T03:04:05Z`, or null. */
export function apiDate(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  const ms = date.getUTCMilliseconds();
  const base = date.toISOString().slice(0, 19);
  return ms === 0 ? `${base}Z` : `${base}.${String(ms * 1000).padStart(6, "0")}Z`;
}
