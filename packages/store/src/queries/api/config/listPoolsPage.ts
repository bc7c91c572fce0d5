// listPoolsPage: one page of pools for GET /pools, in the order asked for, with Airflow's
// PoolResponse numbers — the sums of listPoolsWithOccupancy (POOL_OCCUPANCY_CTES, shared), with
// the API's ordering and case-insensitive patterns.
//   reads:   `slot_pool`, names matching any of the ILIKE patterns when given, and
//            `task_instance` of the page's pools in scheduled, queued, running or deferred
//   locks:   none (a snapshot for display)
//   returns: { pools, totalEntries }, in the requested order, id breaking ties; occupied =
//            running + queued (+ deferred when include_deferred); open = slots - occupied
//            (Infinity for slots -1)
import { type PoolWithOccupancyRow, poolWithOccupancyFromRow } from "../../../rows/poolRow";
import type { SqlClient } from "../../../sqlClient";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { POOL_OCCUPANCY_CTES } from "../../pools/poolOccupancySql";

/** What a pool list can be ordered by. */
export type PoolOrderKey = "id" | "pool";

const ORDER_COLUMNS: Readonly<Record<PoolOrderKey, string>> = { id: "p.id", pool: "p.pool" };

/** Whether `value` names a PoolOrderKey. */
export const isPoolOrderKey = isOrderKeyOf(ORDER_COLUMNS);

/** Input of listPoolsPage. */
export interface ListPoolsPageInput {
  /** ILIKE patterns on the name; any of them matches. */
  readonly namePatterns?: readonly string[] | null;
  /** @default by id */
  readonly orderBy?: readonly ListOrder<PoolOrderKey>[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of pools. */
export interface PoolsPageResult {
  readonly pools: PoolWithOccupancyRow[];
  readonly totalEntries: number;
}

/** Lists pools with their slot usage. */
export async function listPoolsPage(
  client: SqlClient,
  input: ListPoolsPageInput,
): Promise<PoolsPageResult> {
  const order = listOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id");
  const result = await client.query(
    `with filtered as (
       select * from slot_pool where $1::text[] is null or pool ilike any($1::text[])
     ), page as (
       select p.*, row_number() over (order by ${order}) as ordinal
       from filtered p order by ${order} limit $2 offset $3
     ), ${POOL_OCCUPANCY_CTES}
     select t.total, s.*,
       case when s.slots = -1 then null else s.slots - s.occupied_slots end as open_slots
     from (select count(*)::int as total from filtered) t left join stats s on true
     order by s.ordinal`,
    [input.namePatterns ?? null, input.limit, input.offset ?? 0],
  );
  return {
    pools: result.rows.filter((r) => r.id !== null).map(poolWithOccupancyFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
