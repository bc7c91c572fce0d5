// Durations as a person reads them in an alert: "1.2 s", "45 s", "3 min 4 s", "2 h 5 min".

/** Formats seconds as "1.2 s" (one decimal under 10 s), "45 s", "3 min 4 s" or "2 h 5 min". */
export function formatDuration(seconds: number): string {
  const value = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  // Round first, so 9.96 s reads "10 s" and 59.6 s reads "1 min", never "10.0 s" or "60 s".
  const tenths = Math.round(value * 10) / 10;
  if (tenths < 10) return `${stripZeroDecimal(tenths.toFixed(1))} s`;
  const whole = Math.round(value);
  if (whole < 60) return `${whole} s`;
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  // Past an hour the seconds are noise.
  const parts =
    hours > 0
      ? [`${hours} h`, minutes > 0 ? `${minutes} min` : ""]
      : [`${minutes} min`, secs > 0 ? `${secs} s` : ""];
  return parts.filter((part) => part !== "").join(" ");
}

function stripZeroDecimal(text: string): string {
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}
