// The grid view's reads (Airflow's private ui/grid endpoints): the task tree (rows), the newest
// runs (columns) and one run's cells. Keys start with "grid" so live run and task events refresh them.
import { useQueries, useQuery } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type { DagRunState, GridNode, GridRun, GridTaskInstanceSummaries } from "./types";

/** Runs whose cells still change. */
export const isUnfinished = (state: DagRunState): boolean =>
  state === "queued" || state === "running";

/**
 * How often the cells of an unfinished run that no event stream follows are read again: the
 * DAG's stream tells of runs, not of their task instances.
 */
const UNFOLLOWED_REFRESH_MS = 5_000;

/** The task tree: tasks and task groups in the DAG's order. */
export function useGridStructure(dagId: string) {
  return useQuery({
    queryKey: ["grid", "structure", dagId],
    queryFn: ({ signal }) =>
      apiRequest<GridNode[]>(v2("ui", "grid", "structure", dagId), { signal }),
  });
}

/** The newest `limit` runs, newest first as the API sends them. */
export function useGridRuns(dagId: string, limit: number) {
  return useQuery({
    queryKey: ["grid", "runs", dagId, limit],
    queryFn: ({ signal }) =>
      apiRequest<GridRun[]>(v2("ui", "grid", "runs", dagId), { query: { limit }, signal }),
    placeholderData: (previous) => previous,
  });
}

const summariesQuery = (dagId: string, runId: string) => ({
  queryKey: ["grid", "summaries", dagId, runId],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    apiRequest<GridTaskInstanceSummaries>(v2("ui", "grid", "ti_summaries", dagId, runId), {
      signal,
    }),
});

/** One run's cells (null run: nothing to ask). */
export function useGridSummaries(dagId: string, runId: string | null) {
  return useQuery({ ...summariesQuery(dagId, runId ?? ""), enabled: runId !== null });
}

/**
 * The cells of every run shown, by run id (a run whose cells are still loading is absent).
 * `followed` is the run whose task instance events the page receives; other unfinished runs
 * are read again every few seconds.
 */
export function useGridSummariesOfRuns(
  dagId: string,
  runs: readonly GridRun[],
  followed: string | null,
): ReadonlyMap<string, GridTaskInstanceSummaries> {
  return useQueries({
    queries: runs.map((run) => ({
      ...summariesQuery(dagId, run.run_id),
      refetchInterval:
        run.run_id !== followed && isUnfinished(run.state) ? UNFOLLOWED_REFRESH_MS : false,
    })),
    combine: (results) => {
      const byRun = new Map<string, GridTaskInstanceSummaries>();
      for (const result of results) if (result.data) byRun.set(result.data.run_id, result.data);
      return byRun;
    },
  });
}
