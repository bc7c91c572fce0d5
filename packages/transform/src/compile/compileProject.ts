// Parses every model's Jinja once, the way dbt's parse phase does: ref(), source() and config()
// are recorded (they render placeholders), so the project's graph and each model's config are
// known before anything runs. The graph is ordered (dependencies first) and checked for cycles.
import nunjucks from "nunjucks";
import type { ModelFile, Project, SourceTable } from "../project/loadProject";
import { TransformError } from "../transformError";
import { folderConfig, type ModelConfig, resolveConfig } from "./modelConfig";

/** A model with what its parse recorded. */
export interface ModelNode {
  /** dbt's unique_id: `model.<project>.<name>`. */
  readonly uniqueId: string;
  readonly name: string;
  readonly path: string;
  /** dbt's fqn: project, folders, name. */
  readonly fqn: readonly string[];
  readonly config: ModelConfig;
  /** Models this one refs, by name, in order of first use. */
  readonly refs: readonly string[];
  /** Sources this one reads, as [source, table]. */
  readonly sources: readonly (readonly [string, string])[];
  readonly rawSql: string;
}

/** A parsed project: models in dependency order. */
export interface CompiledProject {
  readonly project: Project;
  /** Every model, each after the models it refs. */
  readonly models: readonly ModelNode[];
  readonly byName: ReadonlyMap<string, ModelNode>;
}

/** nunjucks keyword arguments arrive as a last object flagged `__keywords`. */
function keywordArgs(args: readonly unknown[]): Record<string, unknown> {
  const last = args.at(-1);
  if (typeof last !== "object" || last === null || !("__keywords" in last)) return {};
  const { __keywords: _flag, ...rest } = last as Record<string, unknown>;
  return rest;
}

function parseModel(project: Project, model: ModelFile): ModelNode {
  const refs: string[] = [];
  const sources: [string, string][] = [];
  const configs: Record<string, unknown>[] = [];
  // dbt's parse renders with a lenient environment: unknown names render empty.
  const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });
  const context = {
    ref: (...args: unknown[]) => {
      const name = args.filter((a) => typeof a === "string").at(-1);
      if (name === undefined)
        throw new TransformError("COMPILE_ERROR", `${model.path}: ref() needs a model name`);
      if (!refs.includes(name)) refs.push(name);
      return `__ref_${name}__`;
    },
    source: (sourceName: unknown, table: unknown) => {
      if (typeof sourceName !== "string" || typeof table !== "string")
        throw new TransformError(
          "COMPILE_ERROR",
          `${model.path}: source() needs a source and a table name`,
        );
      sources.push([sourceName, table]);
      return `__source_${sourceName}_${table}__`;
    },
    config: (...args: unknown[]) => {
      configs.push(keywordArgs(args));
      return "";
    },
    var: (name: unknown, fallback?: unknown) =>
      typeof name === "string" && name in project.vars ? project.vars[name] : fallback,
    env_var: (name: unknown, fallback?: unknown) =>
      (typeof name === "string" ? process.env[name] : undefined) ?? fallback ?? "",
    is_incremental: () => false,
    this: `__this_${model.name}__`,
    execute: false,
  };
  try {
    env.renderString(model.sql, context);
  } catch (error) {
    if (error instanceof TransformError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new TransformError(
      "COMPILE_ERROR",
      `${model.path}: ${message.replace(/^\(unknown path\)\s*/, "")}`,
    );
  }
  return {
    uniqueId: `model.${project.name}.${model.name}`,
    name: model.name,
    path: model.path,
    fqn: [project.name, ...model.folders, model.name],
    config: resolveConfig(folderConfig(project.modelConfigs, model.folders), configs),
    refs,
    sources,
    rawSql: model.sql,
  };
}

function findSource(sources: readonly SourceTable[], name: string, table: string): boolean {
  return sources.some((s) => s.source === name && s.table === table);
}

/** Parses the models and orders them; throws on unknown refs/sources and on cycles. */
export function compileProject(project: Project): CompiledProject {
  const nodes = project.models.map((m) => parseModel(project, m));
  const byName = new Map(nodes.map((n) => [n.name, n]));
  for (const node of nodes) {
    for (const ref of node.refs)
      if (!byName.has(ref))
        throw new TransformError(
          "UNKNOWN_REFERENCE",
          `${node.path}: ref('${ref}') names no model of the project`,
        );
    for (const [source, table] of node.sources)
      if (!findSource(project.sources, source, table))
        throw new TransformError(
          "UNKNOWN_REFERENCE",
          `${node.path}: source('${source}', '${table}') is not declared in any schema file`,
        );
  }
  // Depth-first, dependencies first; a node met again while still open closes a cycle.
  const ordered: ModelNode[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (node: ModelNode, trail: readonly string[]): void => {
    const seen = state.get(node.name);
    if (seen === "done") return;
    if (seen === "open") {
      const cycle = [...trail.slice(trail.indexOf(node.name)), node.name];
      throw new TransformError(
        "DEPENDENCY_CYCLE",
        `models depend on each other in a circle: ${cycle.join(" → ")}`,
      );
    }
    state.set(node.name, "open");
    for (const ref of node.refs) visit(byName.get(ref)!, [...trail, node.name]);
    state.set(node.name, "done");
    ordered.push(node);
  };
  for (const node of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) visit(node, []);
  return { project, models: ordered, byName };
}
