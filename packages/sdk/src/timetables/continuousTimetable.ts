// schedule: "@continuous". Airflow's ContinuousTimetable: a new run as soon as the previous one
// ends, within the start and end dates; the DAG must allow one active run at a time.
import { exactRunInfo, intervalRunInfo, latestOf } from "./dagRunInfo";
import type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  SerializedTimetable,
  Timetable,
} from "./timetable";

/** Runs back to back; each covers the time since the previous run's interval ended. */
export class ContinuousTimetable implements Timetable {
  readonly type = "continuous" as const;
  readonly summary = "@continuous";
  readonly description = "As frequently as possible, but only one run at a time.";
  readonly periodic = true;
  /** Airflow's `active_runs_limit`: a continuous DAG needs `maxActiveRuns` 1. */
  readonly activeRunsLimit = 1;

  /** The next run, due now (or at the start date when that is still ahead). */
  nextDagRunInfo(input: NextDagRunInput): DagRunInfo | null {
    const { lastAutomatedDataInterval: last, restriction, now } = input;
    const startDate = restriction.earliest ?? now;
    let start: Date;
    let end: Date;
    if (!last) {
      start = startDate;
      end = latestOf(startDate, now);
    } else if (last.end.getTime() > now.getTime()) {
      // The last run ended in the future (a start date ahead of now): keep its length.
      start = startDate;
      end = new Date(start.getTime() + (last.end.getTime() - last.start.getTime()));
    } else {
      start = last.end;
      end = now;
    }
    if (restriction.latest && end.getTime() > restriction.latest.getTime()) return null;
    return intervalRunInfo(start, end);
  }

  /** The exact interval at `runAfter`. */
  inferManualDataInterval(runAfter: Date): DataInterval | null {
    return exactRunInfo(runAfter).dataInterval;
  }

  /** `{ type: "continuous" }`. */
  serialize(): SerializedTimetable {
    return { type: this.type };
  }
}
