// The stored DAG an endpoint works on, or the 404 Airflow answers when there is none.
import type { DagCache, SchedulableDag } from "@updraft/scheduler";
import { notFound } from "../http/apiError";

/** The text of Airflow's 404 for an unknown DAG. */
export const dagNotFound = (dagId: string): string => `The Dag with ID: \`${dagId}\` was not found`;

/** The current version of `dagId`, or ApiError NOT_FOUND. */
export async function dagOrNotFound(cache: DagCache, dagId: string): Promise<SchedulableDag> {
  const dag = await cache.get(dagId);
  if (dag === null) throw notFound(dagNotFound(dagId));
  return dag;
}
