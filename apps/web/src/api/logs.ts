// One try's log as the API serves it: pages of lines joined by continuation tokens, read until the
// API says the log has ended or has nothing more for now (a running try). The viewer adds what
// the live stream sends after that.
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { type TaskInstanceKey, taskInstanceApiPath } from "./taskInstances";
import type { StructuredLogLine, TaskInstanceLogs } from "./types";

/** Lines the API serves per page (its LOG_PAGE_LINES). */
export const LOG_PAGE_LINES = 1000;

/** The most pages one read follows. */
export const MAX_LOG_PAGES = 100;

export interface TryLog {
  readonly content: readonly (StructuredLogLine | string)[];
  /** More lines exist than MAX_LOG_PAGES pages hold. */
  readonly truncated: boolean;
}

/** Reads the try's log from its first line, following continuation tokens. */
export async function fetchTryLog(
  key: TaskInstanceKey,
  tryNumber: number,
  signal?: AbortSignal,
): Promise<TryLog> {
  // The log route takes the map index as a query parameter, not a path segment.
  const path = taskInstanceApiPath({ ...key, mapIndex: -1 }, "logs", tryNumber);
  const content: (StructuredLogLine | string)[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_LOG_PAGES; page++) {
    const answer = await apiRequest<TaskInstanceLogs>(path, {
      query: { map_index: key.mapIndex, token },
      signal,
    });
    content.push(...answer.content);
    // null: the log has ended; an empty page: a running try has written nothing more yet.
    if (answer.continuation_token === null || answer.content.length === 0)
      return { content, truncated: false };
    token = answer.continuation_token;
  }
  return { content, truncated: true };
}

/**
 * The try's log. `live` is part of the key so that the log is read again, whole, when the try
 * ends: the live stream may have closed before the try's last lines.
 */
export function useTryLog(key: TaskInstanceKey, tryNumber: number, live: boolean) {
  const tryKey = ["logs", key.dagId, key.runId, key.taskId, key.mapIndex, tryNumber] as const;
  return useQuery({
    queryKey: [...tryKey, live],
    queryFn: ({ signal }) => fetchTryLog(key, tryNumber, signal),
    // Only the same try's earlier read stands in while its final read loads.
    placeholderData: (previous, query) =>
      query !== undefined && tryKey.every((part, i) => query.queryKey[i] === part)
        ? previous
        : undefined,
  });
}
