// getPool: one pool with its occupancy numbers (listPoolsWithOccupancy filtered by name).
//   reads:   as listPoolsWithOccupancy, for one pool
//   locks:   none
//   returns: the pool with its PoolResponse numbers, or null when there is none
import type { PoolWithOccupancyRow } from "../../rows/poolRow";
import type { SqlClient } from "../../sqlClient";
import { listPoolsWithOccupancy } from "./listPoolsWithOccupancy";

/** Reads a pool and its slot usage; null when the name is unknown. */
export async function getPool(
  client: SqlClient,
  input: { readonly name: string },
): Promise<PoolWithOccupancyRow | null> {
  const page = await listPoolsWithOccupancy(client, { name: input.name, limit: 1 });
  return page.pools[0] ?? null;
}
