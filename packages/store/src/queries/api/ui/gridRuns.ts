// gridRuns: the newest runs of one DAG, as the grid view's columns (Airflow's ui/grid/runs).
//   reads:   `dag_run` of one DAG by run_after (index idx_dag_run_dag_id_run_after)
//   locks:   none
//   returns: up to `limit` runs, newest run_after first
import type { SqlClient } from "../../../sqlClient";

/** One column of the grid. */
export interface GridRunRow {
  readonly runId: string;
  readonly runType: string;
  readonly state: string;
  readonly queuedAt: Date | null;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
  readonly runAfter: Date;
}

export async function gridRuns(
  client: SqlClient,
  input: { readonly dagId: string; readonly limit: number; readonly offset: number },
): Promise<GridRunRow[]> {
  const result = await client.query<{
    run_id: string;
    run_type: string;
    state: string;
    queued_at: Date | null;
    start_date: Date | null;
    end_date: Date | null;
    run_after: Date;
  }>(
    `select run_id, run_type, state, queued_at, start_date, end_date, run_after
     from dag_run where dag_id = $1
     order by run_after desc, id desc
     limit $2 offset $3`,
    [input.dagId, input.limit, input.offset],
  );
  return result.rows.map((row) => ({
    runId: row.run_id,
    runType: row.run_type,
    state: row.state,
    queuedAt: row.queued_at,
    startDate: row.start_date,
    endDate: row.end_date,
    runAfter: row.run_after,
  }));
}
