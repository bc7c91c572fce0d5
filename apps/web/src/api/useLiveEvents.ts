// The API's server-sent events (GET /api/v2/events) keep the cache fresh without polling: a
// run or task-instance change refetches the reads that show it. `onLog` receives each batch of
// log lines (from the try's first line on) when the filter names a try. EventSource sends the `_token` cookie the login set.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { queryString } from "./client";
import type { StructuredLogLine } from "./types";

export interface LiveLogBatch {
  readonly content: readonly StructuredLogLine[];
  readonly continuation_token: string;
}

export interface LiveEventsFilter {
  readonly dag_id?: string;
  readonly dag_run_id?: string;
  readonly task_id?: string;
  readonly map_index?: number;
  readonly try_number?: number;
}

/** Cache keys start with the resource's name; see each resource's hooks in src/api. */
const REFRESHED_BY: Readonly<Record<string, readonly string[]>> = {
  dag_run: ["dags", "dagRuns", "grid", "taskInstances"],
  task_instance: ["taskInstances", "grid", "dagRuns", "taskInstanceTries"],
};

export function useLiveEvents(
  filter: LiveEventsFilter | null,
  onLog?: (batch: LiveLogBatch) => void,
): void {
  const queryClient = useQueryClient();
  const onLogRef = useRef(onLog);
  useEffect(() => {
    onLogRef.current = onLog;
  }, [onLog]);
  const key = filter === null ? null : queryString({ ...filter });
  useEffect(() => {
    if (key === null || typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/v2/events${key}`);
    let pending: ReturnType<typeof setTimeout> | null = null;
    const stale = new Set<string>();
    // Events come in bursts (a run finishing moves many task instances): refetch once per burst.
    const refresh = (type: string) => {
      for (const prefix of REFRESHED_BY[type] ?? []) stale.add(prefix);
      pending ??= setTimeout(() => {
        pending = null;
        for (const prefix of stale) void queryClient.invalidateQueries({ queryKey: [prefix] });
        stale.clear();
      }, 150);
    };
    source.addEventListener("dag_run", () => refresh("dag_run"));
    source.addEventListener("task_instance", () => refresh("task_instance"));
    source.addEventListener("log", (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as LiveLogBatch;
      onLogRef.current?.(data);
    });
    return () => {
      source.close();
      if (pending !== null) clearTimeout(pending);
    };
  }, [key, queryClient]);
}
