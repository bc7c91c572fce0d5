// Building DagRunInfo values the way Airflow's `DagRunInfo.exact` / `DagRunInfo.interval` do:
// the logical date is always the start of the data interval.
import type { DagRunInfo, DataInterval } from "./timetable";

/** A run at exactly `at`, over the empty interval [at, at]. */
export function exactRunInfo(at: Date): DagRunInfo {
  return { runAfter: at, dataInterval: { start: at, end: at }, logicalDate: at };
}

/** A run over [start, end] that may start once the interval has ended. */
export function intervalRunInfo(start: Date, end: Date): DagRunInfo {
  return { runAfter: end, dataInterval: { start, end }, logicalDate: start };
}

/** The data interval [runAfter - intervalMs, runAfter] of trigger timetables. */
export function intervalEndingAt(runAfter: Date, intervalMs: number): DataInterval {
  return { start: new Date(runAfter.getTime() - intervalMs), end: runAfter };
}

/** The latest of some instants (they must not be empty). */
export function latestOf(first: Date, ...rest: Date[]): Date {
  return rest.reduce((a, b) => (b.getTime() > a.getTime() ? b : a), first);
}
