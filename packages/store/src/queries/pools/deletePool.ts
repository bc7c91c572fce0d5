// deletePool: deletes a pool (never default_pool). Task instances keep the pool name.
//   writes:  deletes the `slot_pool` row with this name
//   locks:   that row until commit
//   returns: the deleted pool; INVALID_INPUT for default_pool, NOT_FOUND when there is none
import { StoreError } from "../../storeError";
import { type PoolRow, poolFromRow } from "../../rows/poolRow";
import type { SqlClient } from "../../sqlClient";

/** Deletes a pool. */
export async function deletePool(
  client: SqlClient,
  input: { readonly name: string },
): Promise<PoolRow> {
  if (input.name === "default_pool")
    throw new StoreError("INVALID_INPUT", "Default Pool can't be deleted", {
      details: { name: input.name },
    });
  const result = await client.query("delete from slot_pool where pool = $1 returning *", [
    input.name,
  ]);
  const row = result.rows[0];
  if (row === undefined)
    throw new StoreError("NOT_FOUND", `The Pool with name: \`${input.name}\` was not found`, {
      details: { name: input.name },
    });
  return poolFromRow(row);
}
