// Polls a DAG run over the REST API until it finishes (or `timeoutMs` passes), for set-up steps
// that need a finished run before the browser looks at it.
import type { ServerApi } from "./serverApi";

export interface DagRunState {
  readonly dag_run_id: string;
  readonly state: string;
}

/** Resolves with the run's final state ("success" or "failed"); rejects after `timeoutMs`. */
export async function waitForRun(
  api: ServerApi,
  dagId: string,
  runId: string,
  timeoutMs = 60_000,
): Promise<string> {
  const path = `/dags/${encodeURIComponent(dagId)}/dagRuns/${encodeURIComponent(runId)}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { state } = await api.request<DagRunState>("GET", path);
    if (state === "success" || state === "failed") return state;
    if (Date.now() > deadline)
      throw new Error(`${dagId} run ${runId} still ${state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
