// The `slot_pool` row in camelCase, with its occupancy numbers: the one place its snake_case
// columns are mapped.
import type { Row } from "../sqlClient";

/** One pool (Airflow's Pool). */
export interface PoolRow {
  readonly id: number;
  readonly name: string;
  /** -1 means unlimited. */
  readonly slots: number;
  readonly description: string | null;
  /** Deferred TIs occupy slots too. */
  readonly includeDeferred: boolean;
}

/**
 * A pool with Airflow's PoolResponse numbers, each a sum of `pool_slots` over the pool's task
 * instances in that state.
 */
export interface PoolWithOccupancyRow extends PoolRow {
  /** running + queued (+ deferred when includeDeferred). */
  readonly occupiedSlots: number;
  readonly runningSlots: number;
  readonly queuedSlots: number;
  readonly scheduledSlots: number;
  readonly deferredSlots: number;
  /** slots − occupiedSlots (negative when over-subscribed); Infinity when slots is -1. */
  readonly openSlots: number;
}

/** Maps a `slot_pool` row. */
export function poolFromRow(row: Row): PoolRow {
  return {
    id: Number(row.id),
    name: row.pool as string,
    slots: Number(row.slots),
    description: row.description as string | null,
    includeDeferred: row.include_deferred as boolean,
  };
}

/** Maps a `slot_pool` row with the occupancy columns of listPoolsWithOccupancy. */
export function poolWithOccupancyFromRow(row: Row): PoolWithOccupancyRow {
  return {
    ...poolFromRow(row),
    occupiedSlots: Number(row.occupied_slots),
    runningSlots: Number(row.running_slots),
    queuedSlots: Number(row.queued_slots),
    scheduledSlots: Number(row.scheduled_slots),
    deferredSlots: Number(row.deferred_slots),
    openSlots: row.open_slots === null ? Number.POSITIVE_INFINITY : Number(row.open_slots),
  };
}
