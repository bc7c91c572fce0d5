// A cron string in Airflow 2 (CronDataIntervalTimetable): a run covers [tick, next tick] and starts
// once that interval has ended; its logical date is the interval start.
import { CronExpression } from "./cronExpression";
import { nextDataIntervalRunInfo } from "./dataIntervalRunInfo";
import { latestOf } from "./dagRunInfo";
import type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  SerializedTimetable,
  Timetable,
} from "./timetable";

/** Options of `CronDataIntervalTimetable`. */
export interface CronDataIntervalTimetableOptions {
  /** IANA time zone the cron is read in, e.g. "Europe/Amsterdam". */
  readonly timezone: string;
}

/** Schedules the intervals between consecutive cron ticks, each run after its interval ends. */
export class CronDataIntervalTimetable implements Timetable {
  readonly type = "cron_data_interval" as const;
  readonly periodic = true;
  /** The schedule as written, e.g. "@daily". */
  readonly summary: string;
  /** Human words, e.g. "At 00:00". */
  readonly description: string;
  /** The parsed cron and its time zone. */
  readonly cron: CronExpression;

  /** Throws INVALID_CRON / INVALID_TIMEZONE on malformed input. */
  constructor(expression: string, options: CronDataIntervalTimetableOptions) {
    this.cron = new CronExpression(expression, options.timezone);
    this.summary = this.cron.summary;
    this.description = this.cron.description;
  }

  /** The next run: see AIRFLOW-SEMANTICS 3.6, "Data-interval timetables". */
  nextDagRunInfo(input: NextDagRunInput): DagRunInfo | null {
    return nextDataIntervalRunInfo(this.cron, input, (earliest, now) =>
      this.skipToLatest(earliest, now),
    );
  }

  /**
   * Without catchup: the interval that ends exactly now, or else the last complete one; never
   * before the start date.
   */
  private skipToLatest(earliest: Date | null, now: Date): Date {
    const lastStart = this.cron.prev(now);
    const nextStart = this.cron.next(lastStart);
    // Airflow asserts nextStart >= now; a DST oddity that breaks it is read as "on a boundary".
    const start = nextStart.getTime() > now.getTime() ? this.cron.prev(lastStart) : lastStart;
    return earliest ? latestOf(start, this.cron.alignNext(earliest)) : start;
  }

  /** The last complete interval before `runAfter`: [prev(end), end] with end = alignPrev(runAfter). */
  inferManualDataInterval(runAfter: Date): DataInterval | null {
    const end = this.cron.alignPrev(runAfter);
    return { start: this.cron.prev(end), end };
  }

  /** Expression as written and zone. */
  serialize(): SerializedTimetable {
    return { type: this.type, expression: this.summary, timezone: this.cron.timezone };
  }
}
