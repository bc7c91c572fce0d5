// listAssetEvents: one page of asset events, with the total.
//   reads:   `asset_event` joined with `asset` (name, uri), filtered by the given fields
//   locks:   none
//   returns: { assetEvents, totalEntries }, ordered by timestamp then id (Airflow's default)
import { type AssetEventRow, assetEventFromRow } from "../../rows/assetRow";
import type { SqlClient } from "../../sqlClient";

/** Input of listAssetEvents; an omitted filter matches everything. */
export interface ListAssetEventsInput {
  readonly assetId?: number;
  readonly sourceDagId?: string;
  readonly sourceTaskId?: string;
  readonly sourceRunId?: string;
  readonly sourceMapIndex?: number;
  /** Events at or after this time. */
  readonly timestampGte?: Date;
  /** Events at or before this time. */
  readonly timestampLte?: Date;
  /** Newest first. @default false */
  readonly descending?: boolean;
  /** @default 50 */
  readonly limit?: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of asset events. */
export interface AssetEventsPage {
  readonly assetEvents: AssetEventRow[];
  readonly totalEntries: number;
}

/** Lists asset events. */
export async function listAssetEvents(
  client: SqlClient,
  input: ListAssetEventsInput = {},
): Promise<AssetEventsPage> {
  const direction = input.descending === true ? "desc" : "asc";
  const result = await client.query(
    `with filtered as (
       select e.*, a.name, a.uri from asset_event e join asset a on a.id = e.asset_id
       where ($1::int is null or e.asset_id = $1) and ($2::text is null or e.source_dag_id = $2)
         and ($3::text is null or e.source_task_id = $3)
         and ($4::text is null or e.source_run_id = $4)
         and ($5::int is null or e.source_map_index = $5)
         and ($6::timestamptz is null or e.timestamp >= $6)
         and ($7::timestamptz is null or e.timestamp <= $7)
     ), page as (
       select * from filtered order by timestamp ${direction}, id ${direction} limit $8 offset $9
     )
     select t.total, page.*
     from (select count(*)::int as total from filtered) t left join page on true
     order by page.timestamp ${direction}, page.id ${direction}`,
    [
      input.assetId ?? null,
      input.sourceDagId ?? null,
      input.sourceTaskId ?? null,
      input.sourceRunId ?? null,
      input.sourceMapIndex ?? null,
      input.timestampGte ?? null,
      input.timestampLte ?? null,
      input.limit ?? 50,
      input.offset ?? 0,
    ],
  );
  return {
    assetEvents: result.rows.filter((r) => r.id !== null).map(assetEventFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
