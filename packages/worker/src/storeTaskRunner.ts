// The store-backed TaskRunner: one delivery of one try, from the queued → running guard to the
// committed outcome. Claim (a duplicate delivery stops here), load the DAG and build the context,
// run the task under its abort signal while heartbeating, then record the outcome by Airflow's
// rules, with logs, XCom, rendered fields, callbacks and asset events.
import type { TaskOutcome, TaskRunner } from "@updraft/executor";
import { executeTask, pythonStr, type TaskContext, TaskInstanceState } from "@updraft/sdk";
import {
  heartbeatTaskInstance,
  notifyScheduler,
  setTaskInstanceStates,
  type SqlClient,
  type StartedTry,
  type TaskInstanceRow,
} from "@updraft/store";
import { type AttemptResult, describeKey, keyOf, tryKeyOf } from "./attemptResult";
import { commitOutcome } from "./commitOutcome";
import { buildTaskContext, loadTry, type PreparedTry } from "./prepareTry";
import { runTaskCallbacks } from "./runTaskCallbacks";
import { NotificationCollector } from "./tryNotifications";
import { SecretMasker } from "./secretMasker";
import { createStoreTaskInstance, type StoreTaskInstance } from "./storeTaskInstance";
import {
  type CompiledStoreTaskRunnerOptions,
  compileStoreTaskRunnerOptions,
  type StoreTaskRunnerOptions,
  type TaskFinishedEvent,
} from "./storeTaskRunnerOptions";
import { TaskLogWriter } from "./taskLogWriter";
import { guardTry, raceAbort, type TryGuard } from "./tryGuard";

function executingLine(ti: TaskInstanceRow, prepared: PreparedTry): string {
  const when = pythonStr(prepared.run.logicalDate ?? prepared.run.runAfter);
  return `Executing <Task(${prepared.task.operatorName}): ${ti.taskId}> on ${when}, try ${ti.tryNumber}/${ti.maxTries + 1}`;
}

/** Loads, builds the context and runs the task; never throws. */
async function attempt(
  options: CompiledStoreTaskRunnerOptions,
  ti: TaskInstanceRow,
  started: StartedTry,
  guard: TryGuard,
  log: TaskLogWriter,
  masker: SecretMasker,
): Promise<AttemptResult> {
  let prepared: PreparedTry | null = null;
  let context: TaskContext | null = null;
  let handle: StoreTaskInstance | null = null;
  try {
    prepared = loadTry(options, ti, started);
    handle = createStoreTaskInstance({
      client: options.client,
      key: keyOf(ti),
      tryNumber: ti.tryNumber,
      maxTries: ti.maxTries,
      startDate: ti.startDate ?? new Date(),
      dag: prepared.dag,
    });
    const input = { options, ti, prepared, handle, log, masker, signal: guard.signal };
    context = await raceAbort(buildTaskContext(input), guard.signal);
    log.write("info", executingLine(ti, prepared));
    const { callbacks, executionTimeoutMs } = prepared.task.args;
    const executeNotifications = new NotificationCollector();
    await runTaskCallbacks(
      "execute",
      callbacks.execute,
      { context, notifications: executeNotifications },
      log,
    );
    if (executeNotifications.requests.length > 0)
      log.write(
        "warning",
        "Notifications from on_execute callbacks are not sent (only on failure, retry and success)",
      );
    guard.startTimeout(executionTimeoutMs);
    const execution = await raceAbort(executeTask(prepared.task, context), guard.signal);
    return { kind: "returned", prepared, context, execution };
  } catch (error) {
    return { kind: "threw", error, prepared, context };
  } finally {
    handle?.close();
  }
}

/** Runs one claimed try to its end. */
async function runTry(
  options: CompiledStoreTaskRunnerOptions,
  started: StartedTry,
  workerSignal: AbortSignal,
): Promise<TaskOutcome> {
  const ti = started.taskInstance;
  const masker = new SecretMasker();
  const target = tryKeyOf(ti);
  const log = new TaskLogWriter(options.client, target, masker, options.logFlushIntervalMs);
  const guard = guardTry({
    workerSignal,
    heartbeat: () => heartbeatTaskInstance(options.client, target),
    heartbeatIntervalMs: options.heartbeatIntervalMs,
    onHeartbeatError: (error) => log.write("warning", `Heartbeat failed: ${String(error)}`),
  });
  const lost = async (): Promise<TaskOutcome> => {
    log.write(
      "warning",
      `Try ${ti.tryNumber} of ${describeKey(ti)} is no longer running (cleared, or failed as a zombie): abandoned without recording an outcome`,
    );
    await handBackCleared(options.client, ti);
    return { kind: "dropped", reason: `try ${ti.tryNumber} of ${describeKey(ti)} was lost` };
  };
  try {
    const result = await attempt(options, ti, started, guard, log, masker);
    if (guard.lost) return await lost();
    const outcome = await commitOutcome({ options, ti, result, log, masker, guard });
    return outcome ?? (await lost());
  } finally {
    await guard.dispose();
    await log.close();
  }
}

/**
 * A try cleared while it ran is `restarting`; once it has stopped here it is handed back as
 * up_for_retry (always eligible, as Airflow treats restarting), so the scheduler runs it again
 * at once instead of waiting for the heartbeat timeout.
 */
async function handBackCleared(client: SqlClient, ti: TaskInstanceRow): Promise<void> {
  await client.transaction(async (tx) => {
    const changed = await setTaskInstanceStates(tx, {
      changes: [
        {
          ...keyOf(ti),
          expectedState: TaskInstanceState.RESTARTING,
          state: TaskInstanceState.UP_FOR_RETRY,
        },
      ],
    });
    if (changed.length > 0) await notifyScheduler(tx, "cleared");
  });
}

function notifyFinished(options: CompiledStoreTaskRunnerOptions, event: TaskFinishedEvent): void {
  try {
    options.onFinished?.(event);
  } catch {
    // A listener's failure is the listener's problem; the try is already recorded.
  }
}

/**
 * Creates the TaskRunner a worker runs tries with, over the metadata database. A delivery whose
 * try is not `queued` (a duplicate, or a try that moved on) is dropped without side effects.
 */
export function createStoreTaskRunner(options: StoreTaskRunnerOptions): TaskRunner {
  const compiled = compileStoreTaskRunnerOptions(options);
  return async (job, signal) => {
    const key = keyOf(job);
    const started = await compiled.starts.submit(
      Object.assign(tryKeyOf(job), { hostname: compiled.hostname, pid: process.pid }),
    );
    const outcome: TaskOutcome =
      started === null
        ? {
            kind: "dropped",
            reason: `${describeKey(key)} is not queued with try ${job.tryNumber}`,
          }
        : await runTry(compiled, started, signal);
    notifyFinished(compiled, { key, tryNumber: job.tryNumber, outcome });
    return outcome;
  };
}
