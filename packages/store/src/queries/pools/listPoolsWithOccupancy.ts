// listPoolsWithOccupancy: one page of pools with Airflow's PoolResponse numbers (Pool.slots_stats).
//   reads:   `slot_pool`, and `task_instance` of the page's pools in scheduled, queued, running
//            or deferred (sums of pool_slots per state)
//   locks:   none (a snapshot for display and health; admission re-checks in its transaction)
//   returns: { pools, totalEntries }, ordered by id; occupied = running + queued (+ deferred
//            when include_deferred); open = slots - occupied (Infinity for slots -1)
import { type PoolWithOccupancyRow, poolWithOccupancyFromRow } from "../../rows/poolRow";
import type { SqlClient } from "../../sqlClient";
import { POOL_OCCUPANCY_CTES } from "./poolOccupancySql";

/** Input of listPoolsWithOccupancy. */
export interface ListPoolsInput {
  /** Only the pool with this exact name. */
  readonly name?: string;
  /** SQL LIKE pattern (`%`, `_`) on the name (the API's pool_name_pattern). */
  readonly namePattern?: string;
  /** @default 50 */
  readonly limit?: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of pools. */
export interface PoolsPage {
  readonly pools: PoolWithOccupancyRow[];
  readonly totalEntries: number;
}

/** Lists pools with their slot usage. */
export async function listPoolsWithOccupancy(
  client: SqlClient,
  input: ListPoolsInput = {},
): Promise<PoolsPage> {
  const result = await client.query(
    `with filtered as (
       select * from slot_pool
       where ($1::text is null or pool = $1) and ($2::text is null or pool like $2)
     ), page as (
       select * from filtered order by id limit $3 offset $4
     ), ${POOL_OCCUPANCY_CTES}
     select t.total, s.*,
       case when s.slots = -1 then null else s.slots - s.occupied_slots end as open_slots
     from (select count(*)::int as total from filtered) t left join stats s on true
     order by s.id`,
    [input.name ?? null, input.namePattern ?? null, input.limit ?? 50, input.offset ?? 0],
  );
  return {
    pools: result.rows.filter((r) => r.id !== null).map(poolWithOccupancyFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
