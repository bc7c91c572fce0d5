// Cached API answers with one DAG's pause state changed, so a pause shows everywhere the DAG is
// on screen before the server answers: a DAG (GET /dags/{id}, its details) or a list holding
// DAGs (`{dags: [...]}`). Anything else comes back unchanged, the same object.

interface PausableDag {
  readonly dag_id: string;
  readonly is_paused: boolean;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isPausableDag = (value: unknown): value is PausableDag =>
  isRecord(value) && typeof value.dag_id === "string" && typeof value.is_paused === "boolean";

function patchDag<T>(value: T, dagId: string, isPaused: boolean): T {
  if (!isPausableDag(value) || value.dag_id !== dagId || value.is_paused === isPaused) return value;
  return { ...value, is_paused: isPaused };
}

/** `data` with the DAG `dagId` paused (or not); the same object when it holds no such DAG. */
export function withDagPaused<T>(data: T, dagId: string, isPaused: boolean): T {
  if (isPausableDag(data)) return patchDag(data, dagId, isPaused);
  if (!isRecord(data) || !Array.isArray(data.dags)) return data;
  const dags = data.dags as readonly unknown[];
  const patched = dags.map((dag) => patchDag(dag, dagId, isPaused));
  return patched.some((dag, i) => dag !== dags[i]) ? { ...data, dags: patched } : data;
}
