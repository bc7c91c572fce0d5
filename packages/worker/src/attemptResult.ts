// How the user-code part of a try ended, and how log lines and reasons name a task instance.
import type { TaskContext, TaskExecution } from "@updraft/sdk";
import type { TaskInstanceKey } from "@updraft/store";
import type { PreparedTry } from "./prepareTry";

/** How the user code part of a try ended. */
export type AttemptResult =
  | {
      readonly kind: "returned";
      readonly prepared: PreparedTry;
      readonly context: TaskContext;
      readonly execution: TaskExecution;
    }
  | {
      readonly kind: "threw";
      readonly error: unknown;
      readonly prepared: PreparedTry | null;
      readonly context: TaskContext | null;
    };

/** The key fields of a row or job. */
export const keyOf = (ti: TaskInstanceKey): TaskInstanceKey => ({
  dagId: ti.dagId,
  runId: ti.runId,
  taskId: ti.taskId,
  mapIndex: ti.mapIndex,
});

/**
 * The key fields and the try number (written out field by field, as keyOf: V8 builds an object
 * literal that starts with a spread about 20× slower, and a worker builds these for every try).
 */
export const tryKeyOf = (
  ti: TaskInstanceKey & { readonly tryNumber: number },
): TaskInstanceKey & { readonly tryNumber: number } => ({
  dagId: ti.dagId,
  runId: ti.runId,
  taskId: ti.taskId,
  mapIndex: ti.mapIndex,
  tryNumber: ti.tryNumber,
});

/** `dag.task[map_index]`, as log lines and reasons name a task instance. */
export const describeKey = (key: TaskInstanceKey): string =>
  `${key.dagId}.${key.taskId}${key.mapIndex >= 0 ? `[${key.mapIndex}]` : ""} of ${key.runId}`;
