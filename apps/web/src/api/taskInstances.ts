// One task instance: its current state, its tries, its mapped instances, its task's definition,
// and the actions on it (clear, mark success/failed) with their dry runs. Each action refreshes
// every read that shows task instances, runs or logs, so the change shows at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type {
  Task,
  TaskInstanceResponse,
  TaskInstanceResponseCollection,
  TaskInstanceHistoryCollection,
} from "./types";

/** Which task instance: map index -1 for an unmapped one (or a mapped task as a whole). */
export interface TaskInstanceKey {
  readonly dagId: string;
  readonly runId: string;
  readonly taskId: string;
  readonly mapIndex: number;
}

const instancesOf = (key: TaskInstanceKey) =>
  ["dags", key.dagId, "dagRuns", key.runId, "taskInstances", key.taskId] as const;

/** `…/taskInstances/{task_id}` or `…/{task_id}/{map_index}` plus `more` segments. */
export function taskInstanceApiPath(
  key: TaskInstanceKey,
  ...more: readonly (string | number)[]
): string {
  const mapped = key.mapIndex >= 0 ? [key.mapIndex] : [];
  return v2(...instancesOf(key), ...mapped, ...more);
}

const keyParts = (key: TaskInstanceKey) => [key.dagId, key.runId, key.taskId, key.mapIndex];

export function useTaskInstance(key: TaskInstanceKey, enabled = true) {
  return useQuery({
    queryKey: ["taskInstances", "detail", ...keyParts(key)],
    queryFn: ({ signal }) => apiRequest<TaskInstanceResponse>(taskInstanceApiPath(key), { signal }),
    enabled,
  });
}

/** Every try, oldest first (the current try is the last). */
export function useTaskInstanceTries(key: TaskInstanceKey, enabled = true) {
  return useQuery({
    queryKey: ["taskInstanceTries", ...keyParts(key)],
    queryFn: ({ signal }) =>
      apiRequest<TaskInstanceHistoryCollection>(taskInstanceApiPath(key, "tries"), { signal }),
    enabled,
  });
}

/** A page of a mapped task's instances, by map index. */
export function useMappedTaskInstances(
  key: Omit<TaskInstanceKey, "mapIndex">,
  page: { readonly limit: number; readonly offset: number },
  enabled = true,
) {
  return useQuery({
    queryKey: ["taskInstances", "mapped", key.dagId, key.runId, key.taskId, page],
    queryFn: ({ signal }) =>
      apiRequest<TaskInstanceResponseCollection>(
        v2(...instancesOf({ ...key, mapIndex: -1 }), "listMapped"),
        { query: { ...page, order_by: "map_index" }, signal },
      ),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** The task as the DAG defines it (whether it is mapped, its trigger rule, retries, docs). */
export function useTask(dagId: string, taskId: string) {
  return useQuery({
    queryKey: ["tasks", dagId, taskId],
    queryFn: ({ signal }) => apiRequest<Task>(v2("dags", dagId, "tasks", taskId), { signal }),
  });
}

/** Airflow's relatives of a task instance an action may take along. */
export interface RelativeOptions {
  readonly upstream: boolean;
  readonly downstream: boolean;
  readonly past: boolean;
  readonly future: boolean;
}

export interface ClearOptions extends RelativeOptions {
  readonly onlyFailed: boolean;
}

/** ClearTaskInstancesBody for one task instance (every map index of a mapped task at -1). */
export function clearTaskInstancesBody(
  key: TaskInstanceKey,
  options: ClearOptions,
  dryRun: boolean,
) {
  return {
    dry_run: dryRun,
    task_ids: key.mapIndex >= 0 ? [[key.taskId, key.mapIndex]] : [key.taskId],
    dag_run_id: key.runId,
    include_upstream: options.upstream,
    include_downstream: options.downstream,
    include_past: options.past,
    include_future: options.future,
    // The API clears only failed instances unless told otherwise (Airflow's default).
    only_failed: options.onlyFailed,
  };
}

const clearPath = (dagId: string) => v2("dags", dagId, "clearTaskInstances");

/** What clearing with `options` would clear: the API's dry run, refreshed as options change. */
export function useClearPreview(key: TaskInstanceKey, options: ClearOptions) {
  return useQuery({
    queryKey: ["taskInstances", "clearPreview", ...keyParts(key), options],
    queryFn: ({ signal }) =>
      apiRequest<TaskInstanceResponseCollection>(clearPath(key.dagId), {
        method: "POST",
        body: clearTaskInstancesBody(key, options, true),
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

/** The prefixes of every read an action on a task instance can change. */
const AFFECTED = ["taskInstances", "taskInstanceTries", "grid", "dagRuns", "logs"] as const;

/** Dry runs are of the dialog that acted, which closes: not worth reading again. */
const PREVIEWS: ReadonlySet<unknown> = new Set(["clearPreview", "markPreview"]);

function useRefreshAfterAction() {
  const queryClient = useQueryClient();
  return () => {
    for (const prefix of AFFECTED)
      void queryClient.invalidateQueries({
        queryKey: [prefix],
        predicate: (query) => !PREVIEWS.has(query.queryKey[1]),
      });
  };
}

export function useClearTaskInstance(key: TaskInstanceKey) {
  const refresh = useRefreshAfterAction();
  return useMutation({
    mutationFn: (options: ClearOptions) =>
      apiRequest<TaskInstanceResponseCollection>(clearPath(key.dagId), {
        method: "POST",
        body: clearTaskInstancesBody(key, options, false),
      }),
    onSuccess: refresh,
  });
}

/** The states the UI marks a task instance with. */
export type MarkState = "success" | "failed";

/** PatchTaskInstanceBody setting the state. */
export function markTaskInstanceBody(state: MarkState, options: RelativeOptions) {
  return {
    new_state: state,
    include_upstream: options.upstream,
    include_downstream: options.downstream,
    include_past: options.past,
    include_future: options.future,
  };
}

/** What marking would change: the API's dry run (instances not in `state` yet). */
export function useMarkPreview(key: TaskInstanceKey, state: MarkState, options: RelativeOptions) {
  return useQuery({
    queryKey: ["taskInstances", "markPreview", ...keyParts(key), state, options],
    queryFn: ({ signal }) =>
      apiRequest<TaskInstanceResponseCollection>(taskInstanceApiPath(key, "dry_run"), {
        method: "PATCH",
        body: markTaskInstanceBody(state, options),
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function useMarkTaskInstance(key: TaskInstanceKey) {
  const refresh = useRefreshAfterAction();
  return useMutation({
    mutationFn: ({ state, options }: { state: MarkState; options: RelativeOptions }) =>
      apiRequest<TaskInstanceResponseCollection>(taskInstanceApiPath(key), {
        method: "PATCH",
        body: markTaskInstanceBody(state, options),
      }),
    onSuccess: refresh,
  });
}
