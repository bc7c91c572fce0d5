// Python's `str(timedelta)`: Airflow's summary of a delta schedule ("1:00:00", "1 day, 0:00:00").

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Formats non-negative milliseconds as Python prints a timedelta, e.g. 90000000 → "1 day, 1:00:00". */
export function timedeltaString(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = Math.round(rest - seconds * 1000);
  const clock = `${hours}:${pad(minutes)}:${pad(seconds)}${millis ? `.${pad(millis, 3)}000` : ""}`;
  return days ? `${days} day${days === 1 ? "" : "s"}, ${clock}` : clock;
}
