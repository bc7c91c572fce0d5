// listTaskInstancesPage: one page of task instances for the REST API, with the number matching.
//   reads:   `task_instance` joined with its `dag_run` (filters, order), then for the page only
//            the `serialized_dag` (display and operator names) and
//            `rendered_task_instance_fields`
//   locks:   none
//   returns: { taskInstances, totalEntries }, in the requested order (id breaking ties)
import type { SqlClient } from "../../../sqlClient";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { selectPage } from "../selectPage";
import { type TaskInstanceFilters, taskInstanceWhere } from "./taskInstanceFilters";
import {
  dagDisplayNameSql,
  operatorNameSql,
  type TaskInstanceResponseRow,
  taskInstanceResponseFromRow,
} from "./taskInstanceResponseRow";

/** What a task instance list can be ordered by (Airflow's attributes, plus the key columns). */
export type TaskInstanceOrderKey =
  | "id"
  | "state"
  | "duration"
  | "start_date"
  | "end_date"
  | "map_index"
  | "try_number"
  | "logical_date"
  | "run_after"
  | "data_interval_start"
  | "data_interval_end"
  | "rendered_map_index"
  | "operator"
  | "dag_id"
  | "run_id"
  | "task_id";

/** One ordering criterion; nulls sort last in both directions, as Airflow's API sorts them. */
export type TaskInstanceOrder = ListOrder<TaskInstanceOrderKey>;

const ORDER_COLUMNS: Readonly<Record<TaskInstanceOrderKey, string>> = {
  id: "f.id",
  state: "f.state",
  duration: "f.duration",
  start_date: "f.start_date",
  end_date: "f.end_date",
  map_index: "f.map_index",
  try_number: "f.try_number",
  logical_date: "f.logical_date",
  run_after: "f.run_after",
  data_interval_start: "f.data_interval_start",
  data_interval_end: "f.data_interval_end",
  rendered_map_index: "f.rendered_map_index",
  operator: "f.operator",
  dag_id: "f.dag_id",
  run_id: "f.run_id",
  task_id: "f.task_id",
};

/** Whether `value` names a TaskInstanceOrderKey. */
export const isTaskInstanceOrderKey = isOrderKeyOf(ORDER_COLUMNS);

/** Input of listTaskInstancesPage. */
export interface ListTaskInstancesPageInput extends TaskInstanceFilters {
  /** @default [{ key: "map_index", descending: false }]; id is appended when missing. */
  readonly orderBy?: readonly TaskInstanceOrder[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of task instances. */
export interface TaskInstancesPage {
  readonly taskInstances: TaskInstanceResponseRow[];
  readonly totalEntries: number;
}

/** Lists the task instances matching the filters, one page of them. */
export async function listTaskInstancesPage(
  client: SqlClient,
  input: ListTaskInstancesPageInput,
): Promise<TaskInstancesPage> {
  const where = taskInstanceWhere(input);
  const page = await selectPage(client, {
    filtered: `select ti.*, r.logical_date, r.run_after, r.data_interval_start, r.data_interval_end
       from task_instance ti join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id
       where ${where.sql}`,
    params: where.params,
    order: listOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id", {
      fallback: [{ key: "map_index", descending: false }],
    }),
    limit: input.limit,
    offset: input.offset ?? 0,
    columns: `${dagDisplayNameSql("p")} as dag_display_name,
       ${operatorNameSql("p")} as operator_name, rf.rendered_fields`,
    joins: `left join serialized_dag sd on sd.dag_id = p.dag_id
     left join rendered_task_instance_fields rf on rf.dag_id = p.dag_id
       and rf.run_id = p.run_id and rf.task_id = p.task_id and rf.map_index = p.map_index`,
  });
  return {
    taskInstances: page.rows.map(taskInstanceResponseFromRow),
    totalEntries: page.totalEntries,
  };
}
