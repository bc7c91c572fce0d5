// `updraft transform ls` (dbt's `ls`/`list`): the selected nodes, one line each, sorted by unique
// id as dbt sorts them — `--output selector` (the default: the fqn joined with dots, sources as
// `source:pkg.source.table`), `name`, `path`, or `json` (one object a line).
import {
  type CompiledProject,
  type GraphNode,
  resolveSelection,
  selectableOf,
} from "@updraft/transform";
import type { Io } from "./dags";

/** `--output` of ls, as dbt's. */
export type ListOutput = "selector" | "name" | "path" | "json";

/** The flags of `transform ls`. */
export interface TransformListFlags {
  /** @default the current folder */
  readonly projectDir?: string;
  readonly select?: readonly string[];
  readonly exclude?: readonly string[];
  /** @default every resource type */
  readonly resourceType?: readonly string[];
  /** @default "selector" */
  readonly output: ListOutput;
}

/** dbt's default include: unlike run and build, ls lists sources too. */
const EVERYTHING = ["fqn:*", "source:*"];

function selectorOf(project: CompiledProject, node: GraphNode): string {
  return node.resourceType === "source"
    ? `source:${project.project.name}.${node.source.source}.${node.name}`
    : node.fqn.join(".");
}

function jsonOf(project: CompiledProject, node: GraphNode): string {
  const { materialized } = selectableOf(project, node);
  return JSON.stringify({
    name: node.name,
    resource_type: node.resourceType,
    package_name: project.project.name,
    original_file_path: node.path,
    unique_id: node.uniqueId,
    tags: node.tags,
    depends_on: { macros: [], nodes: node.dependsOn },
    config: materialized === null ? { enabled: true } : { enabled: true, materialized },
  });
}

function lineOf(project: CompiledProject, node: GraphNode, output: ListOutput): string {
  switch (output) {
    case "selector":
      return selectorOf(project, node);
    case "name":
      return node.name;
    case "path":
      return node.path;
    case "json":
      return jsonOf(project, node);
  }
}

/** Prints the selection; exit 0 even when it is empty (dbt warns, and so does this). */
export function listNodes(project: CompiledProject, flags: TransformListFlags, io: Io): number {
  const chosen = flags.select ?? [];
  const { selected, unmatched } = resolveSelection(
    project.nodes.map((node) => selectableOf(project, node)),
    { select: chosen.length > 0 ? chosen : EVERYTHING, exclude: flags.exclude ?? [] },
  );
  // The default include is not the user's: a project without sources is no reason to warn.
  for (const selector of unmatched)
    if (chosen.length > 0 || !EVERYTHING.includes(selector))
      io.err(`The selection criterion '${selector}' does not match any enabled nodes`);
  const types = flags.resourceType ?? [];
  const ids = new Set(selected);
  const nodes = project.nodes
    .filter((node) => ids.has(node.uniqueId))
    .filter((node) => types.length === 0 || types.includes(node.resourceType))
    .sort((a, b) => (a.uniqueId < b.uniqueId ? -1 : a.uniqueId > b.uniqueId ? 1 : 0));
  if (nodes.length === 0) io.err("No nodes selected!");
  for (const node of nodes) io.out(lineOf(project, node, flags.output));
  return 0;
}
