// An asset as Airflow's AssetResponse shows it: its extra with secrets hidden, the DAGs
// scheduled on it, the tasks updating it, and its latest event. Updraft keeps no times on the
// references (they are rewritten at each parse), so theirs are the asset's own; it has no
// inlets, aliases or watchers, so those lists are empty.
import type { AssetResponseRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";
import { redactSecrets } from "./redactSecrets";

interface ReferenceTimes {
  readonly created_at: string;
  readonly updated_at: string;
}

/** Airflow's AssetResponse (as Updraft fills it). */
export interface AssetResponseBody {
  readonly id: number;
  readonly name: string;
  readonly uri: string;
  readonly group: string;
  readonly extra: Record<string, unknown>;
  readonly created_at: string;
  readonly updated_at: string;
  readonly scheduled_dags: readonly (ReferenceTimes & { readonly dag_id: string })[];
  readonly producing_tasks: readonly (ReferenceTimes & {
    readonly dag_id: string;
    readonly task_id: string;
  })[];
  readonly consuming_tasks: readonly never[];
  readonly aliases: readonly never[];
  readonly watchers: readonly never[];
  readonly last_asset_event: { readonly id: number | null; readonly timestamp: string | null };
}

/** The AssetResponse of `asset`. */
export function assetResponse(asset: AssetResponseRow): AssetResponseBody {
  const times: ReferenceTimes = {
    created_at: apiDate(asset.createdAt) ?? "",
    updated_at: apiDate(asset.updatedAt) ?? "",
  };
  return {
    id: asset.id,
    name: asset.name,
    uri: asset.uri,
    group: asset.group,
    extra: redactSecrets(asset.extra) as Record<string, unknown>,
    ...times,
    scheduled_dags: asset.scheduledDagIds.map((dagId) => ({ dag_id: dagId, ...times })),
    producing_tasks: asset.producingTasks.map((t) => ({
      dag_id: t.dagId,
      task_id: t.taskId,
      ...times,
    })),
    consuming_tasks: [],
    aliases: [],
    watchers: [],
    last_asset_event: {
      id: asset.lastAssetEvent?.id ?? null,
      timestamp: apiDate(asset.lastAssetEvent?.timestamp),
    },
  };
}
