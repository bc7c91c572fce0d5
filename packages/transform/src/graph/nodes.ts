// The nodes of a compiled project — models, seeds, snapshots, tests and sources — with what
// the parse phase recorded about each (dbt's manifest nodes, in TypeScript).
import type { SeedFile, SourceTable } from "../project/loadProject";
import type { ColumnSpec } from "../project/schemaFiles";
import type { ModelConfig } from "../compile/modelConfig";

/** dbt's resource types the runner knows. */
export type ResourceType = "model" | "seed" | "snapshot" | "test" | "source";

/** What every node has. */
interface NodeBase {
  /** dbt's unique_id, e.g. `model.shop.stg_vendas`. */
  readonly uniqueId: string;
  readonly name: string;
  /** The file it comes from, relative to the project root. */
  readonly path: string;
  readonly fqn: readonly string[];
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Unique ids of the nodes it reads. */
  readonly dependsOn: readonly string[];
  readonly tags: readonly string[];
}

/** A node that is built from SQL: models, snapshots and singular tests. */
interface SqlNode extends NodeBase {
  readonly rawSql: string;
  /** Names this node refs, in order of first use. */
  readonly refs: readonly string[];
  /** Sources it reads, as [source, table]. */
  readonly sources: readonly (readonly [string, string])[];
}

export interface ModelNode extends SqlNode {
  readonly resourceType: "model";
  readonly config: ModelConfig;
}

/** A snapshot's config: dbt's SCD2 settings. */
export interface SnapshotConfig {
  readonly strategy: "timestamp" | "check";
  readonly uniqueKey: readonly string[];
  readonly updatedAt: string | null;
  /** Columns compared by the check strategy, or "all". */
  readonly checkCols: readonly string[] | "all";
  readonly targetSchema: string | null;
  readonly targetDatabase: string | null;
  readonly alias: string | null;
  readonly hardDeletes: "ignore" | "invalidate" | "new_record";
  readonly tags: readonly string[];
  readonly [key: string]: unknown;
}

export interface SnapshotNode extends SqlNode {
  readonly resourceType: "snapshot";
  readonly config: SnapshotConfig;
}

/** A seed's config: column types and where it lands. */
export interface SeedConfig {
  readonly columnTypes: Readonly<Record<string, string>>;
  readonly schema: string | null;
  readonly alias: string | null;
  readonly tags: readonly string[];
  readonly quoteColumns: boolean;
  readonly [key: string]: unknown;
}

export interface SeedNode extends NodeBase {
  readonly resourceType: "seed";
  readonly config: SeedConfig;
  readonly seed: SeedFile;
}

/** A test's config, as dbt's defaults fill it. */
export interface TestConfig {
  readonly severity: "error" | "warn";
  readonly warnIf: string;
  readonly errorIf: string;
  readonly where: string | null;
  readonly limit: number | null;
  readonly tags: readonly string[];
  readonly [key: string]: unknown;
}

/** A generic test's call: the macro and its arguments. */
export interface TestMetadata {
  readonly name: string;
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly namespace: null;
}

export interface TestNode extends SqlNode {
  readonly resourceType: "test";
  readonly testType: "generic" | "singular";
  readonly config: TestConfig;
  /** The node the test is declared on (generic tests); null for singular tests. */
  readonly attachedNode: string | null;
  readonly columnName: string | null;
  readonly testMetadata: TestMetadata | null;
}

export interface SourceNode extends NodeBase {
  readonly resourceType: "source";
  readonly source: SourceTable;
}

/** Any node of the graph. */
export type GraphNode = ModelNode | SeedNode | SnapshotNode | TestNode | SourceNode;

/** The nodes the runner executes. */
export type ExecutableNode = ModelNode | SeedNode | SnapshotNode | TestNode;
