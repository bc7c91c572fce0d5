// Effective priority weights (Airflow's `priority_weight_total` / weight rules): the number the
// scheduler sorts executable task instances by, highest first.
import { WeightRule } from "@updraft/sdk";

/** Airflow's `db_safe_priority` bounds: the weight is stored in a 32-bit integer column. */
export const PRIORITY_WEIGHT_MIN = -2_147_483_648;
/** Upper bound of an effective priority weight (int32). */
export const PRIORITY_WEIGHT_MAX = 2_147_483_647;

/** The graph and weight fields of one task. */
export interface WeightedTask {
  readonly upstreamTaskIds: readonly string[];
  /** The task's own `priority_weight` (Airflow's default is 1). */
  readonly priorityWeight: number;
  readonly weightRule: WeightRule;
}

function clampToInt32(weight: number): number {
  return Math.max(PRIORITY_WEIGHT_MIN, Math.min(PRIORITY_WEIGHT_MAX, weight));
}

/** Sum of the own weights of every task reachable from `start` (excluding it), each counted once. */
function sumReachable(
  start: string,
  edges: ReadonlyMap<string, readonly string[]>,
  tasks: Readonly<Record<string, WeightedTask>>,
): number {
  const seen = new Set<string>([start]);
  const stack = [...(edges.get(start) ?? [])];
  let sum = 0;
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    sum += tasks[id]?.priorityWeight ?? 0;
    stack.push(...(edges.get(id) ?? []));
  }
  return sum;
}

/**
 * Each task's effective weight: `absolute` = its own; `downstream` = own + the own weights of all
 * descendants; `upstream` = own + the own weights of all ancestors (a task reached by several
 * paths counts once), clamped to int32. Upstream ids that are not in `tasks` are ignored.
 */
export function effectivePriorityWeights(
  tasks: Readonly<Record<string, WeightedTask>>,
): Record<string, number> {
  const ids = Object.keys(tasks);
  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) {
    const parents = (tasks[id]?.upstreamTaskIds ?? []).filter((up) => downstream.has(up));
    upstream.set(id, parents);
    for (const parent of parents) downstream.get(parent)?.push(id);
  }
  return Object.fromEntries(
    ids.map((id) => {
      const task = tasks[id] as WeightedTask;
      let weight = task.priorityWeight;
      if (task.weightRule === WeightRule.DOWNSTREAM) weight += sumReachable(id, downstream, tasks);
      else if (task.weightRule === WeightRule.UPSTREAM) weight += sumReachable(id, upstream, tasks);
      return [id, clampToInt32(weight)];
    }),
  );
}
