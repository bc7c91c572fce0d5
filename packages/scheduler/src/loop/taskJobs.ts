// Queued task instances as executor jobs, and the re-enqueue of queued tries that may have been
// lost in transport (Redis restarted or flushed): the database says they are queued, so they are
// handed to the executor again under the same job id, a no-op where the job still exists.
import type { Executor, TaskJob } from "@updraft/executor";
import { TaskInstanceState } from "@updraft/sdk";
import { listTaskInstancesInStates, type SqlClient, type TaskInstanceRow } from "@updraft/store";

/** The job of one queued try. */
export function taskJobOf(ti: TaskInstanceRow, now: Date): TaskJob {
  return {
    dagId: ti.dagId,
    runId: ti.runId,
    taskId: ti.taskId,
    mapIndex: ti.mapIndex,
    tryNumber: ti.tryNumber,
    queue: ti.queue,
    priorityWeight: ti.priorityWeight,
    enqueuedAt: now.toISOString(),
  };
}

/** Re-enqueues tries queued for longer than `olderThanMs`; returns how many were handed on. */
export async function requeueStaleQueued(
  client: SqlClient,
  executor: Executor,
  olderThanMs: number,
  now: Date,
): Promise<number> {
  const queued = await listTaskInstancesInStates(client, { states: [TaskInstanceState.QUEUED] });
  const stale = queued.filter(
    (ti) => ti.queuedDttm === null || now.getTime() - ti.queuedDttm.getTime() >= olderThanMs,
  );
  if (stale.length > 0) await executor.enqueue(stale.map((ti) => taskJobOf(ti, now)));
  return stale.length;
}
