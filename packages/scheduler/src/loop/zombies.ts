// Task instances whose worker died (Airflow's "task instances without heartbeats", once called
// zombies): a running try with no heartbeat for the timeout fails, or goes up_for_retry when it
// has tries left; a restarting one (cleared while it ran) is always retried. Handled under the
// rows' SKIP LOCKED lock, with try-checked writes, so two schedulers never handle one twice.
import { isEligibleToRetry, nextRetryDatetime } from "@updraft/engine";
import { TaskInstanceState } from "@updraft/sdk";
import {
  findZombieTaskInstances,
  finishTaskInstance,
  getDagRun,
  setTaskInstanceStates,
  type SqlClient,
  type TaskInstanceRow,
} from "@updraft/store";
import type { DagCache } from "./dagCache";

/** A zombie the pass handled. */
export interface HandledZombie {
  readonly ti: TaskInstanceRow;
  readonly state: "failed" | "up_for_retry";
}

/** Fails or retries every task instance without a heartbeat for `timeoutSeconds`. */
export async function handleZombies(
  client: SqlClient,
  cache: DagCache,
  timeoutSeconds: number,
  now: Date,
): Promise<HandledZombie[]> {
  return client.transaction(async (tx) => {
    const zombies = await findZombieTaskInstances(tx, { timeoutSeconds, now });
    const handled: HandledZombie[] = [];
    for (const ti of zombies) {
      if (ti.state === TaskInstanceState.RESTARTING) {
        const changes = [{ ...ti, expectedState: ti.state, state: TaskInstanceState.UP_FOR_RETRY }];
        if ((await setTaskInstanceStates(tx, { changes, now })).length > 0) {
          handled.push({ ti, state: "up_for_retry" });
        }
        continue;
      }
      const task = (await cache.get(ti.dagId, tx))?.taskById.get(ti.taskId);
      const retries = task?.retries ?? 0;
      const eligible = isEligibleToRetry({
        state: ti.state,
        retries,
        tryNumber: ti.tryNumber,
        maxTries: ti.maxTries,
      });
      const run = eligible ? await getDagRun(tx, { dagId: ti.dagId, runId: ti.runId }) : null;
      const finished = await finishTaskInstance(tx, {
        ...ti,
        now,
        ...(eligible && task !== undefined
          ? {
              state: "up_for_retry" as const,
              nextRetryAt: nextRetryDatetime(now, {
                retryDelayMs: task.retry_delay * 1000,
                retryExponentialBackoff: task.retry_exponential_backoff,
                maxRetryDelayMs: task.max_retry_delay === null ? null : task.max_retry_delay * 1000,
                tryNumber: ti.tryNumber,
                dagId: ti.dagId,
                taskId: ti.taskId,
                logicalDate: run?.logicalDate ?? null,
              }),
            }
          : { state: "failed" as const }),
      });
      if (finished !== null) handled.push({ ti, state: eligible ? "up_for_retry" : "failed" });
    }
    return handled;
  });
}
