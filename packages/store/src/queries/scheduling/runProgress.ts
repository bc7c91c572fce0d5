// runProgress: whether a run has task instances without a status, and unfinished ones, so the
// scheduler skips reading every state of a large run when none can be newly scheduled (no
// instance without a status) and the run cannot be over yet.
//   reads:   `task_instance` of one run: probes of idx_task_instance_unfinished (whose
//            predicate the second condition repeats word for word, so the planner uses it) and,
//            for scheduled instances, which that index leaves out, of idx_task_instance_scheduled
//   locks:   none
//   returns: { noStatus, unfinished }
import type { SqlClient } from "../../sqlClient";
import { prepared } from "../../preparedStatements";

/** What is left of one run. */
export interface RunProgress {
  /** Some instance has no status yet (it may become schedulable). */
  readonly noStatus: boolean;
  /** Some instance is not in a finished state (the run cannot be over). */
  readonly unfinished: boolean;
}

/** Probes a run for instances without a status and for unfinished ones. */
export async function runProgress(
  client: SqlClient,
  input: { readonly dagId: string; readonly runId: string },
): Promise<RunProgress> {
  const result = await client.query<{ no_status: boolean; unfinished: boolean }>(
    prepared(`select
       exists (select 1 from task_instance
         where dag_id = $1 and run_id = $2 and state is null) as no_status,
       exists (select 1 from task_instance where dag_id = $1 and run_id = $2
         and (state is null or state in ('queued', 'running', 'up_for_retry',
           'up_for_reschedule', 'restarting', 'deferred')))
       or exists (select 1 from task_instance where dag_id = $1 and run_id = $2
         and state = 'scheduled') as unfinished`),
    [input.dagId, input.runId],
  );
  const row = result.rows[0];
  return { noStatus: row?.no_status === true, unfinished: row?.unfinished === true };
}
