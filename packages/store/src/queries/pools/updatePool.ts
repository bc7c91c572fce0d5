// updatePool: changes a pool's slots, description or include_deferred (omitted = kept).
//   writes:  updates the `slot_pool` row with this name
//   locks:   that row until commit
//   returns: the updated pool; NOT_FOUND when there is none; INVALID_INPUT for slots below -1
//            or a description change on default_pool (Airflow allows only slots and
//            include_deferred there)
import { StoreError } from "../../storeError";
import { type PoolRow, poolFromRow } from "../../rows/poolRow";
import type { SqlClient } from "../../sqlClient";

/** Input of updatePool. */
export interface UpdatePoolInput {
  readonly name: string;
  readonly slots?: number;
  /** null clears it. */
  readonly description?: string | null;
  readonly includeDeferred?: boolean;
}

/** Updates a pool. */
export async function updatePool(client: SqlClient, input: UpdatePoolInput): Promise<PoolRow> {
  if (input.slots !== undefined && (!Number.isInteger(input.slots) || input.slots < -1))
    throw new StoreError(
      "INVALID_INPUT",
      `pool.slots: expected an integer >= -1 (-1 = unlimited), got ${String(input.slots)}`,
    );
  if (input.name === "default_pool" && input.description !== undefined)
    throw new StoreError(
      "INVALID_INPUT",
      "Only slots and included_deferred can be modified on Default Pool",
    );
  const result = await client.query(
    `update slot_pool set
       slots = coalesce($2, slots),
       description = case when $3::boolean then $4 else description end,
       include_deferred = coalesce($5, include_deferred)
     where pool = $1
     returning *`,
    [
      input.name,
      input.slots ?? null,
      input.description !== undefined,
      input.description ?? null,
      input.includeDeferred ?? null,
    ],
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new StoreError("NOT_FOUND", `The Pool with name: \`${input.name}\` was not found`, {
      details: { name: input.name },
    });
  return poolFromRow(row);
}
