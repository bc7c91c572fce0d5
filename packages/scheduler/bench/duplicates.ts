// Which task instances of a run ran more than once, by every witness the scale-out checks have:
// the metadata database (a task_instance_history row, a try_number above 1)
// and the execution log each worker process wrote (executionLog.ts).
import { listTaskInstances, type SqlClient } from "@updraft/store";
import { type Execution, executedMoreThanOnce, executionKey } from "./executionLog";

/** The task instances of one run that ran more than once, per witness and in all. */
export interface DuplicateReport {
  /**
   * Keys with a task_instance_history row: a try that was superseded (retried or cleared), which
   * no try of the bench's no-op tasks should be.
   */
  readonly historyRows: readonly string[];
  /** Keys whose task_instance row is past try 1. */
  readonly laterTries: readonly string[];
  /** Keys whose body the execution log shows running more than once. */
  readonly executions: readonly string[];
  /** Distinct keys any witness flags: the `duplicates` figure. */
  readonly all: readonly string[];
}

/** Cross-checks one finished run of `dagId` for task instances that ran more than once. */
export async function findDuplicates(
  client: SqlClient,
  run: { readonly dagId: string; readonly runId: string },
  executions: readonly Execution[],
): Promise<DuplicateReport> {
  const { rows } = await client.query<{
    dag_id: string;
    run_id: string;
    task_id: string;
    map_index: number;
  }>(
    `select distinct dag_id, run_id, task_id, map_index from task_instance_history
      where dag_id = $1 and run_id = $2`,
    [run.dagId, run.runId],
  );
  const historyRows = rows.map((r) =>
    executionKey({ dagId: r.dag_id, runId: r.run_id, taskId: r.task_id, mapIndex: r.map_index }),
  );
  const laterTries = (await listTaskInstances(client, run))
    .filter((ti) => ti.tryNumber > 1)
    .map((ti) => executionKey(ti));
  const executed = executedMoreThanOnce(executions, run.runId);
  return {
    historyRows,
    laterTries,
    executions: executed,
    all: [...new Set([...historyRows, ...laterTries, ...executed])],
  };
}
