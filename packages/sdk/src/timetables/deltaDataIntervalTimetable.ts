// A duration schedule in Airflow 2 (DeltaDataIntervalTimetable): runs cover consecutive intervals
// of one delta each, from the start date, and start once their interval has ended.
import { latestOf } from "./dagRunInfo";
import { nextDataIntervalRunInfo } from "./dataIntervalRunInfo";
import { DeltaSchedule } from "./deltaSchedule";
import type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  SerializedTimetable,
  Timetable,
} from "./timetable";

/** Schedules back-to-back intervals of `deltaMs` milliseconds, each run after its interval. */
export class DeltaDataIntervalTimetable implements Timetable {
  readonly type = "delta_data_interval" as const;
  readonly periodic = true;
  /** Python's `str(timedelta)` of the delta, Airflow's summary, e.g. "1 day, 0:00:00". */
  readonly summary: string;
  /** Empty, as in Airflow (delta timetables have no description). */
  readonly description = "";
  /** The fixed step between intervals. */
  readonly schedule: DeltaSchedule;

  /** Throws INVALID_SCHEDULE unless `deltaMs` is positive. */
  constructor(deltaMs: number) {
    this.schedule = new DeltaSchedule(deltaMs);
    this.summary = this.schedule.summary;
  }

  /** The interval length, in milliseconds. */
  get deltaMs(): number {
    return this.schedule.deltaMs;
  }

  /** The next run: see AIRFLOW-SEMANTICS 3.6, "Data-interval timetables". */
  nextDagRunInfo(input: NextDagRunInput): DagRunInfo | null {
    return nextDataIntervalRunInfo(this.schedule, input, (earliest, now) =>
      this.skipToLatest(earliest, now),
    );
  }

  /**
   * Without catchup: the interval before the one now falls in, on a grid of whole deltas since
   * the Unix epoch (Airflow's `_round`), never before the start date.
   */
  private skipToLatest(earliest: Date | null, now: Date): Date {
    const delta = this.deltaMs;
    const rounded = now.getTime() - (((now.getTime() % delta) + delta) % delta);
    const start = new Date(rounded - delta);
    return earliest ? latestOf(start, earliest) : start;
  }

  /** [runAfter - delta, runAfter]. */
  inferManualDataInterval(runAfter: Date): DataInterval | null {
    return { start: this.schedule.prev(runAfter), end: runAfter };
  }

  /** Delta in seconds, as Airflow encodes a timedelta. */
  serialize(): SerializedTimetable {
    return { type: this.type, delta: this.deltaMs / 1000 };
  }
}
