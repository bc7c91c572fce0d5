// latestAutomatedDagRun: the data interval of a DAG's latest scheduled or backfill run, which the
// timetable continues from (Airflow's last_automated_dagrun).
//   reads:   `dag_run` of one DAG, run_type scheduled or backfill
//   locks:   none
//   returns: its data interval, or null when the DAG has no automated run with one
import type { DataInterval } from "@updraft/sdk";
import type { SqlClient } from "../../sqlClient";

/** The latest automated run's data interval. */
export async function latestAutomatedDataInterval(
  client: SqlClient,
  input: { readonly dagId: string },
): Promise<DataInterval | null> {
  const result = await client.query<{ data_interval_start: Date; data_interval_end: Date }>(
    `select data_interval_start, data_interval_end from dag_run
     where dag_id = $1 and run_type in ('scheduled', 'backfill')
       and data_interval_start is not null and data_interval_end is not null
     order by data_interval_end desc, logical_date desc nulls last limit 1`,
    [input.dagId],
  );
  const row = result.rows[0];
  return row === undefined ? null : { start: row.data_interval_start, end: row.data_interval_end };
}
