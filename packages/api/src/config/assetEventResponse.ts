// An asset event as Airflow's AssetEventResponse shows it: its extra with secrets hidden, the
// task instance that emitted it, and its asset's name, URI and group. Updraft does not record
// which runs an event triggered, so created_dagruns is empty; it has no partitions.
import type { AssetEventResponseRow } from "@updraft/store";
import { apiDate } from "../serialize/datetime";
import { redactSecrets } from "./redactSecrets";

/** Airflow's AssetEventResponse (as Updraft fills it). */
export interface AssetEventResponseBody {
  readonly id: number;
  readonly asset_id: number;
  readonly uri: string;
  readonly name: string;
  readonly group: string;
  readonly extra: Record<string, unknown>;
  readonly source_task_id: string | null;
  readonly source_dag_id: string | null;
  readonly source_run_id: string | null;
  readonly source_map_index: number;
  readonly created_dagruns: readonly never[];
  readonly timestamp: string;
  readonly partition_key: null;
}

/** The AssetEventResponse of `event`. */
export function assetEventResponse(event: AssetEventResponseRow): AssetEventResponseBody {
  return {
    id: event.id,
    asset_id: event.assetId,
    uri: event.uri,
    name: event.name,
    group: event.group,
    extra: redactSecrets(event.extra) as Record<string, unknown>,
    source_task_id: event.sourceTaskId,
    source_dag_id: event.sourceDagId,
    source_run_id: event.sourceRunId,
    source_map_index: event.sourceMapIndex ?? -1,
    created_dagruns: [],
    timestamp: apiDate(event.timestamp) ?? "",
    partition_key: null,
  };
}
