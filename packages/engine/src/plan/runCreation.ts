// Which automated runs a DAG gets now (Airflow's _create_dag_runs + DagModel.calculate_dagrun_
// date_fields): due runs up to the free max_active_runs slots, oldest first, and the run after
// them, which the DAG's next_dagrun fields show.
import { DagRunType, enumerateDueRuns, generateRunId } from "@updraft/sdk";
import type { DagRunInfo, DataInterval, TimeRestriction, Timetable } from "@updraft/sdk";

/** Input of planRunCreation. */
export interface RunCreationInput {
  readonly timetable: Timetable;
  readonly restriction: TimeRestriction;
  /** Data interval of the latest scheduled/backfill run; null when there is none. */
  readonly lastAutomatedDataInterval: DataInterval | null;
  /** Queued + running runs of the DAG now. */
  readonly activeRuns: number;
  readonly maxActiveRuns: number;
  readonly now: Date;
}

/** A run to create. */
export interface PlannedRun {
  readonly runId: string;
  readonly info: DagRunInfo;
}

/** What to create now and what comes next. */
export interface RunCreationPlan {
  readonly create: PlannedRun[];
  /** The next automated run after those created (due or not), or null when there is none. */
  readonly next: DagRunInfo | null;
}

/** Plans the scheduled runs of one DAG. */
export function planRunCreation(input: RunCreationInput): RunCreationPlan {
  const free = Math.max(0, input.maxActiveRuns - input.activeRuns);
  if (!input.timetable.periodic) return { create: [], next: null };
  const due = enumerateDueRuns(input.timetable, {
    restriction: input.restriction,
    lastAutomatedDataInterval: input.lastAutomatedDataInterval,
    now: input.now,
    limit: free,
  });
  const last = due.at(-1)?.dataInterval ?? input.lastAutomatedDataInterval;
  const next = input.timetable.nextDagRunInfo({
    lastAutomatedDataInterval: last,
    restriction: input.restriction,
    now: input.now,
  });
  return {
    create: due.map((info) => ({
      runId: generateRunId(DagRunType.SCHEDULED, info.runAfter),
      info,
    })),
    next,
  };
}

/** True when a running run has run longer than the DAG's dagrun_timeout. */
export function isDagRunTimedOut(
  startDate: Date | null,
  dagrunTimeoutMs: number | null,
  now: Date,
): boolean {
  if (startDate === null || dagrunTimeoutMs === null || dagrunTimeoutMs <= 0) return false;
  return now.getTime() - startDate.getTime() > dagrunTimeoutMs;
}
