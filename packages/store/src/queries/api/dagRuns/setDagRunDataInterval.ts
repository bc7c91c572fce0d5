// setDagRunDataInterval: the data interval a trigger asked for explicitly (POST …/dagRuns with
// data_interval_start and data_interval_end), in place of the one the timetable inferred; run in
// the trigger's transaction so the scheduler never sees the inferred one.
//   writes:  data_interval_start, data_interval_end and updated_at of the `dag_run` row
//   locks:   that row
//   returns: true when the run exists
import type { SqlClient } from "../../../sqlClient";

/** Input of setDagRunDataInterval. */
export interface SetDagRunDataIntervalInput {
  readonly id: number;
  readonly start: Date;
  readonly end: Date;
}

/** Sets a run's data interval. */
export async function setDagRunDataInterval(
  client: SqlClient,
  input: SetDagRunDataIntervalInput,
): Promise<boolean> {
  const result = await client.query(
    `update dag_run set data_interval_start = $2, data_interval_end = $3, updated_at = now()
     where id = $1`,
    [input.id, input.start, input.end],
  );
  return result.rowCount > 0;
}
