// dbt's manifest.json (schema v12), as far as the runner knows its fields: nodes (models,
// seeds, snapshots, tests), sources, macros, parent_map and child_map. Tools that read dbt's
// manifest (lineage viewers, Cosmos' dbt_manifest load mode) find the shape they expect.
import { createHash, randomUUID } from "node:crypto";
import type { Target } from "../adapters/warehouse";
import type { WarehouseType } from "../adapters/dialect";
import type { CompiledProject } from "../compile/compileProject";
import type { GraphNode } from "../graph/nodes";
import { relationOf } from "../graph/relations";
import { dialectOf } from "../adapters/dialect";

/** dbt's version the artifacts claim compatibility with. */
export const DBT_VERSION = "1.10.0";

/** The metadata block every artifact starts with. */
export interface ArtifactMetadata {
  readonly dbt_schema_version: string;
  readonly dbt_version: string;
  readonly generated_at: string;
  readonly invocation_id: string;
  readonly env: Readonly<Record<string, string>>;
}

/** What the artifacts of one invocation share. */
export interface Invocation {
  readonly invocationId: string;
  readonly generatedAt: string;
  readonly adapterType: WarehouseType;
  readonly target: Target;
}

/** A new invocation's identity. */
export function newInvocation(adapterType: WarehouseType, target: Target): Invocation {
  return { invocationId: randomUUID(), generatedAt: new Date().toISOString(), adapterType, target };
}

export function metadataOf(schema: string, invocation: Invocation): ArtifactMetadata {
  return {
    dbt_schema_version: `https://schemas.getdbt.com/dbt/${schema}.json`,
    dbt_version: DBT_VERSION,
    generated_at: invocation.generatedAt,
    invocation_id: invocation.invocationId,
    env: {},
  };
}

const checksum = (text: string) => ({
  name: "sha256",
  checksum: createHash("sha256").update(text).digest("hex"),
});

function columnsOf(node: GraphNode): Record<string, unknown> {
  return Object.fromEntries(
    node.columns.map((c) => [
      c.name,
      { name: c.name, description: c.description, data_type: c.dataType, meta: {}, tags: [] },
    ]),
  );
}

function manifestNode(
  project: CompiledProject,
  node: GraphNode,
  invocation: Invocation,
): Record<string, unknown> {
  const relation = relationOf(node, invocation.target);
  const dialect = dialectOf(invocation.adapterType);
  const common = {
    unique_id: node.uniqueId,
    resource_type: node.resourceType,
    package_name: project.project.name,
    path: node.path.replace(/^[^/]+\//, ""),
    original_file_path: node.path,
    name: node.name,
    fqn: node.fqn,
    description: node.description,
    columns: columnsOf(node),
    meta: {},
    tags: node.tags,
  };
  if (node.resourceType === "source")
    return {
      ...common,
      source_name: node.source.source,
      identifier: node.source.identifier,
      database: relation.database,
      schema: relation.schema,
      loader: "",
      relation_name: dialect.render(relation),
      source_description: "",
      freshness: null,
      config: { enabled: true },
    };
  const sql = "rawSql" in node ? node.rawSql : "";
  const isTest = node.resourceType === "test";
  return {
    ...common,
    alias: isTest ? node.name : relation.identifier,
    database: relation.database,
    schema: relation.schema,
    relation_name: isTest ? null : dialect.render(relation),
    raw_code: sql,
    language: "sql",
    checksum: checksum(node.resourceType === "seed" ? node.seed.header.join(",") : sql),
    config: { enabled: true, ...node.config },
    depends_on: { macros: [], nodes: node.dependsOn },
    refs: "refs" in node ? node.refs.map((name) => ({ name, package: null, version: null })) : [],
    sources: "sources" in node ? node.sources.map(([s, t]) => [s, t]) : [],
    ...(isTest
      ? {
          test_metadata: node.testMetadata,
          column_name: node.columnName,
          attached_node: node.attachedNode,
        }
      : {}),
  };
}

/** The manifest of `project` as dbt would write it for this invocation. */
export function buildManifest(
  project: CompiledProject,
  invocation: Invocation,
): Record<string, unknown> {
  const nodes: Record<string, unknown> = {};
  const sources: Record<string, unknown> = {};
  const parentMap: Record<string, string[]> = {};
  const childMap: Record<string, string[]> = {};
  for (const node of project.nodes) {
    (node.resourceType === "source" ? sources : nodes)[node.uniqueId] = manifestNode(
      project,
      node,
      invocation,
    );
    parentMap[node.uniqueId] = [...node.dependsOn];
    childMap[node.uniqueId] ??= [];
    for (const parent of node.dependsOn) (childMap[parent] ??= []).push(node.uniqueId);
  }
  const macros = Object.fromEntries(
    project.project.macros.flatMap((file) =>
      file.macros.map((name) => [
        `macro.${project.project.name}.${name}`,
        {
          unique_id: `macro.${project.project.name}.${name}`,
          name,
          package_name: project.project.name,
          original_file_path: file.path,
          path: file.path,
          macro_sql: file.sql,
        },
      ]),
    ),
  );
  return {
    metadata: {
      ...metadataOf("manifest/v12", invocation),
      project_name: project.project.name,
      adapter_type: invocation.adapterType,
    },
    nodes,
    sources,
    macros,
    docs: {},
    exposures: {},
    metrics: {},
    groups: {},
    selectors: {},
    disabled: {},
    parent_map: parentMap,
    child_map: childMap,
    group_map: {},
    saved_queries: {},
    semantic_models: {},
    unit_tests: {},
  };
}
