// DAG runs: the run lists (one DAG's, or every DAG's with `~`), one run, its task instances and
// progress, and the run actions (clear, mark, delete). Each action refreshes every read that shows
// runs or their task instances, so the change shows at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type {
  DagRun,
  DagRunCollection,
  DagRunState,
  DagRunType,
  TaskInstanceCollection,
  TaskInstanceState,
} from "./types";

/** A run list's query string as Airflow's GET /dags/{dag_id}/dagRuns reads it. */
export interface DagRunListQuery {
  readonly state?: readonly DagRunState[];
  readonly run_type?: readonly DagRunType[];
  readonly run_after_gte?: string;
  readonly run_after_lte?: string;
  readonly run_id_pattern?: string;
  /** Only where every DAG's runs are listed. */
  readonly dag_id_pattern?: string;
  /** An attribute, `-` first for descending. */
  readonly order_by?: string;
  readonly limit: number;
  readonly offset: number;
}

/** `dagId` "~" lists every DAG's runs. */
export function useDagRuns(dagId: string, query: DagRunListQuery) {
  return useQuery({
    queryKey: ["dagRuns", "list", dagId, query],
    queryFn: ({ signal }) =>
      apiRequest<DagRunCollection>(v2("dags", dagId, "dagRuns"), { query: { ...query }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useDagRun(dagId: string, runId: string) {
  return useQuery({
    queryKey: ["dagRuns", "one", dagId, runId],
    queryFn: ({ signal }) => apiRequest<DagRun>(v2("dags", dagId, "dagRuns", runId), { signal }),
  });
}

const runTaskInstances = (dagId: string, runId: string) =>
  v2("dags", dagId, "dagRuns", runId, "taskInstances");

/** A page of the run's task instances, by task then map index. */
export function useRunTaskInstances(
  dagId: string,
  runId: string,
  page: { readonly limit: number; readonly offset: number },
) {
  return useQuery({
    queryKey: ["taskInstances", "ofRun", dagId, runId, page],
    queryFn: ({ signal }) =>
      apiRequest<TaskInstanceCollection>(runTaskInstances(dagId, runId), {
        query: { ...page, order_by: ["task_id", "map_index"] },
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

/** States a task instance does not leave without someone clearing it. */
export const DONE_STATES: readonly TaskInstanceState[] = [
  "success",
  "failed",
  "skipped",
  "upstream_failed",
  "removed",
];

export interface RunProgress {
  readonly done: number;
  readonly total: number;
}

/** How many of the run's task instances are done: two counts (limit 0 answers the total only). */
export function useRunProgress(dagId: string, runId: string) {
  return useQuery({
    queryKey: ["taskInstances", "progress", dagId, runId],
    queryFn: async ({ signal }): Promise<RunProgress> => {
      const path = runTaskInstances(dagId, runId);
      const [all, done] = await Promise.all([
        apiRequest<TaskInstanceCollection>(path, { query: { limit: 0 }, signal }),
        apiRequest<TaskInstanceCollection>(path, {
          query: { limit: 0, state: DONE_STATES },
          signal,
        }),
      ]);
      return { done: done.total_entries, total: all.total_entries };
    },
  });
}

const CLEAR_PREVIEW = "clearPreview";

/** The task instances clearing the run would clear (the API's dry run; nothing changes). */
export function useClearDagRunPreview(dagId: string, runId: string, onlyFailed: boolean) {
  return useQuery({
    queryKey: ["taskInstances", CLEAR_PREVIEW, dagId, runId, onlyFailed],
    queryFn: ({ signal }) =>
      apiRequest<TaskInstanceCollection>(v2("dags", dagId, "dagRuns", runId, "clear"), {
        method: "POST",
        body: { dry_run: true, only_failed: onlyFailed },
        signal,
      }),
    gcTime: 0,
    staleTime: 0,
  });
}

/** What a run action changes: runs, their grid columns and task instances, the DAG's last runs. */
const CHANGED_BY_RUN_ACTIONS = ["dagRuns", "grid", "taskInstances", "taskInstanceTries", "dags"];

function useRunAction<A>(request: (args: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      for (const prefix of CHANGED_BY_RUN_ACTIONS)
        void queryClient.invalidateQueries({
          queryKey: [prefix],
          // A dry run's list belongs to the dialog the action closes: asking again is waste.
          predicate: (query) => query.queryKey[1] !== CLEAR_PREVIEW,
        });
    },
  });
}

/** Clears the run's task instances (all, or the failed ones) so the scheduler runs them again. */
export function useClearDagRun(dagId: string, runId: string) {
  return useRunAction((onlyFailed: boolean) =>
    apiRequest<DagRun>(v2("dags", dagId, "dagRuns", runId, "clear"), {
      method: "POST",
      body: { dry_run: false, only_failed: onlyFailed },
    }),
  );
}

/** Marks the run (and its unfinished task instances) success or failed. */
export function useMarkDagRun(dagId: string, runId: string) {
  return useRunAction((state: "success" | "failed") =>
    apiRequest<DagRun>(v2("dags", dagId, "dagRuns", runId), {
      method: "PATCH",
      body: { state },
    }),
  );
}

export function useDeleteDagRun(dagId: string, runId: string) {
  return useRunAction(() =>
    apiRequest<void>(v2("dags", dagId, "dagRuns", runId), { method: "DELETE" }),
  );
}
