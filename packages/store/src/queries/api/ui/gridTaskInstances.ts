// gridTaskInstances: every task instance of one run, lightly (the grid's cells).
//   reads:   `task_instance` of (dag_id, run_id) (unique key task_instance_key)
//   locks:   none
//   returns: the instances ordered by task_id, map_index
import type { SqlClient } from "../../../sqlClient";

/** One cell's facts. */
export interface GridTaskInstanceRow {
  readonly taskId: string;
  readonly mapIndex: number;
  readonly state: string | null;
  readonly tryNumber: number;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
  readonly queuedAt: Date | null;
  readonly note: string | null;
}

export async function gridTaskInstances(
  client: SqlClient,
  input: { readonly dagId: string; readonly runId: string },
): Promise<GridTaskInstanceRow[]> {
  const result = await client.query<{
    task_id: string;
    map_index: number;
    state: string | null;
    try_number: number;
    start_date: Date | null;
    end_date: Date | null;
    queued_dttm: Date | null;
    note: string | null;
  }>(
    `select task_id, map_index, state, try_number, start_date, end_date, queued_dttm, note
     from task_instance where dag_id = $1 and run_id = $2
     order by task_id, map_index`,
    [input.dagId, input.runId],
  );
  return result.rows.map((row) => ({
    taskId: row.task_id,
    mapIndex: row.map_index,
    state: row.state,
    tryNumber: row.try_number,
    startDate: row.start_date,
    endDate: row.end_date,
    queuedAt: row.queued_dttm,
    note: row.note,
  }));
}
