// createPool: stores a new pool.
//   writes:  inserts one `slot_pool` row (on conflict on pool: nothing)
//   locks:   the new row until commit
//   returns: the pool; ALREADY_EXISTS when the name is taken, INVALID_INPUT for an empty name
//            or slots below -1
import { UpdraftError } from "@updraft/sdk";
import { StoreError } from "../../storeError";
import { type PoolRow, poolFromRow } from "../../rows/poolRow";
import type { SqlClient } from "../../sqlClient";

/** Input of createPool. */
export interface CreatePoolInput {
  readonly name: string;
  /** -1 means unlimited. */
  readonly slots: number;
  /** @default null */
  readonly description?: string | null;
  /** @default false */
  readonly includeDeferred?: boolean;
}

function assertPoolSlots(slots: number): void {
  if (!Number.isInteger(slots) || slots < -1)
    throw new StoreError(
      "INVALID_INPUT",
      `pool.slots: expected an integer >= -1 (-1 = unlimited), got ${String(slots)}`,
    );
}

/** Creates a pool. */
export async function createPool(client: SqlClient, input: CreatePoolInput): Promise<PoolRow> {
  if (input.name === "")
    throw new StoreError("INVALID_INPUT", 'pool.name: expected a non-empty string, got ""');
  assertPoolSlots(input.slots);
  const result = await client.query(
    `insert into slot_pool (pool, slots, description, include_deferred) values ($1, $2, $3, $4)
     on conflict (pool) do nothing
     returning *`,
    [input.name, input.slots, input.description ?? null, input.includeDeferred ?? false],
  );
  const row = result.rows[0];
  if (row === undefined)
    throw new UpdraftError(
      "ALREADY_EXISTS",
      `The pool with name: \`${input.name}\` already exists`,
      {
        details: { name: input.name },
      },
    );
  return poolFromRow(row);
}
