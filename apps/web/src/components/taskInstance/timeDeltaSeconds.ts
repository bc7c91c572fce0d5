// Airflow's TimeDelta ({days, seconds, microseconds}) in seconds, for formatDuration.
import type { TimeDelta } from "../../api/types";

export function timeDeltaSeconds(delta: TimeDelta | null): number | null {
  if (delta === null) return null;
  return delta.days * 86_400 + delta.seconds + delta.microseconds / 1_000_000;
}
