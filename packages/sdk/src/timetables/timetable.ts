// The timetable port: given the last automated run and "now", when is the next run due and
// which data interval does it cover? Pure: every function takes `now` as an argument.

/** The span of data a run processes: [start, end). */
export interface DataInterval {
  readonly start: Date;
  readonly end: Date;
}

/** What a timetable says about the next run (Airflow's DagRunInfo). */
export interface DagRunInfo {
  /** The earliest moment the run may start. */
  readonly runAfter: Date;
  /** `null` only for timetables that create runs without a data interval. */
  readonly dataInterval: DataInterval | null;
  /** `dataInterval.start`, or `null` when there is no data interval. */
  readonly logicalDate: Date | null;
}

/** Bounds on automated runs: the DAG's start/end dates (both inclusive) and catchup. */
export interface TimeRestriction {
  readonly earliest: Date | null;
  readonly latest: Date | null;
  readonly catchup: boolean;
}

/** Input of `Timetable.nextDagRunInfo`. */
export interface NextDagRunInput {
  /** Data interval of the latest automated (scheduled/backfill) run, or null if none. */
  readonly lastAutomatedDataInterval: DataInterval | null;
  readonly restriction: TimeRestriction;
  readonly now: Date;
}

/** The JSON form of a timetable, as stored in a SerializedDag. */
export interface SerializedTimetable {
  readonly type: TimetableType;
  readonly [key: string]: unknown;
}

/** The timetable kinds Updraft knows, with Airflow's class names as descriptions. */
export type TimetableType =
  | "null"
  | "once"
  | "continuous"
  | "cron_trigger"
  | "cron_data_interval"
  | "delta_trigger"
  | "delta_data_interval"
  | "asset_triggered";

/** A schedule: decides when runs are due and which data interval each covers. */
export interface Timetable {
  readonly type: TimetableType;
  /** Short form shown in lists (Airflow's `timetable_summary`), e.g. "@daily" or "0 * * * *". */
  readonly summary: string;
  /** Human words (Airflow's `timetable_description`), e.g. "At 00:00". */
  readonly description: string;
  /** False for timetables that never create runs by themselves (null, asset-triggered). */
  readonly periodic: boolean;
  /** The next automated run, or null when none is due ever again under `restriction`. */
  nextDagRunInfo(input: NextDagRunInput): DagRunInfo | null;
  /** The data interval of a manual run triggered at `runAfter` (null where none applies). */
  inferManualDataInterval(runAfter: Date): DataInterval | null;
  /** The JSON form; `deserializeTimetable` rebuilds an equal timetable from it. */
  serialize(): SerializedTimetable;
}
