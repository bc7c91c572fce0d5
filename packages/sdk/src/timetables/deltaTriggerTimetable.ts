// A duration schedule in Airflow 3 (DeltaTriggerTimetable): a run every delta, each at its own
// logical date, with a data interval of [tick - interval, tick] (zero-length by default).
import { intervalEndingAt } from "./dagRunInfo";
import { checkMilliseconds, DeltaSchedule } from "./deltaSchedule";
import { nextTriggerRunInfo } from "./triggerRunInfo";
import type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  SerializedTimetable,
  Timetable,
} from "./timetable";

/** Options of `DeltaTriggerTimetable`. */
export interface DeltaTriggerTimetableOptions {
  /**
   * Length of each run's data interval, in milliseconds, ending at the tick.
   * @default 0
   */
  readonly interval?: number;
}

/** Runs every `deltaMs` milliseconds from the start date (or from now, without one). */
export class DeltaTriggerTimetable implements Timetable {
  readonly type = "delta_trigger" as const;
  readonly periodic = true;
  /** Python's `str(timedelta)` of the delta, Airflow's summary, e.g. "1:00:00". */
  readonly summary: string;
  /** Empty, as in Airflow (delta timetables have no description). */
  readonly description = "";
  /** The fixed step between runs. */
  readonly schedule: DeltaSchedule;
  /** Data interval length in milliseconds. */
  readonly intervalMs: number;

  /** Throws INVALID_SCHEDULE unless `deltaMs` is positive and `interval` non-negative. */
  constructor(deltaMs: number, options: DeltaTriggerTimetableOptions = {}) {
    this.schedule = new DeltaSchedule(deltaMs);
    this.summary = this.schedule.summary;
    this.intervalMs = checkMilliseconds(options.interval ?? 0, "schedule interval", true);
  }

  /** The step between runs, in milliseconds. */
  get deltaMs(): number {
    return this.schedule.deltaMs;
  }

  /** The next run; without a start date or earlier run, the first one is due now. */
  nextDagRunInfo(input: NextDagRunInput): DagRunInfo | null {
    return nextTriggerRunInfo(this.schedule, input, this.intervalMs, () => input.now);
  }

  /** [runAfter - interval, runAfter]. */
  inferManualDataInterval(runAfter: Date): DataInterval | null {
    return intervalEndingAt(runAfter, this.intervalMs);
  }

  /** Delta and interval in seconds, as Airflow encodes a timedelta. */
  serialize(): SerializedTimetable {
    return { type: this.type, delta: this.deltaMs / 1000, interval: this.intervalMs / 1000 };
  }
}
