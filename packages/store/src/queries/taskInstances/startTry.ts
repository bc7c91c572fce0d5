// startTry: everything a worker's claim of a try needs, in one statement (one round trip): the
// queued → running compare-and-set of startTaskInstance, the task instance's XComs of earlier
// tries deleted (Airflow clears them at the start of each try), and the run and the DAG's file.
//   locks:   the `task_instance` row; the deleted `xcom` rows
//   writes:  as startTaskInstance; deletes the task instance's XComs — only when the claim won
//   returns: { taskInstance, dagRun, fileloc }, or null when it was not queued with that try
import { type DagRunRow, dagRunFromRow } from "../../rows/dagRunRow";
import { type TaskInstanceRow, taskInstanceFromRow } from "../../rows/taskInstanceRow";
import type { Row, SqlClient } from "../../sqlClient";
import { START_TRY_SQL, type StartTaskInstanceInput, startTryParams } from "./startTaskInstance";

/** A won claim. */
export interface StartedTry {
  readonly taskInstance: TaskInstanceRow;
  readonly dagRun: DagRunRow;
  /** The DAG's file, as the DAG processor stored it (null when unknown). */
  readonly fileloc: string | null;
}

/** Claims the try and reads what running it needs; null when the claim is lost. */
export async function startTry(
  client: SqlClient,
  input: StartTaskInstanceInput,
): Promise<StartedTry | null> {
  const result = await client.query<{ ti: Row; run: Row; fileloc: string | null }>(
    `with started as (${START_TRY_SQL}), cleared as (
       delete from xcom x using started s, dag_run r
       where r.dag_id = s.dag_id and r.run_id = s.run_id and x.dag_run_id = r.id
         and x.task_id = s.task_id and x.map_index = s.map_index
     )
     select to_jsonb(s) as ti, to_jsonb(r) as run, d.fileloc
     from started s join dag_run r on r.dag_id = s.dag_id and r.run_id = s.run_id
       left join dag d on d.dag_id = s.dag_id`,
    startTryParams(input),
  );
  const row = result.rows[0];
  if (row === undefined) return null;
  return {
    taskInstance: taskInstanceFromRow(withDates(row.ti, TI_DATES)),
    dagRun: dagRunFromRow(withDates(row.run, RUN_DATES)),
    fileloc: row.fileloc,
  };
}

const TI_DATES = [
  "start_date",
  "end_date",
  "queued_dttm",
  "scheduled_dttm",
  "last_heartbeat_at",
  "next_retry_at",
  "updated_at",
];
const RUN_DATES = [
  "logical_date",
  "data_interval_start",
  "data_interval_end",
  "run_after",
  "queued_at",
  "start_date",
  "end_date",
  "last_scheduling_decision",
  "updated_at",
];

/** to_jsonb turns timestamps into ISO strings; the row mappers expect Dates. */
function withDates(row: Row, columns: readonly string[]): Row {
  const copy: Row = { ...row };
  for (const c of columns) if (typeof copy[c] === "string") copy[c] = new Date(copy[c]);
  return copy;
}
