// getAssetResponseRow: one asset with its references and latest event (listAssetsPage by id,
// active or not, as GET /assets/{asset_id} reads it).
//   reads:   as listAssetsPage, for one asset
//   locks:   none
//   returns: the asset, or null when there is none
import type { SqlClient } from "../../../sqlClient";
import type { AssetResponseRow } from "./assetResponseRow";
import { listAssetsPage } from "./listAssetsPage";

/** Reads an asset; null when the id is unknown. */
export async function getAssetResponseRow(
  client: SqlClient,
  input: { readonly assetId: number },
): Promise<AssetResponseRow | null> {
  const page = await listAssetsPage(client, { assetId: input.assetId, limit: 1 });
  return page.assets[0] ?? null;
}
