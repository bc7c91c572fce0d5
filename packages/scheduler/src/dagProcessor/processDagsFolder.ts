// The DAG processor's pass over a DAGs folder: parse every file (user code runs here and only
// here), then store each DAG's serialized form, its asset references and the files' import
// errors, and flag DAGs that disappeared as stale. The scheduler reads only what this stores.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadDagBag } from "@updraft/runtime";
import type { SerializedAssetCondition, SerializedDag } from "@updraft/sdk";
import {
  type AssetDefinition,
  markStaleDags,
  replaceImportErrors,
  type SqlClient,
  syncAssetReferences,
  syncDag,
} from "@updraft/store";

/** Options of one processing pass. */
export interface ProcessDagsFolderOptions {
  readonly dagsFolder: string;
  /** is_paused of new DAGs that do not say (Airflow's dags_are_paused_at_creation). @default true */
  readonly pausedByDefault?: boolean;
}

/** What one pass found and changed. */
export interface ProcessDagsFolderReport {
  readonly dagIds: readonly string[];
  readonly created: readonly string[];
  readonly changed: readonly string[];
  readonly stale: readonly string[];
  readonly importErrors: number;
  readonly parseMs: number;
}

function assetsOf(condition: SerializedAssetCondition | null): AssetDefinition[] {
  if (condition === null) return [];
  if (condition.type === "asset")
    return [{ uri: condition.uri, name: condition.name, group: condition.group }];
  return condition.of.flatMap(assetsOf);
}

async function storeDag(
  client: SqlClient,
  serialized: SerializedDag,
  dagsFolder: string,
  pausedByDefault: boolean,
) {
  const fileloc = serialized.dag.fileloc;
  const result = await syncDag(client, {
    dag: serialized,
    fileloc,
    relativeFileloc: fileloc === null ? null : path.relative(dagsFolder, fileloc),
    pausedByDefault,
  });
  await syncAssetReferences(client, {
    dagId: serialized.dag.dag_id,
    scheduleAssets: assetsOf(serialized.dag.schedule_assets),
    taskOutlets: serialized.dag.tasks
      .filter((t) => t.outlets.length > 0)
      .map((t) => ({
        taskId: t.task_id,
        assets: t.outlets.map((a) => ({
          uri: a.uri,
          name: a.name,
          group: a.group,
          extra: a.extra,
        })),
      })),
  });
  return result;
}

/** Parses `dagsFolder` and brings the metadata database in line with it. */
export async function processDagsFolder(
  client: SqlClient,
  options: ProcessDagsFolderOptions,
): Promise<ProcessDagsFolderReport> {
  const dagsFolder = path.resolve(options.dagsFolder);
  const started = performance.now();
  const bag = loadDagBag(dagsFolder);
  const parseMs = performance.now() - started;
  const created: string[] = [];
  const changed: string[] = [];
  for (const { serialized } of bag.dags.values()) {
    const result = await storeDag(client, serialized, dagsFolder, options.pausedByDefault ?? true);
    if (result.created) created.push(serialized.dag.dag_id);
    if (result.changed) changed.push(serialized.dag.dag_id);
  }
  await replaceImportErrors(client, {
    parsedFiles: bag.stats.map((s) => s.file),
    errors: bag.importErrors.map((e) => ({ filename: e.filename, stackTrace: e.stackTrace })),
  });
  const dagIds = [...bag.dags.keys()].sort();
  const stale = await markStaleDags(client, { folder: dagsFolder, dagIds });
  return { dagIds, created, changed, stale, importErrors: bag.importErrors.length, parseMs };
}
