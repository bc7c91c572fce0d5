// runProgress: how many of a run's task instances have no status and how many are unfinished,
// counted in the database, so the scheduler skips reading every state of a large run when none
// can be newly scheduled (no instance without a status) and the run cannot be over yet.
//   reads:   `task_instance` of one run (index idx_task_instance_dag_run)
//   locks:   none
//   returns: { noStatus, unfinished }
import type { SqlClient } from "../../sqlClient";

/** Counts of one run's instances. */
export interface RunProgress {
  readonly noStatus: number;
  readonly unfinished: number;
}

/** Counts a run's no-status and unfinished task instances. */
export async function runProgress(
  client: SqlClient,
  input: { readonly dagId: string; readonly runId: string },
): Promise<RunProgress> {
  const result = await client.query<{ no_status: number; unfinished: number }>(
    `select count(*) filter (where state is null)::int as no_status,
       count(*) filter (where state is null or state not in
         ('success', 'failed', 'skipped', 'upstream_failed', 'removed'))::int as unfinished
     from task_instance where dag_id = $1 and run_id = $2`,
    [input.dagId, input.runId],
  );
  const row = result.rows[0];
  return { noStatus: Number(row?.no_status ?? 0), unfinished: Number(row?.unfinished ?? 0) };
}
