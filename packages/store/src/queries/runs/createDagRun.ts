// createDagRun: a new run and its task instances, in one transaction.
//   writes:  one `dag_run` (state queued, queued_at now) and one `task_instance` per task of the
//            SerializedDag (state null, map_index -1, try_number 0, max_tries = retries)
//   locks:   the `dag` row FOR SHARE (it cannot be deleted meanwhile); the new rows
//   returns: the run and its task instances (by task_id); throws StoreError DAG_RUN_EXISTS when
//            the run_id or logical_date is taken, NOT_FOUND when the DAG is not stored
import type { DagRunType, SerializedDag } from "@updraft/sdk";
import { type DagRunRow, dagRunFromRow } from "../../rows/dagRunRow";
import { type TaskInstanceRow, taskInstanceFromRow } from "../../rows/taskInstanceRow";
import type { SqlClient } from "../../sqlClient";
import { notifyScheduler } from "../../notifications";
import { StoreError } from "../../storeError";

/** Input of createDagRun. */
export interface CreateDagRunInput {
  /** The DAG version the run is created from; its dag_id is the run's. */
  readonly dag: SerializedDag;
  readonly runId: string;
  readonly runType: DagRunType;
  readonly logicalDate: Date | null;
  readonly dataIntervalStart: Date | null;
  readonly dataIntervalEnd: Date | null;
  readonly runAfter: Date;
  /** @default {} */
  readonly conf?: Readonly<Record<string, unknown>>;
  /** Airflow's DagRunTriggeredByType (`timetable`, `rest_api`, …). @default null */
  readonly triggeredBy?: string | null;
  /** @default null */
  readonly note?: string | null;
  /**
   * Effective priority weight per task_id (engine's `effectivePriorityWeights`, which applies
   * weight rules); tasks not listed get their own `priority_weight`.
   */
  readonly priorityWeights?: Readonly<Record<string, number>>;
  /** The database clock when omitted. */
  readonly now?: Date;
}

/** What createDagRun created. */
export interface CreatedDagRun {
  readonly dagRun: DagRunRow;
  readonly taskInstances: TaskInstanceRow[];
}

/** Inserts a queued DAG run and its task instances. */
export async function createDagRun(
  client: SqlClient,
  input: CreateDagRunInput,
): Promise<CreatedDagRun> {
  const dagId = input.dag.dag.dag_id;
  const tasks = input.dag.dag.tasks.map((t) => ({
    task_id: t.task_id,
    pool: t.pool,
    pool_slots: t.pool_slots,
    queue: t.queue,
    priority_weight: input.priorityWeights?.[t.task_id] ?? t.priority_weight,
    max_tries: t.retries,
    operator: t.operator_name,
  }));
  return client.transaction(async (tx) => {
    const dag = await tx.query("select 1 from dag where dag_id = $1 for share", [dagId]);
    if (dag.rows.length === 0) {
      throw new StoreError("NOT_FOUND", `dag_id: no DAG "${dagId}"`, { details: { dagId } });
    }
    const run = await tx.query(
      `insert into dag_run (dag_id, run_id, run_type, logical_date, data_interval_start,
         data_interval_end, run_after, state, queued_at, conf, triggered_by, note)
       values ($1, $2, $3, $4, $5, $6, $7, 'queued', coalesce($8::timestamptz, now()), $9::jsonb,
         $10, $11)
       on conflict do nothing
       returning *`,
      [
        dagId,
        input.runId,
        input.runType,
        input.logicalDate,
        input.dataIntervalStart,
        input.dataIntervalEnd,
        input.runAfter,
        input.now ?? null,
        JSON.stringify(input.conf ?? {}),
        input.triggeredBy ?? null,
        input.note ?? null,
      ],
    );
    const row = run.rows[0];
    if (row === undefined) return throwExists(tx, dagId, input.runId, input.logicalDate);
    const tis = await tx.query(
      `insert into task_instance (dag_id, run_id, task_id, map_index, try_number, max_tries,
         state, pool, pool_slots, queue, priority_weight, operator)
       select $1, $2, t.task_id, -1, 0, t.max_tries, null, t.pool, t.pool_slots, t.queue,
         t.priority_weight, t.operator
       from jsonb_to_recordset($3::jsonb) as t(task_id text, pool text, pool_slots int,
         queue text, priority_weight int, max_tries int, operator text)
       returning *`,
      [dagId, input.runId, JSON.stringify(tasks)],
    );
    // A run this large changes what the planner should think of task_instance (a fresh table
    // has no statistics, and autovacuum looks at it a minute later at best). ANALYZE also
    // invalidates every connection's cached plans of it: a generic plan made while the table
    // was small stayed a sequential scan for the whole of a 20,000-task run.
    if (tasks.length >= ANALYZE_FROM_INSTANCES) await tx.exec("analyze task_instance");
    await notifyScheduler(tx, "dag_run_created");
    const taskInstances = tis.rows.map(taskInstanceFromRow);
    taskInstances.sort((a, b) => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
    return { dagRun: dagRunFromRow(row), taskInstances };
  });
}

/** From this many task instances on, creating a run refreshes task_instance's statistics. */
const ANALYZE_FROM_INSTANCES = 1000;

/** Finds which unique key the existing run holds and throws DAG_RUN_EXISTS naming it. */
async function throwExists(
  tx: SqlClient,
  dagId: string,
  runId: string,
  logicalDate: Date | null,
): Promise<never> {
  const byRunId = await tx.query("select 1 from dag_run where dag_id = $1 and run_id = $2", [
    dagId,
    runId,
  ]);
  const conflict = byRunId.rows.length > 0 ? "run_id" : "logical_date";
  const value = conflict === "run_id" ? runId : (logicalDate?.toISOString() ?? null);
  throw new StoreError(
    "DAG_RUN_EXISTS",
    `${conflict}: a run of DAG "${dagId}" with ${conflict} ${String(value)} already exists`,
    { details: { dagId, conflict, value } },
  );
}
