// listAssets: one page of assets with the DAGs scheduled on them and the tasks updating them.
//   reads:   `asset`, `dag_schedule_asset_reference`, `task_outlet_asset_reference`
//   locks:   none
//   returns: { assets, totalEntries }, ordered by id
import { type AssetWithReferencesRow, assetWithReferencesFromRow } from "../../rows/assetRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listAssets. */
export interface ListAssetsInput {
  /** SQL LIKE pattern (`%`, `_`) on the name. */
  readonly namePattern?: string;
  /** SQL LIKE pattern (`%`, `_`) on the URI. */
  readonly uriPattern?: string;
  /** @default 50 */
  readonly limit?: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of assets. */
export interface AssetsPage {
  readonly assets: AssetWithReferencesRow[];
  readonly totalEntries: number;
}

/** Lists assets. */
export async function listAssets(
  client: SqlClient,
  input: ListAssetsInput = {},
): Promise<AssetsPage> {
  const result = await client.query(
    `with filtered as (
       select * from asset
       where ($1::text is null or name like $1) and ($2::text is null or uri like $2)
     ), page as (
       select p.*,
         array(select r.dag_id from dag_schedule_asset_reference r
               where r.asset_id = p.id order by r.dag_id) as scheduled_dag_ids,
         coalesce((select jsonb_agg(jsonb_build_object('dag_id', o.dag_id, 'task_id', o.task_id)
                                    order by o.dag_id, o.task_id)
                   from task_outlet_asset_reference o where o.asset_id = p.id),
                  '[]'::jsonb) as producing_tasks
       from (select * from filtered order by id limit $3 offset $4) p
     )
     select t.total, page.*
     from (select count(*)::int as total from filtered) t left join page on true
     order by page.id`,
    [input.namePattern ?? null, input.uriPattern ?? null, input.limit ?? 50, input.offset ?? 0],
  );
  return {
    assets: result.rows.filter((r) => r.id !== null).map(assetWithReferencesFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
