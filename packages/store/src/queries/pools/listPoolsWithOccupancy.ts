// listPoolsWithOccupancy: one page of pools with Airflow's PoolResponse numbers (Pool.slots_stats).
//   reads:   `slot_pool`, and `task_instance` of the page's pools in scheduled, queued, running
//            or deferred (sums of pool_slots per state)
//   locks:   none (a snapshot for display and health; admission re-checks in its transaction)
//   returns: { pools, totalEntries }, ordered by id; occupied = running + queued (+ deferred
//            when include_deferred); open = slots - occupied (Infinity for slots -1)
import { type PoolWithOccupancyRow, poolWithOccupancyFromRow } from "../../rows/poolRow";
import type { SqlClient } from "../../sqlClient";

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
     ), used as (
       select ti.pool,
         coalesce(sum(ti.pool_slots) filter (where ti.state = 'running'), 0) as running_slots,
         coalesce(sum(ti.pool_slots) filter (where ti.state = 'queued'), 0) as queued_slots,
         coalesce(sum(ti.pool_slots) filter (where ti.state = 'scheduled'), 0) as scheduled_slots,
         coalesce(sum(ti.pool_slots) filter (where ti.state = 'deferred'), 0) as deferred_slots
       from task_instance ti
       where ti.pool in (select pool from page)
         and ti.state in ('running', 'queued', 'scheduled', 'deferred')
       group by ti.pool
     ), stats as (
       select page.*,
         coalesce(u.running_slots, 0)::int as running_slots,
         coalesce(u.queued_slots, 0)::int as queued_slots,
         coalesce(u.scheduled_slots, 0)::int as scheduled_slots,
         coalesce(u.deferred_slots, 0)::int as deferred_slots,
         (coalesce(u.running_slots, 0) + coalesce(u.queued_slots, 0)
           + case when page.include_deferred then coalesce(u.deferred_slots, 0) else 0 end
         )::int as occupied_slots
       from page left join used u on u.pool = page.pool
     )
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
