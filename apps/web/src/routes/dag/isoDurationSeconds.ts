// Airflow's DAG details write timedeltas as ISO 8601 durations (`PT1H`, `P1DT30S`); the page
// shows them as the UI writes every duration, so this reads them back into seconds.
const ISO_DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds of an ISO 8601 duration of weeks, days, hours, minutes and seconds; null if not one. */
export function isoDurationSeconds(text: string | null): number | null {
  if (text === null) return null;
  const match = ISO_DURATION.exec(text);
  if (match === null || text === "P" || text.endsWith("T")) return null;
  const [, sign, weeks, days, hours, minutes, seconds] = match;
  const total =
    Number(weeks ?? 0) * 604_800 +
    Number(days ?? 0) * 86_400 +
    Number(hours ?? 0) * 3600 +
    Number(minutes ?? 0) * 60 +
    Number(seconds ?? 0);
  return sign === "-" ? -total : total;
}
