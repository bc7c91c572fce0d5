// A DAG's asset schedule as Airflow's API shows it (`asset_expression`): nested `{"all": […]}` /
// `{"any": […]}` around `{"asset": {uri, name, group}}` leaves.
import type { SerializedAssetCondition } from "@updraft/sdk";

/** The JSON expression of an asset condition. */
export function assetExpression(condition: SerializedAssetCondition): Record<string, unknown> {
  if (condition.type === "asset")
    return { asset: { uri: condition.uri, name: condition.name, group: condition.group } };
  return { [condition.type]: condition.of.map(assetExpression) };
}
