// listAssetsPage: one page of assets for GET /assets (and, by id, GET /assets/{asset_id}), in
// the order asked for, with the DAGs scheduled on each, the tasks updating it and its latest
// event. An asset is active (Airflow's asset_active) while a DAG that is not stale schedules on
// it or updates it.
//   reads:   `asset`, `dag_schedule_asset_reference`, `task_outlet_asset_reference`, `dag`
//            (is_stale), `asset_event` (the latest per asset of the page)
//   locks:   none
//   returns: { assets, totalEntries }, in the requested order, id breaking ties
import type { SqlClient } from "../../../sqlClient";
import { type AssetResponseRow, assetResponseFromRow } from "./assetResponseRow";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { selectPage } from "../selectPage";

/** What an asset list can be ordered by. */
export type AssetOrderKey = "id" | "name" | "uri" | "created_at" | "updated_at";

const ORDER_COLUMNS: Readonly<Record<AssetOrderKey, string>> = {
  id: "f.id",
  name: "f.name",
  uri: "f.uri",
  created_at: "f.created_at",
  updated_at: "f.updated_at",
};

/** Whether `value` names an AssetOrderKey. */
export const isAssetOrderKey = isOrderKeyOf(ORDER_COLUMNS);

/** Input of listAssetsPage; an omitted filter matches everything. */
export interface ListAssetsPageInput {
  /** Only the asset with this id. */
  readonly assetId?: number;
  /** ILIKE patterns on the name; any of them matches. */
  readonly namePatterns?: readonly string[] | null;
  /** ILIKE patterns on the URI; any of them matches. */
  readonly uriPatterns?: readonly string[] | null;
  /** Only assets one of these DAGs schedules on or updates. */
  readonly dagIds?: readonly string[] | null;
  /** Only active assets. @default false */
  readonly onlyActive?: boolean;
  /** @default by id */
  readonly orderBy?: readonly ListOrder<AssetOrderKey>[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of assets. */
export interface AssetsPageResult {
  readonly assets: AssetResponseRow[];
  readonly totalEntries: number;
}

/** Lists assets. */
export async function listAssetsPage(
  client: SqlClient,
  input: ListAssetsPageInput,
): Promise<AssetsPageResult> {
  const page = await selectPage(client, {
    filtered: `select a.* from asset a
       where ($1::int is null or a.id = $1)
         and ($2::text[] is null or a.name ilike any($2::text[]))
         and ($3::text[] is null or a.uri ilike any($3::text[]))
         and ($4::text[] is null
              or exists (select 1 from dag_schedule_asset_reference r
                         where r.asset_id = a.id and r.dag_id = any($4::text[]))
              or exists (select 1 from task_outlet_asset_reference o
                         where o.asset_id = a.id and o.dag_id = any($4::text[])))
         and (not $5::boolean
              or exists (select 1 from dag_schedule_asset_reference r
                         join dag d on d.dag_id = r.dag_id and not d.is_stale
                         where r.asset_id = a.id)
              or exists (select 1 from task_outlet_asset_reference o
                         join dag d on d.dag_id = o.dag_id and not d.is_stale
                         where o.asset_id = a.id))`,
    params: [
      input.assetId ?? null,
      input.namePatterns ?? null,
      input.uriPatterns ?? null,
      input.dagIds ?? null,
      input.onlyActive ?? false,
    ],
    order: listOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id"),
    limit: input.limit,
    offset: input.offset ?? 0,
    columns: `array(select r.dag_id from dag_schedule_asset_reference r
             where r.asset_id = p.id order by r.dag_id) as scheduled_dag_ids,
       coalesce((select jsonb_agg(jsonb_build_object('dag_id', o.dag_id, 'task_id', o.task_id)
                                  order by o.dag_id, o.task_id)
                 from task_outlet_asset_reference o where o.asset_id = p.id),
                '[]'::jsonb) as producing_tasks,
       e.id as last_event_id, e.timestamp as last_event_timestamp`,
    joins: `left join lateral (
       select ev.id, ev.timestamp from asset_event ev where ev.asset_id = p.id
       order by ev.timestamp desc, ev.id desc limit 1
     ) e on true`,
  });
  return { assets: page.rows.map(assetResponseFromRow), totalEntries: page.totalEntries };
}
