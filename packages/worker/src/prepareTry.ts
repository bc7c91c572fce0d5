// Everything a try needs before user code runs: the run, the DAG file's live DAG and task,
// resolved params, variables and connections, and the SDK TaskContext over the store.
import { createConnectionLookup } from "@updraft/providers";
import { nodeTaskRuntime } from "@updraft/runtime";
import {
  type BaseOperator,
  buildTemplateContext,
  type Dag,
  resolveParams,
  type TaskContext,
} from "@updraft/sdk";
import { type DagRunRow, type StartedTry, type TaskInstanceRow } from "@updraft/store";
import type { CompiledStoreTaskRunnerOptions } from "./storeTaskRunnerOptions";
import type { SecretMasker } from "./secretMasker";
import type { StoreTaskInstance } from "./storeTaskInstance";
import { loadTaskSecrets, secretNeedsOf } from "./taskSecrets";
import type { TaskLogWriter } from "./taskLogWriter";

/** The loaded pieces of a try. */
export interface PreparedTry {
  readonly run: DagRunRow;
  readonly dag: Dag;
  readonly task: BaseOperator;
}

/** Loads the task of a claimed try (whose run and DAG file the claim read); throws when missing. */
export function loadTry(
  options: CompiledStoreTaskRunnerOptions,
  ti: TaskInstanceRow,
  started: Pick<StartedTry, "dagRun" | "fileloc">,
): PreparedTry {
  if (started.fileloc === null) throw new Error(`DAG ${ti.dagId} has no stored file (fileloc)`);
  const dag = options.loadDag(ti.dagId, started.fileloc);
  return { run: started.dagRun, dag, task: dag.task(ti.taskId) };
}

/** What buildTaskContext reads. */
export interface TaskContextInput {
  readonly options: CompiledStoreTaskRunnerOptions;
  readonly ti: TaskInstanceRow;
  readonly prepared: PreparedTry;
  readonly handle: StoreTaskInstance;
  readonly log: TaskLogWriter;
  readonly masker: SecretMasker;
  readonly signal: AbortSignal;
}

/** Builds the SDK context: params, template context (with prefetched secrets), runtime, ti. */
export async function buildTaskContext(input: TaskContextInput): Promise<TaskContext> {
  const { options, ti, log } = input;
  const { run, dag, task } = input.prepared;
  const params = resolveParams(dag.params, run.conf);
  const secrets = await loadTaskSecrets(
    options.client,
    options.env,
    secretNeedsOf(task),
    input.masker,
  );
  const lookup = createConnectionLookup({ env: options.env, client: options.client });
  const runtime = nodeTaskRuntime({
    baseEnv: options.env,
    onOutputLine: (line, stream) => log.write(stream === "stderr" ? "warning" : "info", line),
    connection: async (connId) => {
      const connection = await lookup(connId);
      // A secret the task can read is a secret its log must not show.
      input.masker.add(connection?.password);
      return connection;
    },
  });
  const shared = {
    logicalDate: run.logicalDate,
    dataIntervalStart: run.dataIntervalStart,
    dataIntervalEnd: run.dataIntervalEnd,
    dagId: ti.dagId,
    taskId: ti.taskId,
    runId: ti.runId,
    mapIndex: ti.mapIndex,
    tryNumber: ti.tryNumber,
  };
  // Assigned, not spread into literals: V8 builds a literal that starts with a spread many times
  // slower, and this runs for every try.
  const templateContext = buildTemplateContext(
    Object.assign({}, shared, {
      runAfter: run.runAfter,
      params,
      variables: secrets.variables,
      connections: secrets.connections,
      now: new Date(),
    }),
  );
  return Object.assign(shared, {
    params,
    conf: run.conf,
    ti: input.handle.handle,
    log: log.logger(),
    runtime,
    signal: input.signal,
    templateContext,
  });
}
