// The end of a try: decide its state, run the matching callbacks, then commit it with
// finishTaskInstances (batched with the other tries ending at the same time); on success record
// the task's outlet asset events so asset-scheduled DAGs get triggered; then record the alerts
// the outcome asks for (notifiers, email args, routing rules) in the notification outbox.
import type { TaskOutcome } from "@updraft/executor";
import {
  type CallbackContext,
  type CallbackKind,
  TaskInstanceState,
  type TaskContext,
} from "@updraft/sdk";
import { recordAssetEvents, type TaskInstanceOutcome, type TaskInstanceRow } from "@updraft/store";
import { type Decision, decideFailureOutcome, fallbackRetryPolicy } from "./decideOutcome";
import { errorParts } from "./errorParts";
import { runTaskCallbacks } from "./runTaskCallbacks";
import { NotificationCollector, recordTryNotifications } from "./tryNotifications";
import type { SecretMasker } from "./secretMasker";
import { type AttemptResult, keyOf, tryKeyOf } from "./attemptResult";
import type { CompiledStoreTaskRunnerOptions } from "./storeTaskRunnerOptions";
import type { TaskLogWriter } from "./taskLogWriter";
import type { TryGuard } from "./tryGuard";

/** What commitOutcome reads. */
export interface CommitInput {
  readonly options: CompiledStoreTaskRunnerOptions;
  readonly ti: TaskInstanceRow;
  readonly result: AttemptResult;
  readonly log: TaskLogWriter;
  readonly masker: SecretMasker;
  readonly guard: TryGuard;
}

const CALLBACK_OF: Partial<Record<Decision["state"], CallbackKind>> = {
  success: "success",
  failed: "failure",
  up_for_retry: "retry",
  skipped: "skipped",
};

function logFailure(log: TaskLogWriter, error: unknown, decision: Decision): void {
  const { name, message, stack } = errorParts(error);
  if (decision.state === TaskInstanceState.SKIPPED) log.write("info", `${name}: ${message}`);
  else if (decision.state === TaskInstanceState.UP_FOR_RESCHEDULE)
    log.write("info", `Rescheduling: ${message}`);
  else {
    log.write("error", `Task failed with exception: ${name}: ${message}`);
    if (stack !== undefined) log.write("error", stack);
  }
}

function decide(input: CommitInput, endDate: Date): Decision {
  const { result, ti } = input;
  if (result.kind === "returned") return { state: TaskInstanceState.SUCCESS, reason: "returned" };
  const args = result.prepared?.task.args;
  const decision = decideFailureOutcome(result.error, {
    dagId: ti.dagId,
    taskId: ti.taskId,
    tryNumber: ti.tryNumber,
    maxTries: ti.maxTries,
    logicalDate: result.prepared?.run.logicalDate ?? null,
    policy: args ?? fallbackRetryPolicy(ti.maxTries),
    endDate,
  });
  logFailure(input.log, result.error, decision);
  return decision;
}

/** The rendered template fields to store with the outcome (masked), when the task has any. */
function renderedFieldsOf(input: CommitInput): Record<string, unknown> | undefined {
  if (input.result.kind !== "returned") return undefined;
  const fields = input.result.execution.renderedFields;
  if (Object.keys(fields).length === 0) return undefined;
  return input.masker.maskValue(fields) as Record<string, unknown>;
}

async function recordOutlets(input: CommitInput): Promise<void> {
  if (input.result.kind !== "returned") return;
  const outlets = input.result.prepared.task.outlets;
  if (outlets.length === 0) return;
  try {
    const { assetEvents } = await recordAssetEvents(input.options.client, {
      ...keyOf(input.ti),
      events: outlets.map((a) => ({ uri: a.uri, name: a.name })),
    });
    input.log.write("info", `Recorded ${assetEvents.length} asset event(s)`);
  } catch (error) {
    input.log.write("error", `Could not record the asset events: ${String(error)}`);
  }
}

function callbackContext(
  context: TaskContext,
  result: AttemptResult,
  notifications: NotificationCollector,
): CallbackContext {
  return result.kind === "returned"
    ? { context, notifications }
    : { context, exception: errorParts(result.error), notifications };
}

/** Commits the try's outcome; null when the try was no longer the running one. */
export async function commitOutcome(input: CommitInput): Promise<TaskOutcome | null> {
  const { options, ti, result, log } = input;
  const endDate = new Date();
  const decision = decide(input, endDate);
  const kind = CALLBACK_OF[decision.state];
  const collected = new NotificationCollector();
  if (kind !== undefined && result.context !== null) {
    const callbacks = result.prepared?.task.args.callbacks[kind] ?? [];
    await runTaskCallbacks(
      kind,
      callbacks,
      callbackContext(result.context, result, collected),
      log,
    );
  }
  await input.guard.dispose();
  if (input.guard.lost) return null;
  log.write(
    decision.state === TaskInstanceState.FAILED ? "error" : "info",
    `Marking task as ${decision.state.toUpperCase()}. dag_id=${ti.dagId}, task_id=${ti.taskId}, run_id=${ti.runId}, map_index=${ti.mapIndex}, try_number=${ti.tryNumber} (${decision.reason})`,
  );
  // The last lines and the rendered fields go in the statement that ends the try.
  const logLines = await log.drain();
  const outcome: TaskInstanceOutcome =
    decision.state === TaskInstanceState.UP_FOR_RETRY
      ? { state: decision.state, nextRetryAt: decision.nextRetryAt }
      : decision.state === TaskInstanceState.UP_FOR_RESCHEDULE
        ? { state: decision.state, rescheduleDate: decision.rescheduleDate }
        : { state: decision.state };
  // Assembled without object spreads (see tryKeyOf).
  const ended = await options.finishes.submit(
    Object.assign(
      tryKeyOf(ti),
      { now: endDate, logLines, renderedFields: renderedFieldsOf(input) },
      outcome,
    ),
  );
  if (!ended) {
    // The try was lost meanwhile: its lines still belong in the log, without the outcome line.
    log.putBack(logLines.slice(0, -1));
    return null;
  }
  if (decision.state === TaskInstanceState.SUCCESS) await recordOutlets(input);
  await recordTryNotifications({
    options,
    ti,
    result,
    log,
    masker: input.masker,
    state: decision.state,
    endDate,
    collected,
  });
  return { kind: "ran", state: decision.state };
}
