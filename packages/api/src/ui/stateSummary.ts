// How the grid shows one cell that stands for several instances (a mapped task's indexes, or a
// task group's tasks): the counts per state, and the state that matters most, in the priority
// order of Airflow's grid (a failure shows before anything running, running before success).

/** Airflow's ui/grid state priority, most telling first; null is "no status". */
const PRIORITY: readonly (string | null)[] = [
  "failed",
  "upstream_failed",
  "up_for_retry",
  "up_for_reschedule",
  "queued",
  "scheduled",
  "deferred",
  "running",
  "restarting",
  null,
  "success",
  "skipped",
  "removed",
];

/** The state a cell of `states` shows. */
export function summaryState(states: readonly (string | null)[]): string | null {
  for (const candidate of PRIORITY) if (states.includes(candidate)) return candidate;
  return states[0] ?? null;
}

/** Instances per state (`no_status` for none), as the grid's child_states. */
export function stateCounts(states: readonly (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const state of states) {
    const key = state ?? "no_status";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
