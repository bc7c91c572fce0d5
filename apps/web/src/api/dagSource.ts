// What a DAG's file defines, for the Code and Details tabs: the file's text and the DAG's
// details (schedule, params, default args, docs). Neither changes while a run goes on, so live
// events leave them alone ("dagSource" and "dagDetails" keys); a reparse shows on the next visit.
import { useQuery } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type { DagDetails, DagSource } from "./types";

/** GET /dagSources/{dag_id} as JSON. */
export function useDagSource(dagId: string) {
  return useQuery({
    queryKey: ["dagSource", dagId],
    queryFn: ({ signal }) => apiRequest<DagSource>(v2("dagSources", dagId), { signal }),
  });
}

/** GET /dags/{dag_id}/details. */
export function useDagDetails(dagId: string) {
  return useQuery({
    queryKey: ["dagDetails", dagId],
    queryFn: ({ signal }) => apiRequest<DagDetails>(v2("dags", dagId, "details"), { signal }),
  });
}
