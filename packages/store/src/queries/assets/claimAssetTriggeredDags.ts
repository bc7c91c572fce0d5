// claimAssetTriggeredDags: the scheduler's look at which DAGs have queued asset updates (Airflow's
// DagModel.dags_needing_dagruns, asset part). Call it inside client.transaction(), with the run
// creation and consumeAssetDagRunQueue, so the claim lasts until they commit.
//   reads:   `asset_dag_run_queue` of DAGs neither paused nor stale, with each asset's name, uri
//   locks:   the queue rows returned (FOR UPDATE SKIP LOCKED, in (target_dag_id, asset_id)
//            order): another scheduler skips them; recordAssetEvents for them waits
//   returns: per target DAG (sorted), its queued assets (sorted by asset id); the caller
//            evaluates the DAG's asset condition on their URIs
import { type QueuedAssetRow, queuedAssetFromRow } from "../../rows/assetRow";
import type { SqlClient } from "../../sqlClient";

/** The assets queued for one DAG. */
export interface AssetTriggeredDag {
  readonly dagId: string;
  readonly assets: QueuedAssetRow[];
}

/** Claims the queued asset updates of every unpaused DAG. */
export async function claimAssetTriggeredDags(
  client: SqlClient,
  input: { readonly dagIds?: readonly string[] } = {},
): Promise<AssetTriggeredDag[]> {
  const result = await client.query(
    `with claimed as (
       select q.asset_id, q.target_dag_id, q.created_at
       from asset_dag_run_queue q
       join dag d on d.dag_id = q.target_dag_id
       where not d.is_paused and not d.is_stale
         and ($1::text[] is null or q.target_dag_id = any($1::text[]))
       order by q.target_dag_id, q.asset_id
       for update of q skip locked
     )
     select c.target_dag_id, c.asset_id, c.created_at, a.name, a.uri
     from claimed c join asset a on a.id = c.asset_id
     order by c.target_dag_id, c.asset_id`,
    [input.dagIds ?? null],
  );
  const byDag = new Map<string, QueuedAssetRow[]>();
  for (const row of result.rows) {
    const dagId = row.target_dag_id as string;
    const assets = byDag.get(dagId) ?? [];
    assets.push(queuedAssetFromRow(row));
    byDag.set(dagId, assets);
  }
  return [...byDag].map(([dagId, assets]) => ({ dagId, assets }));
}
