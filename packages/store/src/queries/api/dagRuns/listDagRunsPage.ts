// listDagRunsPage: one page of DAG runs for the REST API (GET /dags/{dag_id}/dagRuns, of one DAG
// or of all, and the batch POST /dags/~/dagRuns/list), in the order asked for, with the number
// of runs matching. Two statements, run side by side: the page, and the count. The indexes of
// migration 0006 serve the common orders (start_date, and per DAG run_after) and state filters.
//   reads:   `dag_run` (filtered as dagRunWhereSql says), and the display name of each DAG on the
//            page from `serialized_dag` (one JSON path per DAG, not per run)
//   locks:   none
//   returns: { dagRuns, totalEntries }, runs in the requested order (id breaking ties)
import type { SqlClient } from "../../../sqlClient";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { DAG_RUN_DURATION_SQL, type DagRunFilters, dagRunWhereSql } from "./dagRunFilters";
import { type DagRunResponseRow, dagRunResponseFromRow } from "./dagRunResponseRow";

/** What a run list can be ordered by (Airflow's allowed attributes, dag_run_id being run_id). */
export type DagRunSortKey =
  | "id"
  | "state"
  | "dag_id"
  | "run_id"
  | "logical_date"
  | "run_after"
  | "start_date"
  | "end_date"
  | "updated_at"
  | "conf"
  | "duration";

/**
 * One ordering criterion. Nulls sort as Postgres sorts them and so as Airflow's API does on
 * Postgres (plain ASC/DESC): last ascending, first descending — which also lets one btree index
 * serve both directions.
 */
export type DagRunSort = ListOrder<DagRunSortKey>;

const SORT_SQL: Readonly<Record<DagRunSortKey, string>> = {
  id: "r.id",
  state: "r.state",
  dag_id: "r.dag_id",
  run_id: "r.run_id",
  logical_date: "r.logical_date",
  run_after: "r.run_after",
  start_date: "r.start_date",
  end_date: "r.end_date",
  updated_at: "r.updated_at",
  conf: "r.conf",
  duration: DAG_RUN_DURATION_SQL,
};

/** Whether `value` names a DagRunSortKey. */
export const isDagRunSortKey = isOrderKeyOf(SORT_SQL);

/** Input of listDagRunsPage. */
export interface ListDagRunsPageInput extends DagRunFilters {
  /** @default [{ key: "id", descending: false }]; id is appended when missing. */
  readonly orderBy?: readonly DagRunSort[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of runs. */
export interface DagRunsPage {
  readonly dagRuns: DagRunResponseRow[];
  readonly totalEntries: number;
}

/** Lists the runs matching the filters, one page of them. */
export async function listDagRunsPage(
  client: SqlClient,
  input: ListDagRunsPageInput,
): Promise<DagRunsPage> {
  const order = listOrderSql(SORT_SQL, input.orderBy ?? [], "id", { nullsLast: false });
  const pageParams: unknown[] = [];
  const pageWhere = dagRunWhereSql(input, pageParams);
  pageParams.push(input.limit, input.offset ?? 0);
  const limit = `$${pageParams.length - 1}`;
  const offset = `$${pageParams.length}`;
  const countParams: unknown[] = [];
  const countWhere = dagRunWhereSql(input, countParams);
  const [page, count] = await Promise.all([
    client.query(
      // The page's ids first, then their rows: the rows skipped by the offset are read from an
      // index alone where the filters and the order allow it, not fetched from the table.
      `with ids as materialized (
         select r.id from dag_run r ${pageWhere} order by ${order} limit ${limit} offset ${offset}
       ), page as materialized (
         select r.* from dag_run r where r.id in (select id from ids)
       ), names as materialized (
         select sd.dag_id, sd.data #>> '{dag,dag_display_name}' as dag_display_name
         from serialized_dag sd where sd.dag_id in (select dag_id from page)
       )
       select r.*, coalesce(n.dag_display_name, r.dag_id) as dag_display_name
       from page r left join names n on n.dag_id = r.dag_id
       order by ${order}`,
      pageParams,
    ),
    client.query<{ total: number }>(
      `select count(*)::int as total from dag_run r ${countWhere}`,
      countParams,
    ),
  ]);
  return {
    dagRuns: page.rows.map(dagRunResponseFromRow),
    totalEntries: Number(count.rows[0]?.total ?? 0),
  };
}
