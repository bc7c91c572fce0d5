// listXcomEntries: one page of XCom entries (no values) for the REST API, with the total.
//   reads:   `xcom` joined with `dag_run` (logical_date, run_after), filtered by the given fields
//   locks:   none
//   returns: { xcomEntries, totalEntries }, ordered by run, task_id, map_index, key
import { type XcomListEntryRow, xcomListEntryFromRow } from "../../rows/xcomRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listXcomEntries; an omitted filter matches everything (the API's "~"). */
export interface ListXcomEntriesInput {
  readonly dagId?: string;
  readonly runId?: string;
  readonly taskId?: string;
  readonly mapIndex?: number;
  readonly key?: string;
  /** @default 50 */
  readonly limit?: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of XCom entries. */
export interface XcomEntriesPage {
  readonly xcomEntries: XcomListEntryRow[];
  /** Entries matching the filters, over all pages. */
  readonly totalEntries: number;
}

/** Lists XCom entries without their values. */
export async function listXcomEntries(
  client: SqlClient,
  input: ListXcomEntriesInput = {},
): Promise<XcomEntriesPage> {
  const result = await client.query(
    `with filtered as (
       select x.dag_run_id, x.dag_id, x.run_id, x.task_id, x.map_index, x.key, x.timestamp,
              r.logical_date, r.run_after
       from xcom x join dag_run r on r.id = x.dag_run_id
       where ($1::text is null or x.dag_id = $1) and ($2::text is null or x.run_id = $2)
         and ($3::text is null or x.task_id = $3) and ($4::int is null or x.map_index = $4)
         and ($5::text is null or x.key = $5)
     ), page as (
       select * from filtered order by dag_run_id, task_id, map_index, key limit $6 offset $7
     )
     select t.total, page.*
     from (select count(*)::int as total from filtered) t left join page on true
     order by page.dag_run_id, page.task_id, page.map_index, page.key`,
    [
      input.dagId ?? null,
      input.runId ?? null,
      input.taskId ?? null,
      input.mapIndex ?? null,
      input.key ?? null,
      input.limit ?? 50,
      input.offset ?? 0,
    ],
  );
  return {
    xcomEntries: result.rows.filter((r) => r.dag_id !== null).map(xcomListEntryFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
