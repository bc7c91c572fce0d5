// The `order_by` attributes of the task instance lists: Airflow's (id, state, duration,
// start_date, end_date, map_index, try_number, logical_date, run_after, data_interval_start,
// data_interval_end, rendered_map_index, operator) plus the key columns dag_id, run_id and
// task_id, which a list across runs needs to be read in a stable order. Default: map_index.
import { isTaskInstanceOrderKey, type TaskInstanceOrder } from "@updraft/store";
import type { PageRequest } from "../http/pagination";
import { storeOrderBy } from "../http/storeOrderBy";

/** Attribute → the store's order key (given to pageRequest as the "column"). */
export const TASK_INSTANCE_ORDER_ATTRIBUTES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    "id",
    "state",
    "duration",
    "start_date",
    "end_date",
    "map_index",
    "try_number",
    "logical_date",
    "run_after",
    "data_interval_start",
    "data_interval_end",
    "rendered_map_index",
    "operator",
    "dag_id",
    "run_id",
    "task_id",
  ].map((key) => [key, key]),
);

/** The page's ordering as the store's listTaskInstancesPage takes it. */
export function taskInstanceOrder(page: PageRequest): TaskInstanceOrder[] {
  return storeOrderBy(page, isTaskInstanceOrderKey);
}

/** The order of the task instances a mark or a clear returns: by run, task and map index. */
export const BY_RUN_TASK_AND_MAP_INDEX: readonly TaskInstanceOrder[] = [
  { key: "run_after", descending: false },
  { key: "task_id", descending: false },
  { key: "map_index", descending: false },
];
