// The asset rows (`asset`, `asset_event`, `asset_dag_run_queue`) in camelCase: the one place
// their snake_case columns are mapped, both ways (asset references go to SQL as JSON).
import type { Row } from "../sqlClient";

/** What identifies an asset: Airflow 3 keys assets by (name, uri); name defaults to the URI. */
export interface AssetRef {
  readonly uri: string;
  /** @default the uri */
  readonly name?: string;
}

/** An asset as a DAG declares it. */
export interface AssetDefinition extends AssetRef {
  /** @default "asset" */
  readonly group?: string;
  /** @default {} */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** One stored asset (Airflow's AssetModel). */
export interface AssetRow {
  readonly id: number;
  readonly name: string;
  readonly uri: string;
  readonly group: string;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A task that updates an asset. */
export interface AssetProducingTask {
  readonly dagId: string;
  readonly taskId: string;
}

/** An asset with the DAGs scheduled on it and the tasks that update it. */
export interface AssetWithReferencesRow extends AssetRow {
  /** Sorted. */
  readonly scheduledDagIds: readonly string[];
  /** Sorted by dagId, taskId. */
  readonly producingTasks: readonly AssetProducingTask[];
}

/** One update of an asset (Airflow's AssetEvent). */
export interface AssetEventRow {
  readonly id: number;
  readonly assetId: number;
  readonly name: string;
  readonly uri: string;
  readonly extra: Readonly<Record<string, unknown>>;
  readonly sourceDagId: string | null;
  readonly sourceTaskId: string | null;
  readonly sourceRunId: string | null;
  readonly sourceMapIndex: number | null;
  readonly timestamp: Date;
}

/** An asset updated since its consumer DAG's last asset-triggered run (AssetDagRunQueue). */
export interface QueuedAssetRow {
  readonly assetId: number;
  readonly name: string;
  readonly uri: string;
  /** When the asset was first queued for this DAG. */
  readonly createdAt: Date;
}

type Json = Record<string, unknown>;

/** An asset definition as the JSON object SQL reads with jsonb_to_recordset. */
export function assetDefinitionToJson(asset: AssetDefinition): Json {
  return {
    name: asset.name ?? asset.uri,
    uri: asset.uri,
    group: asset.group ?? "asset",
    extra: asset.extra ?? {},
  };
}

/** Maps an `asset` row. */
export function assetFromRow(row: Row): AssetRow {
  return {
    id: Number(row.id),
    name: row.name as string,
    uri: row.uri as string,
    group: row.group as string,
    extra: (row.extra as Json | null) ?? {},
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
  };
}

/** Maps an `asset` row with `scheduled_dag_ids` (text[]) and `producing_tasks` (jsonb). */
export function assetWithReferencesFromRow(row: Row): AssetWithReferencesRow {
  const tasks = (row.producing_tasks as { dag_id: string; task_id: string }[] | null) ?? [];
  return {
    ...assetFromRow(row),
    scheduledDagIds: (row.scheduled_dag_ids as string[] | null) ?? [],
    producingTasks: tasks.map((t) => ({ dagId: t.dag_id, taskId: t.task_id })),
  };
}

/** Maps an `asset_event` row joined with its asset's name and uri. */
export function assetEventFromRow(row: Row): AssetEventRow {
  return {
    id: Number(row.id),
    assetId: Number(row.asset_id),
    name: row.name as string,
    uri: row.uri as string,
    extra: (row.extra as Json | null) ?? {},
    sourceDagId: row.source_dag_id as string | null,
    sourceTaskId: row.source_task_id as string | null,
    sourceRunId: row.source_run_id as string | null,
    sourceMapIndex: row.source_map_index === null ? null : Number(row.source_map_index),
    timestamp: row.timestamp as Date,
  };
}

/** Maps an `asset_dag_run_queue` row joined with its asset's name and uri. */
export function queuedAssetFromRow(row: Row): QueuedAssetRow {
  return {
    assetId: Number(row.asset_id),
    name: row.name as string,
    uri: row.uri as string,
    createdAt: row.created_at as Date,
  };
}
