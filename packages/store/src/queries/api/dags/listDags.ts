// listDags: one page of DAGs for the REST API's GET /dags, with the number of DAGs matching.
//   reads:   `dag`, its `dag_tag` rows, the display name from `serialized_dag`, and (when the
//            filters or the order need it) each DAG's latest started `dag_run`
//   locks:   none
//   returns: { dags, totalEntries }, dags in the requested order (dag_id breaking ties)
import type { SqlClient } from "../../../sqlClient";
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
export interface DagOrder {
  readonly key: DagOrderKey;
  readonly descending: boolean;
}

const ORDER_COLUMNS: Readonly<Record<DagOrderKey, string>> = {
  dag_id: "f.dag_id",
  dag_display_name: "f.dag_display_name",
  next_dagrun: "f.next_dagrun",
  last_run_state: "f.last_run_state",
  last_run_start_date: "f.last_run_start_date",
};

/** Whether `value` names a DagOrderKey. */
export const isDagOrderKey = (value: string): value is DagOrderKey =>
  Object.hasOwn(ORDER_COLUMNS, value);

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

function orderSql(orderBy: readonly DagOrder[]): string {
  const criteria: DagOrder[] =
    orderBy.length > 0 ? [...orderBy] : [{ key: "dag_id", descending: false }];
  if (!criteria.some((c) => c.key === "dag_id"))
    criteria.push({ key: "dag_id", descending: criteria[0]?.descending ?? false });
  return criteria
    .map((c) => `${ORDER_COLUMNS[c.key]} ${c.descending ? "desc" : "asc"} nulls last`)
    .join(", ");
}

/** Lists DAGs matching the filters, one page of them. */
export async function listDags(client: SqlClient, input: ListDagsInput): Promise<DagsPage> {
  const orderBy = input.orderBy ?? [];
  const order = orderSql(orderBy);
  const byLastRun = orderBy.some((c) => c.key.startsWith("last_run_"));
  const result = await client.query(
    `with filtered as (
       select d.*, ${DAG_DISPLAY_NAME_SQL} as dag_display_name, sd.dag_id is not null as is_serialized,
              lr.state as last_run_state, lr.start_date as last_run_start_date
       ${FILTERED_DAGS_SQL}
     ),
     page as (
       select f.*, row_number() over (order by ${order}) as ordinal
       from filtered f order by ${order} limit $11 offset $12
     )
     select t.total, p.*, ${dagTagsSql("p")} as tags
     from (select count(*)::int as total from filtered) t
     left join page p on true
     order by p.ordinal`,
    [...dagFilterParams(input, byLastRun), input.limit, input.offset ?? 0],
  );
  return {
    dags: result.rows.filter((r) => r.dag_id !== null).map(dagResponseFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
