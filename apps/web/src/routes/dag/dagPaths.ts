// The UI's addresses of a DAG, a run and a task instance (Airflow 3's paths), each id encoded as
// one path segment: run ids hold ":" and "+", task ids of groups hold ".".
const segment = (value: string | number) => encodeURIComponent(String(value));

/** `/dags/:dagId` plus a tab ("graph", "runs", "code", "details"). */
export function dagPath(dagId: string, tab?: string): string {
  return `/dags/${segment(dagId)}${tab === undefined ? "" : `/${tab}`}`;
}

export function runPath(dagId: string, runId: string): string {
  return `${dagPath(dagId)}/runs/${segment(runId)}`;
}

/** A mapped instance's page when `mapIndex` is given and not -1. */
export function taskInstancePath(
  dagId: string,
  runId: string,
  taskId: string,
  mapIndex?: number,
): string {
  const base = `${runPath(dagId, runId)}/tasks/${segment(taskId)}`;
  return mapIndex === undefined || mapIndex < 0 ? base : `${base}/mapped/${mapIndex}`;
}
