// Durations the way Airflow's API writes Python timedeltas: as the TimeDelta object of task
// responses ({__type, days, seconds, microseconds}, normalised as Python normalises them:
// seconds in [0, 86400), microseconds in [0, 10^6), days carrying the sign), and as the ISO 8601
// text pydantic writes for DAG details (`PT1H`, `P1DT30S`, `PT0S`).

/** Airflow's TimeDelta object. */
export interface TimeDelta {
  readonly __type: "TimeDelta";
  readonly days: number;
  readonly seconds: number;
  readonly microseconds: number;
}

const MICROS_PER_DAY = 86_400_000_000;

function parts(totalSeconds: number): { days: number; seconds: number; microseconds: number } {
  const micros = Math.round(totalSeconds * 1_000_000);
  const days = Math.floor(micros / MICROS_PER_DAY);
  const rest = micros - days * MICROS_PER_DAY;
  return { days, seconds: Math.floor(rest / 1_000_000), microseconds: rest % 1_000_000 };
}

/** `totalSeconds` as a TimeDelta, or null. */
export function timeDelta(totalSeconds: number | null): TimeDelta | null {
  if (totalSeconds === null) return null;
  return { __type: "TimeDelta", ...parts(totalSeconds) };
}

/** `totalSeconds` as an ISO 8601 duration, or null. */
export function isoDuration(totalSeconds: number | null): string | null {
  if (totalSeconds === null) return null;
  const sign = totalSeconds < 0 ? "-" : "";
  const { days, seconds, microseconds } = parts(Math.abs(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const fraction =
    microseconds === 0 ? "" : `.${String(microseconds).padStart(6, "0")}`.replace(/0+$/, "");
  const time =
    (hours > 0 ? `${hours}H` : "") +
    (minutes > 0 ? `${minutes}M` : "") +
    (secs > 0 || fraction !== "" ? `${secs}${fraction}S` : "");
  if (days === 0 && time === "") return "PT0S";
  return `${sign}P${days > 0 ? `${days}D` : ""}${time === "" ? "" : `T${time}`}`;
}
