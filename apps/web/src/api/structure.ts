// The graph view's read (Airflow's private ui/structure/structure_data): the DAG's tasks and
// task groups as a tree of nodes, and the task-to-task edges.
import { useQuery } from "@tanstack/react-query";
import { apiRequest, v2 } from "./client";
import type { StructureData } from "./types";

export function useStructureData(dagId: string) {
  return useQuery({
    queryKey: ["structure", dagId],
    queryFn: ({ signal }) =>
      apiRequest<StructureData>(v2("ui", "structure", "structure_data"), {
        query: { dag_id: dagId },
        signal,
      }),
  });
}
