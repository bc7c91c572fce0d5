// The scheduling rule shared by CronDataIntervalTimetable and DeltaDataIntervalTimetable (Airflow's
// `_DataIntervalTimetable.next_dagrun_info`): a run covers [tick, next tick] and starts at its end.
import { intervalRunInfo, latestOf } from "./dagRunInfo";
import type { TickSchedule } from "./tickSchedule";
import type { DagRunInfo, NextDagRunInput } from "./timetable";

/** Where runs may start when catchup is off, given the start date and now. */
export type SkipToLatest = (earliest: Date | null, now: Date) => Date;

/** The next run of a data-interval timetable. */
export function nextDataIntervalRunInfo(
  schedule: TickSchedule,
  input: NextDagRunInput,
  skipToLatest: SkipToLatest,
): DagRunInfo | null {
  const { lastAutomatedDataInterval: last, restriction, now } = input;
  let earliest = restriction.earliest;
  if (!restriction.catchup) earliest = skipToLatest(earliest, now);
  else if (earliest) earliest = schedule.alignNext(earliest);
  let start: Date;
  if (!last) {
    // First run: without a start date there is nothing to count intervals from.
    if (!earliest) return null;
    start = earliest;
  } else {
    // Aligning copes with a schedule that changed since the last run.
    const afterLast = schedule.alignPrev(last.end);
    start = earliest ? latestOf(afterLast, earliest) : afterLast;
  }
  const latest = restriction.latest;
  if (latest && start.getTime() > latest.getTime()) return null;
  return intervalRunInfo(start, schedule.next(start));
}
