// listTaskInstancesPage: one page of task instances for the REST API, with the number matching.
//   reads:   `task_instance` joined with its `dag_run` (filters, order), then for the page only
//            the `serialized_dag` (display and operator names) and
//            `rendered_task_instance_fields`
//   locks:   none
//   returns: { taskInstances, totalEntries }, in the requested order (id breaking ties)
import type { SqlClient } from "../../../sqlClient";
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
export interface TaskInstanceOrder {
  readonly key: TaskInstanceOrderKey;
  readonly descending: boolean;
}

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
export const isTaskInstanceOrderKey = (value: string): value is TaskInstanceOrderKey =>
  Object.hasOwn(ORDER_COLUMNS, value);

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

function orderSql(orderBy: readonly TaskInstanceOrder[]): string {
  const criteria: TaskInstanceOrder[] =
    orderBy.length > 0 ? [...orderBy] : [{ key: "map_index", descending: false }];
  if (!criteria.some((c) => c.key === "id"))
    criteria.push({ key: "id", descending: criteria[0]?.descending ?? false });
  return criteria
    .map((c) => `${ORDER_COLUMNS[c.key]} ${c.descending ? "desc" : "asc"} nulls last`)
    .join(", ");
}

/** Lists the task instances matching the filters, one page of them. */
export async function listTaskInstancesPage(
  client: SqlClient,
  input: ListTaskInstancesPageInput,
): Promise<TaskInstancesPage> {
  const where = taskInstanceWhere(input, 3);
  const order = orderSql(input.orderBy ?? []);
  const result = await client.query(
    `with filtered as (
       select ti.*, r.logical_date, r.run_after, r.data_interval_start, r.data_interval_end
       from task_instance ti join dag_run r on r.dag_id = ti.dag_id and r.run_id = ti.run_id
       where ${where.sql}
     ), page as (
       select f.*, row_number() over (order by ${order}) as ordinal
       from filtered f order by ${order} limit $1 offset $2
     )
     select t.total, p.*, ${dagDisplayNameSql("p")} as dag_display_name,
       ${operatorNameSql("p")} as operator_name, rf.rendered_fields
     from (select count(*)::int as total from filtered) t
     left join page p on true
     left join serialized_dag sd on sd.dag_id = p.dag_id
     left join rendered_task_instance_fields rf on rf.dag_id = p.dag_id
       and rf.run_id = p.run_id and rf.task_id = p.task_id and rf.map_index = p.map_index
     order by p.ordinal`,
    [input.limit, input.offset ?? 0, ...where.params],
  );
  return {
    taskInstances: result.rows.filter((r) => r.id !== null).map(taskInstanceResponseFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
