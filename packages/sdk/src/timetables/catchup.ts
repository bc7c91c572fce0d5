// Which automated runs are due now: the scheduler's loop over `nextDagRunInfo`, run as a pure
// function. With catchup every missed interval since the start date comes back, else the latest.
import { DagDefinitionError } from "../errors";
import type { DagRunInfo, DataInterval, TimeRestriction, Timetable } from "./timetable";

/** Input of `enumerateDueRuns`. */
export interface EnumerateDueRunsInput {
  /** Start/end dates and catchup of the DAG. */
  readonly restriction: TimeRestriction;
  /** Data interval of the latest automated run, or null if there is none yet. */
  readonly lastAutomatedDataInterval: DataInterval | null;
  /** The current time; runs with `runAfter <= now` are due. */
  readonly now: Date;
  /**
   * At most this many runs are returned, so a long-dead DAG with catchup cannot flood the loop.
   * @default 1000
   */
  readonly limit?: number;
}

/**
 * The runs due at `now`, oldest first, found by calling `nextDagRunInfo` with each run as the
 * latest automated one. Stops at the first run not yet due, at the end date, when a timetable
 * makes no progress (e.g. "@continuous", which has one run due at a time), or at `limit`.
 */
export function enumerateDueRuns(timetable: Timetable, input: EnumerateDueRunsInput): DagRunInfo[] {
  const limit = input.limit ?? 1000;
  if (!Number.isInteger(limit) || limit < 0)
    throw new DagDefinitionError(
      "INVALID_ARGUMENT",
      `limit: expected a non-negative integer, got ${JSON.stringify(limit)}`,
      { details: { field: "limit", value: limit } },
    );
  const { restriction, now } = input;
  const due: DagRunInfo[] = [];
  let last = input.lastAutomatedDataInterval;
  while (due.length < limit) {
    const info = timetable.nextDagRunInfo({ lastAutomatedDataInterval: last, restriction, now });
    if (!info || info.runAfter.getTime() > now.getTime()) break;
    const previous = due[due.length - 1];
    if (previous && info.runAfter.getTime() <= previous.runAfter.getTime()) break;
    due.push(info);
    if (!info.dataInterval) break;
    last = info.dataInterval;
  }
  return due;
}
