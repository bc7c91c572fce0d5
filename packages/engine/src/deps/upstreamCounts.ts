// Tallies the states of a task's direct upstream task instances: the only input Airflow's
// trigger-rule check looks at (trigger_rule_dep.py `_UpstreamTIStates`).
import { TaskInstanceState } from "@updraft/sdk";
import type { TaskInstanceStateOrNone } from "@updraft/sdk";

/** Counts over a task's direct upstream task instances, named like Airflow's `_UpstreamTIStates`. */
export interface UpstreamCounts {
  /** Upstreams in `success`. */
  readonly success: number;
  /** Upstreams in `skipped`. */
  readonly skipped: number;
  /** Upstreams in `failed`. */
  readonly failed: number;
  /** Upstreams in `upstream_failed`. */
  readonly upstreamFailed: number;
  /** Upstreams in `removed`. */
  readonly removed: number;
  /** Finished upstreams: success + skipped + failed + upstream_failed + removed. */
  readonly done: number;
  /** Every direct upstream, finished or not (Airflow's `upstream`). */
  readonly total: number;
}

/** Counts the given direct-upstream states; unfinished ones (including `null`) only add to `total`. */
export function countUpstreamStates(states: readonly TaskInstanceStateOrNone[]): UpstreamCounts {
  let success = 0;
  let skipped = 0;
  let failed = 0;
  let upstreamFailed = 0;
  let removed = 0;
  for (const state of states) {
    if (state === TaskInstanceState.SUCCESS) success += 1;
    else if (state === TaskInstanceState.SKIPPED) skipped += 1;
    else if (state === TaskInstanceState.FAILED) failed += 1;
    else if (state === TaskInstanceState.UPSTREAM_FAILED) upstreamFailed += 1;
    else if (state === TaskInstanceState.REMOVED) removed += 1;
  }
  // Airflow sums its counter over finished TIs only, so `done` is exactly these five buckets.
  const done = success + skipped + failed + upstreamFailed + removed;
  return { success, skipped, failed, upstreamFailed, removed, done, total: states.length };
}
