// updateXcomEntry: replaces the value of an existing XCom (PATCH …/xcomEntries/{xcom_key}); its
// timestamp stays the time it was pushed, as Airflow's does. Never creates one.
//   writes:  updates the `xcom` row of (dag_id, run_id, task_id, map_index, key)
//   locks:   that row until commit
//   returns: the updated XCom with its run's dates; null when there is none
import type { SqlClient } from "../../../sqlClient";
import {
  WRITTEN_WITH_RUN_DATES,
  type XcomEntryWrite,
  type XcomWriteRow,
  xcomWriteFromRow,
} from "./xcomWriteRow";

/** Input of updateXcomEntry. */
export type UpdateXcomEntryInput = XcomEntryWrite;

/** Updates an XCom entry's value; null when there is no such entry. */
export async function updateXcomEntry(
  client: SqlClient,
  input: UpdateXcomEntryInput,
): Promise<XcomWriteRow | null> {
  const result = await client.query(
    `with written as (
       update xcom set value = $6::jsonb
       where dag_id = $1 and run_id = $2 and task_id = $3 and map_index = $4 and key = $5
       returning *
     )
     ${WRITTEN_WITH_RUN_DATES}`,
    [input.dagId, input.runId, input.taskId, input.mapIndex, input.key, input.valueJson],
  );
  const row = result.rows[0];
  return row === undefined ? null : xcomWriteFromRow(row);
}
