// startTries: everything a worker's claim of a try needs, for many tries in one statement (one
// round trip, one commit): the queued → running compare-and-set of startTaskInstance, the task
// instance's XComs of earlier tries deleted (Airflow clears them at the start of each try), and
// the run and the DAG's file. A worker batches the claims of the jobs it picked up together.
//   locks:   the claimed `task_instance` rows; the deleted `xcom` rows
//   writes:  as startTaskInstance, per try; deletes the task instance's XComs — only when the
//            claim won
//   returns: per input, in input order: { taskInstance, dagRun, fileloc }, or null when it was
//            not queued with that try (or the same key came earlier in the list)
import { type DagRunRow, dagRunFromRow } from "../../rows/dagRunRow";
import {
  distinctTaskInstanceKeysJson,
  type TaskInstanceRow,
  taskInstanceFromRow,
} from "../../rows/taskInstanceRow";
import type { Row, SqlClient } from "../../sqlClient";
import type { StartTaskInstanceInput } from "./startTaskInstance";
import { prepared } from "../../preparedStatements";
import { BY_FOUND_ID, FOUND_BY_KEY, stateIsUnindexed } from "./foundByKey";

/** A won claim. */
export interface StartedTry {
  readonly taskInstance: TaskInstanceRow;
  readonly dagRun: DagRunRow;
  /** The DAG's file, as the DAG processor stored it (null when unknown). */
  readonly fileloc: string | null;
}

/** Claims the tries and reads what running them needs; null where the claim is lost. */
export async function startTries(
  client: SqlClient,
  inputs: readonly StartTaskInstanceInput[],
): Promise<(StartedTry | null)[]> {
  const { json, count } = distinctTaskInstanceKeysJson(inputs, (input) => ({
    tryNumber: input.tryNumber,
    hostname: input.hostname,
    pid: input.pid,
    unixname: input.unixname ?? null,
    now: input.now?.toISOString() ?? null,
  }));
  const results: (StartedTry | null)[] = inputs.map(() => null);
  if (count === 0) return results;
  const result = await client.query<{ ord: number; ti: Row; run: Row; fileloc: string | null }>(
    prepared(`with input as (
       select * from jsonb_to_recordset($1::jsonb) as k(ord int, dag_id text, run_id text,
         task_id text, map_index int, try_number int, hostname text, pid int, unixname text,
         now timestamptz)
     ), ${FOUND_BY_KEY}, started as (
       update task_instance ti set state = 'running', updated_at = now(),
         start_date = coalesce(k.now, now()), last_heartbeat_at = coalesce(k.now, now()),
         end_date = null, duration = null, hostname = k.hostname, pid = k.pid,
         unixname = k.unixname
       from found k
       where ${BY_FOUND_ID} and ${stateIsUnindexed("ti", "queued")}
         and ti.try_number = k.try_number
       returning ti.*, k.ord as input_ord
     ), cleared as (
       delete from xcom x using started s, dag_run r
       where r.dag_id = s.dag_id and r.run_id = s.run_id and x.dag_run_id = r.id
         and x.task_id = s.task_id and x.map_index = s.map_index
     )
     select s.input_ord as ord, to_jsonb(s) - 'input_ord' as ti, to_jsonb(r) as run, d.fileloc
     from started s join dag_run r on r.dag_id = s.dag_id and r.run_id = s.run_id
       left join dag d on d.dag_id = s.dag_id`),
    [json],
  );
  for (const row of result.rows) {
    results[row.ord] = {
      taskInstance: taskInstanceFromRow(withDates(row.ti, TI_DATES)),
      dagRun: dagRunFromRow(withDates(row.run, RUN_DATES)),
      fileloc: row.fileloc,
    };
  }
  return results;
}

/** Claims one try (startTries of one). */
export async function startTry(
  client: SqlClient,
  input: StartTaskInstanceInput,
): Promise<StartedTry | null> {
  const [started] = await startTries(client, [input]);
  return started ?? null;
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
