// schedule: null. Airflow's NullTimetable: no automated runs, only manual and external triggers.
import { exactRunInfo } from "./dagRunInfo";
import type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  SerializedTimetable,
  Timetable,
} from "./timetable";

/** Never schedules a run; manual runs get the exact interval [runAfter, runAfter]. */
export class NullTimetable implements Timetable {
  readonly type = "null" as const;
  readonly summary = "None";
  readonly description = "Never, external triggers only";
  readonly periodic = false;

  /** Always null: runs come only from manual or external triggers. */
  nextDagRunInfo(_input?: NextDagRunInput): DagRunInfo | null {
    return null;
  }

  /** The exact interval at `runAfter`, as Airflow's trivial timetables give manual runs. */
  inferManualDataInterval(runAfter: Date): DataInterval | null {
    return exactRunInfo(runAfter).dataInterval;
  }

  /** `{ type: "null" }`. */
  serialize(): SerializedTimetable {
    return { type: this.type };
  }
}
