// A cron string in Airflow 3 (CronTriggerTimetable): a run fires at each tick, its logical date is
// the tick, and its data interval is [tick - interval, tick] (zero-length by default).
import { CronExpression } from "./cronExpression";
import { checkMilliseconds } from "./deltaSchedule";
import { intervalEndingAt } from "./dagRunInfo";
import { nextTriggerRunInfo } from "./triggerRunInfo";
import type {
  DagRunInfo,
  DataInterval,
  NextDagRunInput,
  SerializedTimetable,
  Timetable,
} from "./timetable";

const FIVE_MINUTES_MS = 300_000;

/** Options of `CronTriggerTimetable`. */
export interface CronTriggerTimetableOptions {
  /** IANA time zone the cron is read in, e.g. "Europe/Amsterdam". */
  readonly timezone: string;
  /**
   * Length of each run's data interval, in milliseconds, ending at the tick.
   * @default 0
   */
  readonly interval?: number;
  /**
   * Without a start date or earlier run, whether the first run is the latest past tick: `true`
   * always; a number of milliseconds: if that tick is at most this old; `false`: if it is at
   * most max(10% of the gap between ticks, 5 minutes) old (Airflow's code, despite its docs).
   * @default false
   */
  readonly runImmediately?: boolean | number;
}

/** Runs at each tick of a cron expression, in a time zone. */
export class CronTriggerTimetable implements Timetable {
  readonly type = "cron_trigger" as const;
  readonly periodic = true;
  /** The schedule as written, e.g. "@daily". */
  readonly summary: string;
  /** Human words, e.g. "At 00:00". */
  readonly description: string;
  /** The parsed cron and its time zone. */
  readonly cron: CronExpression;
  /** Data interval length in milliseconds. */
  readonly intervalMs: number;
  /** See `CronTriggerTimetableOptions.runImmediately`. */
  readonly runImmediately: boolean | number;

  /** Throws INVALID_CRON / INVALID_TIMEZONE / INVALID_SCHEDULE on malformed input. */
  constructor(expression: string, options: CronTriggerTimetableOptions) {
    this.cron = new CronExpression(expression, options.timezone);
    this.summary = this.cron.summary;
    this.description = this.cron.description;
    this.intervalMs = checkMilliseconds(options.interval ?? 0, "schedule interval", true);
    const run = options.runImmediately ?? false;
    this.runImmediately =
      typeof run === "boolean" ? run : checkMilliseconds(run, "schedule runImmediately", true);
  }

  /** The next run: see AIRFLOW-SEMANTICS 3.6, "Trigger timetables". */
  nextDagRunInfo(input: NextDagRunInput): DagRunInfo | null {
    return nextTriggerRunInfo(this.cron, input, this.intervalMs, () => this.firstRun(input.now));
  }

  /** Airflow's `_calc_first_run`: the latest past tick if recent enough, else the next tick. */
  private firstRun(now: Date): Date {
    const past = this.cron.alignPrev(now);
    if (this.runImmediately === true) return past;
    const next = this.cron.alignNext(now);
    const buffer =
      typeof this.runImmediately === "number"
        ? this.runImmediately
        : Math.max((next.getTime() - past.getTime()) / 10, FIVE_MINUTES_MS);
    return now.getTime() - past.getTime() <= buffer ? past : next;
  }

  /** [runAfter - interval, runAfter]. */
  inferManualDataInterval(runAfter: Date): DataInterval | null {
    return intervalEndingAt(runAfter, this.intervalMs);
  }

  /** Expression as written, zone, and interval / runImmediately in seconds (as Airflow encodes). */
  serialize(): SerializedTimetable {
    return {
      type: this.type,
      expression: this.summary,
      timezone: this.cron.timezone,
      interval: this.intervalMs / 1000,
      run_immediately:
        typeof this.runImmediately === "number" ? this.runImmediately / 1000 : this.runImmediately,
    };
  }
}
