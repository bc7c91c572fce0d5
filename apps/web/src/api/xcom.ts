// A task instance's XCom entries and their values. A try writes its XComs as it ends (and a new
// try drops the old ones), so `version` — the instance's try and state — is part of each key:
// the entries are read again whenever the instance moves on.
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { type TaskInstanceKey, taskInstanceApiPath } from "./taskInstances";
import type { XComCollection, XComEntry } from "./types";

/** The most entries the list shows. */
export const XCOM_LIST_LIMIT = 100;

const entriesPath = (key: TaskInstanceKey, ...more: readonly string[]) =>
  // XCom routes take the map index as a query parameter, not a path segment.
  taskInstanceApiPath({ ...key, mapIndex: -1 }, "xcomEntries", ...more);

const keyParts = (key: TaskInstanceKey) => [key.dagId, key.runId, key.taskId, key.mapIndex];

export function useXComEntries(key: TaskInstanceKey, version: string) {
  return useQuery({
    queryKey: ["xcom", "list", ...keyParts(key), version],
    queryFn: ({ signal }) =>
      apiRequest<XComCollection>(entriesPath(key), {
        query: { map_index: key.mapIndex, limit: XCOM_LIST_LIMIT },
        signal,
      }),
  });
}

/** One entry with its value as the task pushed it (deserialized). */
export function useXComValue(key: TaskInstanceKey, xcomKey: string, version: string) {
  return useQuery({
    queryKey: ["xcom", "value", ...keyParts(key), xcomKey, version],
    queryFn: ({ signal }) =>
      apiRequest<XComEntry>(entriesPath(key, xcomKey), {
        query: { map_index: key.mapIndex, deserialize: true },
        signal,
      }),
  });
}
