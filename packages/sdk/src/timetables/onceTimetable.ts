// schedule: "@once". Airflow's OnceTimetable: one automated run at the start date (or as soon as
// the DAG is seen when there is none), whatever catchup says, and never another.
import { exactRunInfo } from "./dagRunInfo";
import type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  SerializedTimetable,
  Timetable,
} from "./timetable";

/** One run at `start date ?? now`, unless that is after the end date. */
export class OnceTimetable implements Timetable {
  readonly type = "once" as const;
  readonly summary = "@once";
  readonly description = "Once, as soon as possible";
  // Airflow marks "@once" non-periodic; here `periodic` means "creates runs by itself", which it does.
  readonly periodic = true;

  /** The single run, or null once any automated run exists. */
  nextDagRunInfo(input: NextDagRunInput): DagRunInfo | null {
    if (input.lastAutomatedDataInterval) return null;
    const { earliest, latest } = input.restriction;
    const runAfter = earliest ?? input.now;
    if (latest && runAfter.getTime() > latest.getTime()) return null;
    return exactRunInfo(runAfter);
  }

  /** The exact interval at `runAfter`. */
  inferManualDataInterval(runAfter: Date): DataInterval | null {
    return exactRunInfo(runAfter).dataInterval;
  }

  /** `{ type: "once" }`. */
  serialize(): SerializedTimetable {
    return { type: this.type };
  }
}
