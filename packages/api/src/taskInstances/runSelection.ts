// Which runs of a DAG a mark or a clear covers: one run; or, with include_past/include_future,
// the runs whose logical date is at or before/after that run's (Airflow's get_run_ids and the
// date-based DAG.clear); or the runs between a start and an end logical date.
import { type DagRunRow, listDagRuns, type SqlClient } from "@updraft/store";

// A DAG's runs are read whole: a clear across dates is rare and the run list is one indexed read.
const ALL_RUNS = 1_000_000;

/** Run ids with a logical date in [start, end] (a missing bound is open); all runs when both are. */
export async function runIdsBetween(
  client: SqlClient,
  dagId: string,
  start: Date | null,
  end: Date | null,
): Promise<string[] | undefined> {
  if (start === null && end === null) return undefined;
  const runs = await listDagRuns(client, { dagId, limit: ALL_RUNS });
  return runs
    .filter(
      (r) =>
        r.logicalDate !== null &&
        (start === null || r.logicalDate.getTime() >= start.getTime()) &&
        (end === null || r.logicalDate.getTime() <= end.getTime()),
    )
    .map((r) => r.runId);
}

/**
 * The run itself, plus the runs before (`past`) and/or after (`future`) it by logical date; the
 * caller has refused past/future for a run without a logical date.
 */
export async function runIdsAround(
  client: SqlClient,
  run: DagRunRow,
  past: boolean,
  future: boolean,
): Promise<string[]> {
  if ((!past && !future) || run.logicalDate === null) return [run.runId];
  const at = run.logicalDate;
  const ids =
    (await runIdsBetween(client, run.dagId, past ? null : at, future ? null : at)) ??
    (await listDagRuns(client, { dagId: run.dagId, limit: ALL_RUNS }))
      .filter((r) => r.logicalDate !== null)
      .map((r) => r.runId);
  return ids.includes(run.runId) ? ids : [run.runId, ...ids];
}
