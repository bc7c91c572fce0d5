// GET /dags's `order_by` attributes, as Airflow allows them: dag_id, dag_display_name,
// next_dagrun, and the latest run's state and start date (`last_run_state`,
// `last_run_start_date`, and their short spellings `state`, `start_date`).
import { type DagOrder, isDagOrderKey } from "@updraft/store";
import type { PageRequest } from "../http/pagination";
import { storeOrderBy } from "../http/storeOrderBy";

/** Attribute → the store's order key (given to pageRequest as the "column"). */
export const DAG_ORDER_ATTRIBUTES: Readonly<Record<string, string>> = {
  dag_id: "dag_id",
  dag_display_name: "dag_display_name",
  next_dagrun: "next_dagrun",
  state: "last_run_state",
  start_date: "last_run_start_date",
  last_run_state: "last_run_state",
  last_run_start_date: "last_run_start_date",
};

/** The page's ordering as the store's listDags takes it. */
export function dagOrder(page: PageRequest): DagOrder[] {
  return storeOrderBy(page, isDagOrderKey);
}
