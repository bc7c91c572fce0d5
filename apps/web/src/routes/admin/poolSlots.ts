// A pool's slots as the bar and words of the pools list: running, queued and (when the pool
// counts them) deferred task instances take slots; scheduled ones wait for them; the rest are
// open. Each part's share of the bar is of their sum, so the bar always fills; an unlimited
// pool (slots -1) has no open part.
import type { Pool } from "../../api/types";

export type SlotKind = "running" | "queued" | "deferred" | "scheduled" | "open";

export interface SlotPart {
  readonly kind: SlotKind;
  readonly count: number;
  /** Percent of the bar. */
  readonly share: number;
}

export const isUnlimited = (pool: Pool): boolean => pool.slots === -1;

/** The bar's parts, in order, leaving out the empty ones. */
export function poolSlotParts(pool: Pool): SlotPart[] {
  const counts: [SlotKind, number][] = [
    ["running", pool.running_slots],
    ["queued", pool.queued_slots],
    ["deferred", pool.include_deferred ? pool.deferred_slots : 0],
    ["scheduled", pool.scheduled_slots],
    ["open", isUnlimited(pool) ? 0 : Math.max(0, pool.open_slots)],
  ];
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  return counts
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => ({ kind, count, share: (count / total) * 100 }));
}

/** "2 running, 1 queued, 3 scheduled, 4 open" (open: "unlimited" for a pool without a limit). */
export function poolSlotSummary(pool: Pool): string {
  const parts = [
    `${pool.running_slots} running`,
    `${pool.queued_slots} queued`,
    ...(pool.deferred_slots > 0 || pool.include_deferred
      ? [`${pool.deferred_slots} deferred`]
      : []),
    `${pool.scheduled_slots} scheduled`,
    isUnlimited(pool) ? "unlimited open" : `${pool.open_slots} open`,
  ];
  return parts.join(", ");
}
