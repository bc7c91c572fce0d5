// createXcomEntry: stores a new XCom for a task of an existing run (POST …/xcomEntries), refusing
// one that exists — unlike setXcom, which replaces it.
//   writes:  inserts one `xcom` row (on conflict on (dag_run_id, task_id, map_index, key):
//            nothing); dag_run_id looked up from (dag_id, run_id) in the same statement
//   locks:   the new row; key-share lock on the dag_run row (foreign key) until commit
//   returns: the stored XCom with its run's dates; null when one exists already;
//            NOT_FOUND when the run does not exist
import type { SqlClient } from "../../../sqlClient";
import { StoreError } from "../../../storeError";
import {
  WRITTEN_WITH_RUN_DATES,
  type XcomEntryWrite,
  type XcomWriteRow,
  xcomWriteFromRow,
} from "./xcomWriteRow";

/** Input of createXcomEntry. */
export type CreateXcomEntryInput = XcomEntryWrite;

/** Creates an XCom entry; null when one with this identity exists. */
export async function createXcomEntry(
  client: SqlClient,
  input: CreateXcomEntryInput,
): Promise<XcomWriteRow | null> {
  const result = await client.query(
    `with run as (
       select id from dag_run where dag_id = $1 and run_id = $2
     ), written as (
       insert into xcom (dag_run_id, task_id, map_index, key, dag_id, run_id, value)
       select run.id, $3, $4, $5, $1, $2, $6::jsonb from run
       on conflict (dag_run_id, task_id, map_index, key) do nothing
       returning *
     )
     select (select count(*)::int from run) as runs, x.*
     from (select 1) one left join (${WRITTEN_WITH_RUN_DATES}) x on true`,
    [input.dagId, input.runId, input.taskId, input.mapIndex, input.key, input.valueJson],
  );
  const row = result.rows[0];
  if (row === undefined || row.runs === 0)
    throw new StoreError(
      "NOT_FOUND",
      `createXcomEntry: DAG run ${input.dagId}/${input.runId} does not exist`,
      { details: { dagId: input.dagId, runId: input.runId } },
    );
  return row.key === null ? null : xcomWriteFromRow(row);
}
