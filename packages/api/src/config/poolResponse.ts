// A pool as Airflow's PoolResponse shows it, with its slot usage (sums of pool_slots of its
// task instances per state); an unlimited pool (slots -1) has open_slots -1, as Airflow turns
// its infinity into -1. Updraft has no teams: team_name is null.
import type { PoolWithOccupancyRow } from "@updraft/store";

/** Airflow's PoolResponse. */
export interface PoolResponseBody {
  readonly name: string;
  readonly slots: number;
  readonly description: string | null;
  readonly include_deferred: boolean;
  readonly occupied_slots: number;
  readonly running_slots: number;
  readonly queued_slots: number;
  readonly scheduled_slots: number;
  readonly open_slots: number;
  readonly deferred_slots: number;
  readonly team_name: null;
}

/** The PoolResponse of `pool`. */
export function poolResponse(pool: PoolWithOccupancyRow): PoolResponseBody {
  return {
    name: pool.name,
    slots: pool.slots,
    description: pool.description,
    include_deferred: pool.includeDeferred,
    occupied_slots: pool.occupiedSlots,
    running_slots: pool.runningSlots,
    queued_slots: pool.queuedSlots,
    scheduled_slots: pool.scheduledSlots,
    open_slots: Number.isFinite(pool.openSlots) ? pool.openSlots : -1,
    deferred_slots: pool.deferredSlots,
    team_name: null,
  };
}
