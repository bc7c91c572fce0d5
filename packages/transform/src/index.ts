// @updraft/transform: the dbt-compatible SQL project runner — project loading, Jinja (nunjucks)
// compilation, materializations, tests, seeds, snapshots, selection, dbt's artifacts, and the
// rendering of a project as a DAG with a task per node.
export { loadProject, propertiesOf } from "./project/loadProject";
export type { MacroFile, ModelFile, Project, SeedFile, SourceTable } from "./project/loadProject";
export type { ColumnSpec, ResourceProperties, TestSpec } from "./project/schemaFiles";
export { compileProject } from "./compile/compileProject";
export type { CompiledProject, CompileOptions } from "./compile/compileProject";
export { folderConfig, resolveConfig } from "./compile/modelConfig";
export type { ModelConfig } from "./compile/modelConfig";
export type {
  ExecutableNode,
  GraphNode,
  ModelNode,
  ResourceType,
  SeedConfig,
  SeedNode,
  SnapshotConfig,
  SnapshotNode,
  SourceNode,
  TestConfig,
  TestNode,
} from "./graph/nodes";
export { relationOf, schemaName } from "./graph/relations";
export type { Relation } from "./adapters/relation";
export { dialectOf } from "./adapters/dialect";
export type { Dialect, WarehouseType } from "./adapters/dialect";
export { Warehouse } from "./adapters/warehouse";
export type { BindValue, CatalogColumn, SqlConnection, Target } from "./adapters/warehouse";
export { defaultTarget, openWarehouse } from "./adapters/openWarehouse";
export { compileNode } from "./execute/compileNode";
export type { CompiledNode, ExecutionOptions } from "./execute/compileNode";
export { buildModel, strategyOf } from "./execute/materializeModel";
export type { IncrementalStrategy, ModelBuild } from "./execute/materializeModel";
export { runTest } from "./execute/runTest";
export type { TestOutcome, TestStatus } from "./execute/runTest";
export { loadSeed } from "./execute/loadSeed";
export { takeSnapshot } from "./execute/snapshot";
export type { SnapshotOutcome } from "./execute/snapshot";
export { executeNode } from "./run/executeNode";
export type { NodeResult, NodeStatus, Timing } from "./run/executeNode";
export { plannedNodes, runProject, selectableOf } from "./run/runProject";
export type { Command, RunOptions, RunResults } from "./run/runProject";
export { resolveSelection, selectNodes } from "./select/selectNodes";
export type { SelectionOptions, SelectionResult } from "./select/selectNodes";
export type { SelectableNode } from "./select/selectableNode";
export type { IndirectSelection } from "./select/evaluateSelection";
export { buildManifest, newInvocation } from "./artifacts/manifest";
export type { Invocation } from "./artifacts/manifest";
export { buildRunResults, writeArtifacts } from "./artifacts/runResults";
export { DbtNodeOperator } from "./dag/dbtNodeOperator";
export type { DbtNodeOperatorOptions, DbtNodeSummary } from "./dag/dbtNodeOperator";
export { transformDag } from "./dag/transformDag";
export type { TestBehavior, TransformDagOptions } from "./dag/transformDag";
export { TransformError } from "./transformError";
export type { TransformErrorCode } from "./transformError";
