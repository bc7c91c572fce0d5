// syncAssetReferences: stores the assets one parsed DAG mentions, in one transaction: creates
// the missing assets by (name, uri) (an existing asset keeps its group and extra, as in Airflow's
// AssetModelOperation.add_assets), then makes the DAG's schedule and task-outlet references exactly
// the given ones, and drops queue entries for assets the DAG is no longer scheduled on.
//   writes:  `asset` (insert the missing), `dag_schedule_asset_reference`,
//            `task_outlet_asset_reference`, `asset_dag_run_queue` (stale rows of this DAG)
//   locks:   key-share on the `dag` row; the inserted asset rows (taken in (name, uri) order);
//            the reference rows written
//   returns: { assets: every asset referenced, ordered by name, uri }; NOT_FOUND when the DAG
//            does not exist
import { StoreError } from "../../storeError";
import {
  type AssetDefinition,
  type AssetRow,
  assetDefinitionToJson,
  assetFromRow,
} from "../../rows/assetRow";
import type { SqlClient } from "../../sqlClient";

/** Input of syncAssetReferences. */
export interface SyncAssetReferencesInput {
  readonly dagId: string;
  /** The assets the DAG's schedule mentions (every asset of its condition). */
  readonly scheduleAssets: readonly AssetDefinition[];
  /** The outlets of each task. */
  readonly taskOutlets: readonly {
    readonly taskId: string;
    readonly assets: readonly AssetDefinition[];
  }[];
}

const keyOf = (a: AssetDefinition): string => JSON.stringify([a.name ?? a.uri, a.uri]);

/** Replaces the asset references of one DAG. */
export async function syncAssetReferences(
  client: SqlClient,
  input: SyncAssetReferencesInput,
): Promise<{ assets: AssetRow[] }> {
  const all = new Map<string, AssetDefinition>();
  for (const a of [...input.scheduleAssets, ...input.taskOutlets.flatMap((t) => t.assets)])
    if (!all.has(keyOf(a))) all.set(keyOf(a), a);
  const json = JSON.stringify([...all.values()].map(assetDefinitionToJson));
  return client.transaction(async (tx) => {
    const dag = await tx.query("select 1 from dag where dag_id = $1 for key share", [input.dagId]);
    if (dag.rows.length === 0)
      throw new StoreError("NOT_FOUND", `syncAssetReferences: DAG ${input.dagId} does not exist`, {
        details: { dagId: input.dagId },
      });
    await tx.query(
      `insert into asset (name, uri, "group", extra)
       select e.name, e.uri, e."group", e.extra
       from jsonb_to_recordset($1::jsonb) as e(name text, uri text, "group" text, extra jsonb)
       order by e.name, e.uri
       on conflict (name, uri) do nothing`,
      [json],
    );
    const stored = await tx.query(
      `select a.* from asset a
       join jsonb_to_recordset($1::jsonb) as e(name text, uri text) on a.name = e.name and a.uri = e.uri
       order by a.name, a.uri`,
      [json],
    );
    const assets = stored.rows.map(assetFromRow);
    const idOf = new Map(assets.map((a) => [keyOf(a), a.id]));
    const scheduleIds = [...new Set(input.scheduleAssets.map((a) => idOf.get(keyOf(a))!))];
    const outlets = input.taskOutlets.flatMap((t) =>
      t.assets.map((a) => ({ taskId: t.taskId, assetId: idOf.get(keyOf(a))! })),
    );
    await tx.query(
      `delete from dag_schedule_asset_reference
       where dag_id = $1 and not (asset_id = any($2::int[]))`,
      [input.dagId, scheduleIds],
    );
    await tx.query(
      `insert into dag_schedule_asset_reference (asset_id, dag_id)
       select unnest($2::int[]), $1 on conflict do nothing`,
      [input.dagId, scheduleIds],
    );
    const outletIds = outlets.map((o) => o.assetId);
    const outletTasks = outlets.map((o) => o.taskId);
    await tx.query(
      `delete from task_outlet_asset_reference r
       where r.dag_id = $1 and not exists (
         select 1 from unnest($2::int[], $3::text[]) as w(asset_id, task_id)
         where w.asset_id = r.asset_id and w.task_id = r.task_id)`,
      [input.dagId, outletIds, outletTasks],
    );
    await tx.query(
      `insert into task_outlet_asset_reference (asset_id, dag_id, task_id)
       select w.asset_id, $1, w.task_id from unnest($2::int[], $3::text[]) as w(asset_id, task_id)
       on conflict do nothing`,
      [input.dagId, outletIds, outletTasks],
    );
    await tx.query(
      `delete from asset_dag_run_queue
       where target_dag_id = $1 and not (asset_id = any($2::int[]))`,
      [input.dagId, scheduleIds],
    );
    return { assets };
  });
}
