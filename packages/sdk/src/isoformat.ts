// Python's `datetime.isoformat()` and `str(datetime)` for UTC instants: Airflow puts these
// strings in run ids, template variables and the retry-jitter hash, so they must match exactly.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function formatUtc(date: Date, separator: "T" | " "): string {
  const ymd = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hms = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  // Python prints microseconds only when non-zero; JS dates carry milliseconds.
  const fraction = ms === 0 ? "" : `.${pad(ms, 3)}000`;
  return `${ymd}${separator}${hms}${fraction}+00:00`;
}

/** Python's `dt.isoformat()` of an aware UTC datetime: `2026-01-02T00:00:00+00:00`. */
export function pythonIsoformat(date: Date): string {
  return formatUtc(date, "T");
}

/** Python's `str(dt)` of an aware UTC datetime: `2026-01-02 00:00:00+00:00`. */
export function pythonStr(date: Date): string {
  return formatUtc(date, " ");
}
