// dagRunSnapshots: the runs a live view follows — every queued or running run, plus the runs
// named by id (those that just left that set, to report how they finished).
//   reads:   `dag_run` in state queued/running (index idx_dag_run_state) and by primary key
//   locks:   none
//   returns: one snapshot per run, ordered by id
import type { SqlClient } from "../../../sqlClient";

/** What a live view shows of a run. */
export interface DagRunSnapshot {
  readonly id: number;
  readonly dagId: string;
  readonly runId: string;
  readonly state: string;
  readonly runType: string;
  readonly startDate: Date | null;
  readonly endDate: Date | null;
  readonly updatedAt: Date;
}

/** Active runs (optionally of one DAG), and the runs of `ids`. */
export async function dagRunSnapshots(
  client: SqlClient,
  input: { readonly dagId?: string | null; readonly ids?: readonly number[] },
): Promise<DagRunSnapshot[]> {
  const result = await client.query<{
    id: string | number;
    dag_id: string;
    run_id: string;
    state: string;
    run_type: string;
    start_date: Date | null;
    end_date: Date | null;
    updated_at: Date;
  }>(
    `select id, dag_id, run_id, state, run_type, start_date, end_date, updated_at
     from dag_run
     where (state in ('queued', 'running') and ($1::text is null or dag_id = $1))
        or id = any($2::bigint[])
     order by id`,
    [input.dagId ?? null, input.ids ?? []],
  );
  return result.rows.map((row) => ({
    id: Number(row.id),
    dagId: row.dag_id,
    runId: row.run_id,
    state: row.state,
    runType: row.run_type,
    startDate: row.start_date,
    endDate: row.end_date,
    updatedAt: row.updated_at,
  }));
}
