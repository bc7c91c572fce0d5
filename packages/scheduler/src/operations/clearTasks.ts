// Clearing task instances so they run again (Airflow's `tasks clear` / the UI's Clear): the
// chosen tasks, optionally with everything downstream or upstream of them, optionally only the
// failed ones. A finished run goes back to queued so the scheduler picks it up; running tries
// become `restarting` and are stopped by their worker's next heartbeat.
import { TaskInstanceState } from "@updraft/sdk";
import {
  clearTaskInstances,
  listDagRuns,
  listTaskInstances,
  notifyScheduler,
  setDagRunState,
  type SqlClient,
  type TaskInstanceRow,
} from "@updraft/store";
import type { DagCache, SchedulableDag } from "../loop/dagCache";

/** Input of clearTasks. */
export interface ClearTasksInput {
  readonly dagId: string;
  /** The runs to clear in; every run of the DAG when omitted. */
  readonly runIds?: readonly string[];
  readonly taskIds: readonly string[];
  /** Also clear every task downstream of the chosen ones. @default false */
  readonly downstream?: boolean;
  /** Also clear every task upstream of the chosen ones. @default false */
  readonly upstream?: boolean;
  /** Only failed and upstream_failed instances. @default false */
  readonly onlyFailed?: boolean;
  /** List what would be cleared without changing anything. @default false */
  readonly dryRun?: boolean;
}

/** Task ids reachable from `start` along `next` (the start ids included). */
function reachable(start: readonly string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set(start);
  const stack = [...start];
  while (stack.length > 0) {
    for (const id of next(stack.pop()!)) {
      if (!seen.has(id)) {
        seen.add(id);
        stack.push(id);
      }
    }
  }
  return seen;
}

/** The task ids a clear covers. */
export function tasksToClear(dag: SchedulableDag, input: ClearTasksInput): Set<string> {
  const unknown = input.taskIds.filter((id) => !dag.taskById.has(id));
  if (unknown.length > 0)
    throw new RangeError(`task_ids: DAG "${dag.dagId}" has no task ${unknown.join(", ")}`);
  const ids = new Set(input.taskIds);
  if (input.downstream)
    for (const id of reachable(
      input.taskIds,
      (t) => dag.taskById.get(t)?.downstream_task_ids ?? [],
    ))
      ids.add(id);
  if (input.upstream)
    for (const id of reachable(input.taskIds, (t) => dag.taskById.get(t)?.upstream_task_ids ?? []))
      ids.add(id);
  return ids;
}

const FAILED: ReadonlySet<string | null> = new Set([
  TaskInstanceState.FAILED,
  TaskInstanceState.UPSTREAM_FAILED,
]);

/** Clears the matching task instances; returns them as they were before the clear. */
export async function clearTasks(
  client: SqlClient,
  cache: DagCache,
  input: ClearTasksInput,
): Promise<TaskInstanceRow[]> {
  const dag = await cache.get(input.dagId);
  if (dag === null) throw new RangeError(`dag_id: no DAG "${input.dagId}" is stored`);
  const taskIds = tasksToClear(dag, input);
  return client.transaction(async (tx) => {
    const allRuns = await listDagRuns(tx, { dagId: input.dagId, limit: 100_000 });
    const runs =
      input.runIds === undefined ? allRuns : allRuns.filter((r) => input.runIds!.includes(r.runId));
    const matched: TaskInstanceRow[] = [];
    for (const { runId } of runs) {
      const tis = await listTaskInstances(tx, { dagId: input.dagId, runId });
      matched.push(
        ...tis.filter(
          (ti) => taskIds.has(ti.taskId) && (!input.onlyFailed || FAILED.has(ti.state)),
        ),
      );
    }
    if (input.dryRun || matched.length === 0) return matched;
    await clearTaskInstances(tx, { keys: matched });
    for (const run of runs.filter((r) => matched.some((ti) => ti.runId === r.runId)))
      await setDagRunState(tx, { id: run.id, from: ["success", "failed"], to: "queued" });
    await notifyScheduler(tx, "cleared");
    return matched;
  });
}
