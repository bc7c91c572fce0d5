// A backfill (Airflow 3's `backfill create`): one run per timetable interval whose logical date
// falls in [from, to], regardless of catchup, as run type `backfill`. A date that already has a
// run is reported and left alone (Airflow's reprocess_behavior "none"); clear it to rerun it.
import { DagRunTriggeredByType, DagRunType, enumerateDueRuns, generateRunId } from "@updraft/sdk";
import { createDagRun, type DagRunRow, type SqlClient } from "@updraft/store";
import { restrictionOf } from "../loop/createDagRuns";
import type { DagCache } from "../loop/dagCache";

/** Input of createBackfill. */
export interface CreateBackfillInput {
  readonly dagId: string;
  /** First logical date (inclusive). */
  readonly fromDate: Date;
  /** Last logical date (inclusive). */
  readonly toDate: Date;
  readonly conf?: Readonly<Record<string, unknown>>;
  /** List the runs without creating them. @default false */
  readonly dryRun?: boolean;
}

/** The planned or created backfill runs, and the logical dates skipped because a run exists. */
export interface BackfillResult {
  readonly runs: {
    readonly runId: string;
    readonly logicalDate: Date | null;
    readonly created: boolean;
  }[];
  readonly created: DagRunRow[];
}

/** Creates the backfill's runs (queued; the scheduler starts them under max_active_runs). */
export async function createBackfill(
  client: SqlClient,
  cache: DagCache,
  input: CreateBackfillInput,
): Promise<BackfillResult> {
  if (input.fromDate.getTime() > input.toDate.getTime())
    throw new RangeError("from_date: must not be after to_date");
  const dag = await cache.get(input.dagId);
  if (dag === null) throw new RangeError(`dag_id: no DAG "${input.dagId}" is stored`);
  if (!dag.timetable.periodic)
    throw new RangeError(`dag_id: DAG "${input.dagId}" has no periodic schedule to backfill`);
  const restriction = restrictionOf(dag);
  const due = enumerateDueRuns(dag.timetable, {
    restriction: {
      earliest: input.fromDate,
      latest:
        restriction.latest === null || restriction.latest > input.toDate
          ? input.toDate
          : restriction.latest,
      catchup: true,
    },
    lastAutomatedDataInterval: null,
    now: new Date(8.64e15),
    limit: 10_000,
  }).filter((info) => info.logicalDate !== null && info.logicalDate <= input.toDate);
  const runs: { runId: string; logicalDate: Date | null; created: boolean }[] = [];
  const created: DagRunRow[] = [];
  for (const info of due) {
    const runId = generateRunId(DagRunType.BACKFILL, info.runAfter);
    if (input.dryRun) {
      runs.push({ runId, logicalDate: info.logicalDate, created: false });
      continue;
    }
    try {
      const { dagRun } = await createDagRun(client, {
        dag: dag.serialized,
        runId,
        runType: DagRunType.BACKFILL,
        logicalDate: info.logicalDate,
        dataIntervalStart: info.dataInterval?.start ?? null,
        dataIntervalEnd: info.dataInterval?.end ?? null,
        runAfter: info.runAfter,
        conf: input.conf ?? {},
        triggeredBy: DagRunTriggeredByType.BACKFILL,
        priorityWeights: dag.priorityWeights,
      });
      created.push(dagRun);
      runs.push({ runId, logicalDate: info.logicalDate, created: true });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "DAG_RUN_EXISTS") throw error;
      runs.push({ runId, logicalDate: info.logicalDate, created: false });
    }
  }
  return { runs, created };
}
