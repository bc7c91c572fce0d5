// A manual run (Airflow's trigger_dag): from the CLI, the REST API or the UI. The conf is checked
// against the DAG's params before anything is written, a logical date in the future is refused
// (Airflow 3), and the data interval is the timetable's manual interval for that date.
import {
  DagRunTriggeredByType,
  DagRunType,
  deserializeParams,
  generateRunId,
  resolveParams,
  UpdraftError,
} from "@updraft/sdk";
import { createDagRun, type CreatedDagRun, type SqlClient } from "@updraft/store";
import type { DagCache } from "./dagCache";

/** Input of triggerDagRun. */
export interface TriggerDagRunInput {
  readonly dagId: string;
  /** @default {} */
  readonly conf?: Readonly<Record<string, unknown>>;
  /** null (the default) creates a run without a logical date or data interval, as Airflow 3. */
  readonly logicalDate?: Date | null;
  /** @default `manual__<run_after>` */
  readonly runId?: string;
  /** @default now */
  readonly runAfter?: Date;
  /** @default "cli" */
  readonly triggeredBy?: string;
  readonly note?: string | null;
}

/** Creates a queued manual run; throws on an unknown DAG, bad conf or a future logical date. */
export async function triggerDagRun(
  client: SqlClient,
  cache: DagCache,
  input: TriggerDagRunInput,
): Promise<CreatedDagRun> {
  const dag = await cache.get(input.dagId);
  if (dag === null) {
    throw new UpdraftError("NOT_FOUND", `dag_id: no DAG "${input.dagId}" is stored`, {
      details: { dagId: input.dagId },
    });
  }
  const conf = input.conf ?? {};
  resolveParams(deserializeParams(dag.serialized.dag.params), conf);
  const runAfter = input.runAfter ?? new Date();
  const logicalDate = input.logicalDate ?? null;
  if (logicalDate !== null && logicalDate.getTime() > runAfter.getTime()) {
    throw new UpdraftError(
      "INVALID_ARGUMENT",
      `logical_date: must not be in the future, got ${logicalDate.toISOString()}`,
    );
  }
  const interval = logicalDate === null ? null : dag.timetable.inferManualDataInterval(logicalDate);
  return createDagRun(client, {
    dag: dag.serialized,
    runId: input.runId ?? generateRunId(DagRunType.MANUAL, runAfter),
    runType: DagRunType.MANUAL,
    logicalDate,
    dataIntervalStart: interval?.start ?? logicalDate,
    dataIntervalEnd: interval?.end ?? logicalDate,
    runAfter,
    conf,
    triggeredBy: input.triggeredBy ?? DagRunTriggeredByType.CLI,
    note: input.note ?? null,
    priorityWeights: dag.priorityWeights,
  });
}
