// listDags: one page of DAGs for the REST API's GET /dags, with the number of DAGs matching.
//   reads:   `dag`, its `dag_tag` rows, the display name from `serialized_dag`, and (when the
//            filters or the order need it) each DAG's latest started `dag_run`
//   locks:   none
//   returns: { dags, totalEntries }, dags in the requested order (dag_id breaking ties)
import type { SqlClient } from "../../../sqlClient";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { selectPage } from "../selectPage";
import { type DagFilters, dagFilterParams, FILTERED_DAGS_SQL } from "./dagFilters";
import {
  DAG_DISPLAY_NAME_SQL,
  type DagResponseRow,
  dagResponseFromRow,
  dagTagsSql,
} from "./dagResponseRow";

/** What a DAG list can be ordered by. */
export type DagOrderKey =
  "dag_id" | "dag_display_name" | "next_dagrun" | "last_run_state" | "last_run_start_date";

/** One ordering criterion; nulls sort last in both directions, as Airflow's API sorts them. */
export type DagOrder = ListOrder<DagOrderKey>;

const ORDER_COLUMNS: Readonly<Record<DagOrderKey, string>> = {
  dag_id: "f.dag_id",
  dag_display_name: "f.dag_display_name",
  next_dagrun: "f.next_dagrun",
  last_run_state: "f.last_run_state",
  last_run_start_date: "f.last_run_start_date",
};

/** Whether `value` names a DagOrderKey. */
export const isDagOrderKey = isOrderKeyOf(ORDER_COLUMNS);

/** Input of listDags. */
export interface ListDagsInput extends DagFilters {
  /** @default [{ key: "dag_id", descending: false }]; dag_id is appended when missing. */
  readonly orderBy?: readonly DagOrder[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of DAGs. */
export interface DagsPage {
  readonly dags: DagResponseRow[];
  readonly totalEntries: number;
}

/** Lists DAGs matching the filters, one page of them. */
export async function listDags(client: SqlClient, input: ListDagsInput): Promise<DagsPage> {
  const orderBy = input.orderBy ?? [];
  const byLastRun = orderBy.some((c) => c.key.startsWith("last_run_"));
  const page = await selectPage(client, {
    filtered: `select d.*, ${DAG_DISPLAY_NAME_SQL} as dag_display_name, sd.dag_id is not null as is_serialized,
              lr.state as last_run_state, lr.start_date as last_run_start_date
       ${FILTERED_DAGS_SQL}`,
    params: dagFilterParams(input, byLastRun),
    order: listOrderSql(ORDER_COLUMNS, orderBy, "dag_id"),
    limit: input.limit,
    offset: input.offset ?? 0,
    columns: `${dagTagsSql("p")} as tags`,
    key: "dag_id",
  });
  return { dags: page.rows.map(dagResponseFromRow), totalEntries: page.totalEntries };
}
