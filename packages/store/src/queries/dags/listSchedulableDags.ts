// listSchedulableDags: the DAGs the scheduler creates runs for (not paused, not stale).
//   locks:   nothing
//   returns: DAGs ordered by dag_id
import { DAG_COLUMNS, type DagRow, dagFromRow } from "../../rows/dagRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listSchedulableDags. */
export interface ListSchedulableDagsInput {
  /** Only DAGs whose next_dagrun_create_after is at or before this time (due DAGs). */
  readonly dueBefore?: Date;
}

/** Lists unpaused, non-stale DAGs, optionally only those with a run due. */
export async function listSchedulableDags(
  client: SqlClient,
  input: ListSchedulableDagsInput = {},
): Promise<DagRow[]> {
  const result = await client.query(
    `select ${DAG_COLUMNS} from dag d
     where not d.is_paused and not d.is_stale
       and ($1::timestamptz is null or d.next_dagrun_create_after <= $1::timestamptz)
     order by d.dag_id`,
    [input.dueBefore ?? null],
  );
  return result.rows.map(dagFromRow);
}
