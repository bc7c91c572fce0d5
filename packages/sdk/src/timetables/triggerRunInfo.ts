// The scheduling rule shared by CronTriggerTimetable and DeltaTriggerTimetable (Airflow's
// `_TriggerTimetable.next_dagrun_info`): a run fires at each tick and covers [tick - interval, tick].
import { intervalEndingAt, intervalRunInfo, latestOf } from "./dagRunInfo";
import type { TickSchedule } from "./tickSchedule";
import type { DagRunInfo, NextDagRunInput } from "./timetable";

function nextTick(schedule: TickSchedule, input: NextDagRunInput, firstRun: () => Date): Date {
  const { lastAutomatedDataInterval: last, restriction, now } = input;
  if (restriction.catchup) {
    if (last) return schedule.next(last.end);
    if (!restriction.earliest) return firstRun();
    return schedule.alignNext(restriction.earliest);
  }
  // Without catchup, never go back further than the latest tick at or before now.
  const candidates = [schedule.alignPrev(now)];
  if (last) candidates.push(schedule.next(last.end));
  else if (!restriction.earliest) candidates.push(firstRun());
  if (restriction.earliest) candidates.push(schedule.alignNext(restriction.earliest));
  return latestOf(candidates[0]!, ...candidates.slice(1));
}

/**
 * The next run of a trigger timetable. `firstRun` picks the first tick when there is neither a
 * start date nor a previous run.
 */
export function nextTriggerRunInfo(
  schedule: TickSchedule,
  input: NextDagRunInput,
  intervalMs: number,
  firstRun: () => Date,
): DagRunInfo | null {
  const tick = nextTick(schedule, input, firstRun);
  const latest = input.restriction.latest;
  if (latest && latest.getTime() < tick.getTime()) return null;
  const { start, end } = intervalEndingAt(tick, intervalMs);
  return intervalRunInfo(start, end);
}
