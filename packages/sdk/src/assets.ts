// Assets (Airflow 2's "datasets"): named pieces of data a task updates (outlets) and a DAG can be
// scheduled on. A DAG scheduled on assets runs when they have all (or any) been updated.
import { DagDefinitionError } from "./errors";

/** A piece of data identified by its URI, e.g. `new Asset("snowflake://db/schema/vendas")`. */
export class Asset {
  readonly uri: string;
  readonly name: string;
  readonly group: string;
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    uri: string,
    options: { name?: string; group?: string; extra?: Record<string, unknown> } = {},
  ) {
    if (typeof uri !== "string" || uri.trim() === "" || /\s/.test(uri))
      throw new DagDefinitionError(
        "INVALID_ARGUMENT",
        `asset.uri: expected a non-empty URI without spaces, got ${JSON.stringify(uri)}`,
      );
    this.uri = uri;
    this.name = options.name ?? uri;
    this.group = options.group ?? "asset";
    this.extra = Object.freeze({ ...(options.extra ?? {}) });
  }
}

/** A boolean condition over assets: schedule when all, or any, of them were updated. */
export type AssetCondition =
  | Asset
  | { readonly op: "all"; readonly of: readonly AssetCondition[] }
  | { readonly op: "any"; readonly of: readonly AssetCondition[] };

/** Run when every one of `conditions` is met (Airflow's AssetAll, and what a list means). */
export function allOf(...conditions: AssetCondition[]): AssetCondition {
  return { op: "all", of: conditions };
}

/** Run when any one of `conditions` is met (Airflow's AssetAny). */
export function anyOf(...conditions: AssetCondition[]): AssetCondition {
  return { op: "any", of: conditions };
}

/** The JSON form of an asset condition, as in a SerializedDag. */
export type SerializedAssetCondition =
  | { readonly type: "asset"; readonly uri: string; readonly name: string; readonly group: string }
  | { readonly type: "all" | "any"; readonly of: readonly SerializedAssetCondition[] };

/** Serializes an asset condition. */
export function serializeAssetCondition(condition: AssetCondition): SerializedAssetCondition {
  if (condition instanceof Asset)
    return { type: "asset", uri: condition.uri, name: condition.name, group: condition.group };
  return { type: condition.op, of: condition.of.map(serializeAssetCondition) };
}

/** Every asset URI a condition mentions, in order of first appearance. */
export function assetUris(condition: SerializedAssetCondition): string[] {
  if (condition.type === "asset") return [condition.uri];
  return [...new Set(condition.of.flatMap(assetUris))];
}

/**
 * Whether a condition is met, given the URIs updated since the DAG's last asset-triggered run
 * (a pure decision the scheduler makes when an outlet is updated).
 */
export function isAssetConditionMet(
  condition: SerializedAssetCondition,
  updatedUris: ReadonlySet<string>,
): boolean {
  switch (condition.type) {
    case "asset":
      return updatedUris.has(condition.uri);
    case "all":
      return condition.of.every((c) => isAssetConditionMet(c, updatedUris));
    case "any":
      return condition.of.some((c) => isAssetConditionMet(c, updatedUris));
  }
}
