// Airflow's priority weight (higher runs first, int32, default 1) as a BullMQ priority (lower
// runs first, 1 … 2^21 - 1).

/** BullMQ's highest allowed priority number (the lowest precedence): 2^21 - 1. */
export const BULLMQ_PRIORITY_LIMIT = 2 ** 21 - 1;

/** The BullMQ priority Airflow's default weight 1 maps to, minus one: the middle of the range. */
const ORIGIN = 2 ** 20;

/**
 * Maps a priority weight to a BullMQ priority: `2^20 - weight`, clamped to `1 … 2^21 - 1`.
 * Every job gets a priority >= 1, so all jobs share BullMQ's prioritized set (BullMQ would run
 * priority-0 jobs before all prioritized ones) and equal weights keep FIFO order. The mapping is
 * strictly order-reversing for weights in ±1,048,575, far beyond what weight rules produce for
 * real DAGs; weights beyond that clamp to the first or last priority. A missing weight counts
 * as Airflow's default 1 (priority 1,048,575).
 */
export function bullMqPriority(priorityWeight: number | undefined): number {
  const weight = priorityWeight ?? 1;
  return Math.min(BULLMQ_PRIORITY_LIMIT, Math.max(1, ORIGIN - weight));
}
