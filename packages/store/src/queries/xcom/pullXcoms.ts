// pullXcoms: reads XComs for Airflow's xcom_pull(task_ids, key, map_indexes) in one select.
//   reads:   `xcom` of one run, for the given task ids and key (and map indexes, if given)
//   locks:   none
//   returns: the stored XComs ordered by the position of task_id in taskIds, then by the
//            position of map_index in mapIndexes (or ascending map_index when all are pulled);
//            absent XComs are simply missing (the caller substitutes its default)
import { type XcomRow, xcomFromRow } from "../../rows/xcomRow";
import type { SqlClient } from "../../sqlClient";

/** Input of pullXcoms. */
export interface PullXcomsInput {
  readonly dagId: string;
  readonly runId: string;
  /** In the order the caller wants the values back. */
  readonly taskIds: readonly string[];
  /** @default "return_value" */
  readonly key?: string;
  /** Only these map indexes, in this order; every index (ascending) when omitted. */
  readonly mapIndexes?: readonly number[];
}

/** Reads the XComs xcom_pull asks for, in xcom_pull's order. */
export async function pullXcoms(client: SqlClient, input: PullXcomsInput): Promise<XcomRow[]> {
  if (input.taskIds.length === 0 || input.mapIndexes?.length === 0) return [];
  const result = await client.query(
    `select x.dag_id, x.run_id, x.task_id, x.map_index, x.key, x.value, x.timestamp
     from unnest($3::text[]) with ordinality as t(task_id, ord)
     join xcom x on x.task_id = t.task_id
     where x.dag_run_id = (select id from dag_run where dag_id = $1 and run_id = $2)
       and x.key = $4
       and ($5::int[] is null or x.map_index = any($5::int[]))
     order by t.ord, array_position($5::int[], x.map_index), x.map_index`,
    [
      input.dagId,
      input.runId,
      input.taskIds,
      input.key ?? "return_value",
      input.mapIndexes ?? null,
    ],
  );
  return result.rows.map(xcomFromRow);
}
