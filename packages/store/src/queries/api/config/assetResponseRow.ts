// The rows GET /assets and GET /assets/events read: an asset with its references and latest
// event, an event with its asset's group — mapped from snake_case here, next to the queries.
import {
  type AssetEventRow,
  type AssetWithReferencesRow,
  assetEventFromRow,
  assetWithReferencesFromRow,
} from "../../../rows/assetRow";
import type { Row } from "../../../sqlClient";

/** An asset with the DAGs scheduled on it, the tasks updating it, and its latest event. */
export interface AssetResponseRow extends AssetWithReferencesRow {
  /** The latest event (by timestamp, then id); null when it was never updated. */
  readonly lastAssetEvent: { readonly id: number; readonly timestamp: Date } | null;
}

/** An asset event with its asset's group. */
export interface AssetEventResponseRow extends AssetEventRow {
  readonly group: string;
}

/** Maps an asset row with `scheduled_dag_ids`, `producing_tasks` and `last_event_*`. */
export function assetResponseFromRow(row: Row): AssetResponseRow {
  return {
    ...assetWithReferencesFromRow(row),
    lastAssetEvent:
      row.last_event_id === null || row.last_event_id === undefined
        ? null
        : { id: Number(row.last_event_id), timestamp: row.last_event_timestamp as Date },
  };
}

/** Maps an `asset_event` row joined with its asset's name, uri and `asset_group`. */
export function assetEventResponseFromRow(row: Row): AssetEventResponseRow {
  return { ...assetEventFromRow(row), group: row.asset_group as string };
}
