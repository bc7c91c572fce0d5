// lockPools: reads the pools a bulk request names and locks them, so that its create / update /
// delete actions decide what exists and write in the same transaction.
//   reads:   the `slot_pool` rows whose name is one of names
//   locks:   those rows (for update, in id order) until the caller's transaction ends
//   returns: the pools as stored, in id order; names not stored are simply missing
import { type PoolRow, poolFromRow } from "../../../rows/poolRow";
import type { SqlClient } from "../../../sqlClient";

/** Reads and locks pools; run it inside a transaction. */
export async function lockPools(
  client: SqlClient,
  input: { readonly names: readonly string[] },
): Promise<PoolRow[]> {
  if (input.names.length === 0) return [];
  const result = await client.query(
    "select * from slot_pool where pool = any($1::text[]) order by id for update",
    [input.names],
  );
  return result.rows.map(poolFromRow);
}
