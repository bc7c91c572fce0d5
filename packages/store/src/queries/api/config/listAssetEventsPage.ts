// listAssetEventsPage: one page of asset events for GET /assets/events, filtered, in the order
// asked for (Airflow's default: timestamp), with the number matching (listAssetEvents orders by
// timestamp only and has no open ranges or name patterns).
//   reads:   `asset_event` joined with `asset` (name, uri, group)
//   locks:   none
//   returns: { assetEvents, totalEntries }, in the requested order, id breaking ties
import type { SqlClient } from "../../../sqlClient";
import { type AssetEventResponseRow, assetEventResponseFromRow } from "./assetResponseRow";
import { type ConfigOrder, configOrderSql } from "./configOrder";

/** What an asset event list can be ordered by. */
export type AssetEventOrderKey =
  "id" | "source_task_id" | "source_dag_id" | "source_run_id" | "source_map_index" | "timestamp";

const ORDER_COLUMNS: Readonly<Record<AssetEventOrderKey, string>> = {
  id: "e.id",
  source_task_id: "e.source_task_id",
  source_dag_id: "e.source_dag_id",
  source_run_id: "e.source_run_id",
  source_map_index: "e.source_map_index",
  timestamp: "e.timestamp",
};

/** Whether `value` names an AssetEventOrderKey. */
export const isAssetEventOrderKey = (value: string): value is AssetEventOrderKey =>
  Object.hasOwn(ORDER_COLUMNS, value);

/** Input of listAssetEventsPage; an omitted filter matches everything. */
export interface ListAssetEventsPageInput {
  readonly assetId?: number | null;
  readonly sourceDagId?: string | null;
  readonly sourceTaskId?: string | null;
  readonly sourceRunId?: string | null;
  readonly sourceMapIndex?: number | null;
  /** ILIKE patterns on the asset's name; any of them matches. */
  readonly namePatterns?: readonly string[] | null;
  readonly timestampGte?: Date | null;
  readonly timestampGt?: Date | null;
  readonly timestampLte?: Date | null;
  readonly timestampLt?: Date | null;
  /** @default by timestamp */
  readonly orderBy?: readonly ConfigOrder<AssetEventOrderKey>[];
  readonly limit: number;
  /** @default 0 */
  readonly offset?: number;
}

/** One page of asset events. */
export interface AssetEventsPageResult {
  readonly assetEvents: AssetEventResponseRow[];
  readonly totalEntries: number;
}

/** Lists asset events. */
export async function listAssetEventsPage(
  client: SqlClient,
  input: ListAssetEventsPageInput,
): Promise<AssetEventsPageResult> {
  const order = configOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id", [
    { key: "timestamp", descending: false },
  ]);
  const result = await client.query(
    `with filtered as (
       select e.*, a.name, a.uri, a."group" as asset_group
       from asset_event e join asset a on a.id = e.asset_id
       where ($1::int is null or e.asset_id = $1)
         and ($2::text is null or e.source_dag_id = $2)
         and ($3::text is null or e.source_task_id = $3)
         and ($4::text is null or e.source_run_id = $4)
         and ($5::int is null or e.source_map_index = $5)
         and ($6::text[] is null or a.name ilike any($6::text[]))
         and ($7::timestamptz is null or e.timestamp >= $7)
         and ($8::timestamptz is null or e.timestamp > $8)
         and ($9::timestamptz is null or e.timestamp <= $9)
         and ($10::timestamptz is null or e.timestamp < $10)
     ), page as (
       select e.*, row_number() over (order by ${order}) as ordinal
       from filtered e order by ${order} limit $11 offset $12
     )
     select t.total, p.*
     from (select count(*)::int as total from filtered) t left join page p on true
     order by p.ordinal`,
    [
      input.assetId ?? null,
      input.sourceDagId ?? null,
      input.sourceTaskId ?? null,
      input.sourceRunId ?? null,
      input.sourceMapIndex ?? null,
      input.namePatterns ?? null,
      input.timestampGte ?? null,
      input.timestampGt ?? null,
      input.timestampLte ?? null,
      input.timestampLt ?? null,
      input.limit,
      input.offset ?? 0,
    ],
  );
  return {
    assetEvents: result.rows.filter((r) => r.id !== null).map(assetEventResponseFromRow),
    totalEntries: Number(result.rows[0]?.total ?? 0),
  };
}
