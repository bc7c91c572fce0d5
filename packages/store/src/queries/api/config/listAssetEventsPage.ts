// listAssetEventsPage: one page of asset events for GET /assets/events, filtered, in the order
// asked for (Airflow's default: timestamp), with the number matching (listAssetEvents orders by
// timestamp only and has no open ranges or name patterns).
//   reads:   `asset_event` joined with `asset` (name, uri, group)
//   locks:   none
//   returns: { assetEvents, totalEntries }, in the requested order, id breaking ties
import type { SqlClient } from "../../../sqlClient";
import { type AssetEventResponseRow, assetEventResponseFromRow } from "./assetResponseRow";
import { isOrderKeyOf, type ListOrder, listOrderSql } from "../listOrderSql";
import { selectPage } from "../selectPage";

/** What an asset event list can be ordered by. */
export type AssetEventOrderKey =
  "id" | "source_task_id" | "source_dag_id" | "source_run_id" | "source_map_index" | "timestamp";

const ORDER_COLUMNS: Readonly<Record<AssetEventOrderKey, string>> = {
  id: "f.id",
  source_task_id: "f.source_task_id",
  source_dag_id: "f.source_dag_id",
  source_run_id: "f.source_run_id",
  source_map_index: "f.source_map_index",
  timestamp: "f.timestamp",
};

/** Whether `value` names an AssetEventOrderKey. */
export const isAssetEventOrderKey = isOrderKeyOf(ORDER_COLUMNS);

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
  readonly orderBy?: readonly ListOrder<AssetEventOrderKey>[];
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
  const page = await selectPage(client, {
    filtered: `select e.*, a.name, a.uri, a."group" as asset_group
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
         and ($10::timestamptz is null or e.timestamp < $10)`,
    params: [
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
    ],
    order: listOrderSql(ORDER_COLUMNS, input.orderBy ?? [], "id", {
      fallback: [{ key: "timestamp", descending: false }],
    }),
    limit: input.limit,
    offset: input.offset ?? 0,
  });
  return { assetEvents: page.rows.map(assetEventResponseFromRow), totalEntries: page.totalEntries };
}
