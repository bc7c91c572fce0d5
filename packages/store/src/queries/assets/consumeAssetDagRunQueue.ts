// consumeAssetDagRunQueue: deletes the queue entries an asset-triggered run was created from.
// Run it in the transaction of claimAssetTriggeredDags and the run creation.
//   writes:  deletes `asset_dag_run_queue` rows of (target_dag_id, asset_id in assetIds)
//   locks:   those rows until commit
//   returns: how many entries were deleted
import type { SqlClient } from "../../sqlClient";

/** Input of consumeAssetDagRunQueue. */
export interface ConsumeAssetDagRunQueueInput {
  readonly dagId: string;
  /** The assets claimed for the run (QueuedAssetRow.assetId). */
  readonly assetIds: readonly number[];
}

/** Deletes the consumed queue entries of one DAG. */
export async function consumeAssetDagRunQueue(
  client: SqlClient,
  input: ConsumeAssetDagRunQueueInput,
): Promise<number> {
  const result = await client.query(
    "delete from asset_dag_run_queue where target_dag_id = $1 and asset_id = any($2::int[])",
    [input.dagId, input.assetIds],
  );
  return result.rowCount;
}
