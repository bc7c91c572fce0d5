// Task-level callbacks (Airflow's on_execute / on_success / on_failure / on_retry / on_skipped
// callbacks): each callable or notifier is awaited in turn; one that throws is logged and never
// changes the try's outcome.
import type { CallbackContext, CallbackKind, TaskCallback } from "@updraft/sdk";
import { errorParts } from "./errorParts";
import type { TaskLogWriter } from "./taskLogWriter";

/** Runs `callbacks` of `kind` with `context`, logging failures. */
export async function runTaskCallbacks(
  kind: CallbackKind,
  callbacks: readonly TaskCallback[],
  context: CallbackContext,
  log: TaskLogWriter,
): Promise<void> {
  for (const callback of callbacks) {
    try {
      await (typeof callback === "function" ? callback(context) : callback.notify(context));
    } catch (error) {
      const { name, message, stack } = errorParts(error);
      log.write("error", `Error in on_${kind}_callback: ${name}: ${message}`);
      if (stack !== undefined) log.write("error", stack);
    }
  }
}
