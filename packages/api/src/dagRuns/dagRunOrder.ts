// The order_by attributes Airflow allows on DAG run lists (get_dag_runs and the batch list):
// id, state, dag_id, run_id (alias dag_run_id), logical_date, run_after, start_date, end_date,
// updated_at, conf, duration — default id ascending, id breaking ties.
import { type DagRunSort, isDagRunSortKey } from "@updraft/store";
import { pageRequest } from "../http/pagination";
import { storeOrderBy } from "../http/storeOrderBy";

const ATTRIBUTES: Readonly<Record<string, string>> = {
  id: "id",
  state: "state",
  dag_id: "dag_id",
  run_id: "run_id",
  dag_run_id: "run_id",
  logical_date: "logical_date",
  run_after: "run_after",
  start_date: "start_date",
  end_date: "end_date",
  updated_at: "updated_at",
  conf: "conf",
  duration: "duration",
};

/** A page of a run list: limit, offset, and the store's ordering criteria. */
export interface DagRunPage {
  readonly limit: number;
  readonly offset: number;
  readonly orderBy: readonly DagRunSort[];
}

/** The page `query` asks for (`limit`, `offset`, `order_by`), checked as Airflow checks it. */
export function dagRunPage(query: Readonly<Record<string, unknown>>): DagRunPage {
  const page = pageRequest(query, ATTRIBUTES, "id", ["id"]);
  return {
    limit: page.limit,
    offset: page.offset,
    orderBy: storeOrderBy(page, isDagRunSortKey),
  };
}
