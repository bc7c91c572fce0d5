// The `ti` a running task sees, backed by the store: xcom_pull / xcom_push with Airflow's
// semantics, and skipping tasks of the run (branching). Once the try has ended (finished or
// abandoned) its handle refuses writes, so a task that ignored its abort signal cannot change
// a later try's data.
import {
  type Dag,
  type TaskInstanceHandle,
  TaskInstanceState,
  type XComPullOptions,
  XCOM_RETURN_KEY,
} from "@updraft/sdk";
import {
  pullXcoms,
  setTaskInstanceStates,
  setXcom,
  type SqlClient,
  type TaskInstanceKey,
  type XcomRow,
} from "@updraft/store";
import { keyOf } from "./attemptResult";

/** What the handle is built from. */
export interface StoreTaskInstanceInput {
  readonly client: SqlClient;
  readonly key: TaskInstanceKey;
  readonly tryNumber: number;
  readonly maxTries: number;
  readonly startDate: Date;
  /** Tells mapped upstreams from unmapped ones; null when the DAG could not be loaded. */
  readonly dag: Dag | null;
}

/** A handle plus the switch that ends its writes. */
export interface StoreTaskInstance {
  readonly handle: TaskInstanceHandle;
  /** Makes xcomPush and skipTasks throw from now on. */
  close(): void;
}

function isMappedTask(dag: Dag | null, taskId: string): boolean | null {
  if (dag === null || !dag.hasTask(taskId)) return null;
  return dag.task(taskId).isMapped;
}

/** One task id's value: the unmapped XCom, or every map index's (a mapped upstream). */
function valueOf(
  rows: readonly XcomRow[],
  taskId: string,
  mapped: boolean | null,
  fallback: unknown,
): unknown {
  const own = rows.filter((r) => r.taskId === taskId);
  const unmapped = own.find((r) => r.mapIndex === -1);
  if (mapped !== true && unmapped !== undefined) return unmapped.value;
  const indexed = own.filter((r) => r.mapIndex >= 0);
  // A mapped upstream's values are a list, empty when it expanded into nothing (Airflow's
  // LazyXComSequence), so a downstream with all_done still gets a list.
  if (mapped === true) return indexed.map((r) => r.value);
  return indexed.length > 0 ? indexed.map((r) => r.value) : fallback;
}

async function pull(input: StoreTaskInstanceInput, options: XComPullOptions): Promise<unknown> {
  const taskIds = typeof options.taskIds === "string" ? [options.taskIds] : [...options.taskIds];
  const key = options.key ?? XCOM_RETURN_KEY;
  const indexes = options.mapIndexes;
  const rows = await pullXcoms(input.client, {
    dagId: input.key.dagId,
    runId: input.key.runId,
    taskIds,
    key,
    ...(indexes === undefined
      ? {}
      : { mapIndexes: typeof indexes === "number" ? [indexes] : indexes }),
  });
  const one = (taskId: string): unknown => {
    const own = rows.filter((r) => r.taskId === taskId);
    if (typeof indexes === "number") return own[0] === undefined ? options.default : own[0].value;
    if (indexes !== undefined) return own.map((r) => r.value);
    return valueOf(rows, taskId, isMappedTask(input.dag, taskId), options.default);
  };
  return typeof options.taskIds === "string" ? one(options.taskIds) : taskIds.map(one);
}

/** Builds the store-backed `ti` of one try. */
export function createStoreTaskInstance(input: StoreTaskInstanceInput): StoreTaskInstance {
  let open = true;
  const { key } = input;
  const requireOpen = (what: string): void => {
    if (!open)
      throw new Error(
        `${what} after try ${input.tryNumber} of ${key.dagId}.${key.taskId} ended; ignored`,
      );
  };
  const handle: TaskInstanceHandle = {
    dagId: key.dagId,
    runId: key.runId,
    taskId: key.taskId,
    mapIndex: key.mapIndex,
    tryNumber: input.tryNumber,
    maxTries: input.maxTries,
    startDate: input.startDate,
    firstRescheduleDate: null,
    xcomPull: (options) => pull(input, options),
    xcomPush: async (xcomKey, value) => {
      requireOpen("xcom_push");
      await setXcom(input.client, Object.assign(keyOf(key), { key: xcomKey, value }));
    },
    skipTasks: async (taskIds) => {
      requireOpen("skip");
      await setTaskInstanceStates(input.client, {
        changes: taskIds.map((taskId) => ({
          dagId: key.dagId,
          runId: key.runId,
          taskId,
          mapIndex: -1,
          expectedState: null,
          state: TaskInstanceState.SKIPPED,
        })),
      });
    },
  };
  return {
    handle,
    close: () => {
      open = false;
    },
  };
}
