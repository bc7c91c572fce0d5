// The DAGs' reads and the DAG-level actions: the list with each DAG's newest runs (the UI's
// recent_dag_runs), the public list, one DAG, the tags in use, pausing (shown at once, undone if
// the server refuses) and triggering a run. Keys start with "dags" so live events and every
// pause refresh them; a DAG's details live under "dagDetails" (src/api/dagSource.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type {
  Dag,
  DagCollection,
  DagRun,
  DagTagCollection,
  DagWithLatestRunsCollection,
  TriggerDagRunBody,
} from "./types";
import { withDagPaused } from "./withDagPaused";

/** The DAGs list's query, as the API names it (GET /dags and ui/dags/recent_dag_runs). */
export interface DagListQuery {
  readonly dag_id_pattern?: string;
  readonly tags?: readonly string[];
  readonly tags_match_mode?: "any" | "all";
  readonly paused?: boolean;
  readonly order_by?: string;
  readonly limit: number;
  readonly offset: number;
}

/** GET /ui/dags/recent_dag_runs: a page of DAGs, each with its `dag_runs_limit` newest runs. */
export function useRecentDagRuns(query: DagListQuery, dagRunsLimit = 10) {
  return useQuery({
    queryKey: ["dags", "recentDagRuns", query, dagRunsLimit],
    queryFn: ({ signal }) =>
      apiRequest<DagWithLatestRunsCollection>(v2("ui", "dags", "recent_dag_runs"), {
        query: { ...query, dag_runs_limit: dagRunsLimit },
        signal,
      }),
    // A new filter keeps the old rows on screen until the new ones arrive (no flashing table).
    placeholderData: keepPreviousData,
  });
}

/** GET /dags: a page of DAGs (no runs). */
export function useDags(query: DagListQuery) {
  return useQuery({
    queryKey: ["dags", "list", query],
    queryFn: ({ signal }) => apiRequest<DagCollection>(v2("dags"), { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET /dags/{dag_id}. */
export function useDag(dagId: string) {
  return useQuery({
    queryKey: ["dags", "one", dagId],
    queryFn: ({ signal }) => apiRequest<Dag>(v2("dags", dagId), { signal }),
  });
}

/** GET /dagTags: every tag in use, for the tag filter. */
export function useDagTags() {
  return useQuery({
    queryKey: ["dags", "tags"],
    queryFn: ({ signal }) =>
      apiRequest<DagTagCollection>(v2("dagTags"), { query: { limit: 100 }, signal }),
    staleTime: 60_000,
  });
}

export interface PatchDagInput {
  readonly dagId: string;
  readonly isPaused: boolean;
}

/** The prefixes whose cached data holds DAGs (lists and single DAGs). */
const DAG_CACHES = [["dags"], ["dagDetails"]] as const;

/**
 * PATCH /dags/{dag_id} {is_paused}. Every cached copy of the DAG changes before the server
 * answers; a refusal puts the copies back (and the caller shows why), then the caches refetch.
 */
export function usePatchDag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dagId, isPaused }: PatchDagInput) =>
      apiRequest<Dag>(v2("dags", dagId), { method: "PATCH", body: { is_paused: isPaused } }),
    onMutate: async ({ dagId, isPaused }) => {
      await Promise.all(DAG_CACHES.map((key) => queryClient.cancelQueries({ queryKey: key })));
      const snapshots = DAG_CACHES.flatMap((key) => queryClient.getQueriesData({ queryKey: key }));
      for (const key of DAG_CACHES)
        queryClient.setQueriesData({ queryKey: key }, (data: unknown) =>
          withDagPaused(data, dagId, isPaused),
        );
      return { snapshots };
    },
    onError: (_error, _input, context) => {
      for (const [key, data] of context?.snapshots ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () =>
      Promise.all(DAG_CACHES.map((key) => queryClient.invalidateQueries({ queryKey: key }))),
  });
}

/** POST /dags/{dag_id}/dagRuns; the new run shows at once in the lists and the grid. */
export function useTriggerDagRun(dagId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TriggerDagRunBody) =>
      apiRequest<DagRun>(v2("dags", dagId, "dagRuns"), { method: "POST", body }),
    onSuccess: () =>
      Promise.all(
        ["dags", "dagRuns", "grid"].map((prefix) =>
          queryClient.invalidateQueries({ queryKey: [prefix] }),
        ),
      ),
  });
}
