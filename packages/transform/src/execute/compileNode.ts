// Compiles one node for execution: its Jinja rendered with dbt's execute-time context (ref and
// source resolve to relations in the target, `this`, is_incremental() from the warehouse's
// catalog, var/env_var, target), and the ephemeral models it refs inlined as CTEs.
import type { Relation } from "../adapters/relation";
import type { Warehouse } from "../adapters/warehouse";
import { type CompiledProject, macroFilesOf } from "../compile/compileProject";
import type { GraphNode, ModelNode, SnapshotNode, TestNode } from "../graph/nodes";
import { relationOf } from "../graph/relations";
import { RelationValue } from "../render/relationValue";
import { renderSql } from "../render/renderSql";
import { TransformError } from "../transformError";

/** Options of a run that change what SQL compiles to. */
export interface ExecutionOptions {
  /** Rebuild incremental models (and snapshots' targets are never dropped). */
  readonly fullRefresh?: boolean;
  /** Overrides of dbt_project.yml's vars (`--vars`). */
  readonly vars?: Readonly<Record<string, unknown>>;
}

/** A node's SQL, ready to run. */
export interface CompiledNode {
  readonly sql: string;
  /** What `is_incremental()` answered. */
  readonly isIncremental: boolean;
  readonly relation: Relation;
}

/** The name ephemeral models are inlined under. */
const cteName = (model: string): string => `__dbt__cte__${model}`;

interface Compilation {
  readonly project: CompiledProject;
  readonly warehouse: Warehouse;
  readonly options: ExecutionOptions;
  /** Ephemeral models this compilation pulled in, in dependency order, with their SQL. */
  readonly ctes: Map<string, string>;
}

/** Whether an incremental model builds incrementally: dbt's is_incremental(). */
export async function incrementalState(
  warehouse: Warehouse,
  node: ModelNode,
  options: ExecutionOptions,
): Promise<boolean> {
  if (node.config.materialized !== "incremental") return false;
  const configured = node.config.full_refresh;
  const fullRefresh = typeof configured === "boolean" ? configured : options.fullRefresh === true;
  if (fullRefresh) return false;
  return (await warehouse.kindOf(relationOf(node, warehouse.target))) === "table";
}

function value(name: string, vars: Readonly<Record<string, unknown>>, args: unknown[]): unknown {
  if (name in vars) return vars[name];
  if (args.length > 1) return args[1];
  throw new TransformError(
    "COMPILE_ERROR",
    `Required var '${name}' not found in config: set it under vars: in dbt_project.yml or pass it with --vars`,
  );
}

function contextFor(
  c: Compilation,
  node: GraphNode & { path: string },
  isIncremental: boolean,
): Record<string, unknown> {
  const { project, warehouse } = c;
  const target = warehouse.target;
  const vars = { ...project.project.vars, ...c.options.vars };
  const relation = (of: GraphNode) => new RelationValue(relationOf(of, target), warehouse.dialect);
  const config = "config" in node ? (node.config as Readonly<Record<string, unknown>>) : {};
  return {
    ref: (...args: unknown[]) => {
      const name = args.filter((a) => typeof a === "string").at(-1) as string;
      const referenced = project.byName.get(name);
      if (referenced === undefined)
        throw new TransformError("UNKNOWN_REFERENCE", `${node.path}: ref('${name}') names nothing`);
      if (referenced.resourceType === "model" && referenced.config.materialized === "ephemeral") {
        inlineEphemeral(c, referenced);
        return cteName(referenced.name);
      }
      return relation(referenced);
    },
    source: (sourceName: unknown, table: unknown) => {
      const found = project.nodes.find(
        (n) =>
          n.resourceType === "source" && n.source.source === sourceName && n.source.table === table,
      );
      if (found === undefined)
        throw new TransformError(
          "UNKNOWN_REFERENCE",
          `${node.path}: source('${String(sourceName)}', '${String(table)}') is not declared`,
        );
      return relation(found);
    },
    config: Object.assign((..._args: unknown[]) => "", {
      get: (key: unknown, fallback?: unknown) =>
        typeof key === "string" && key in config ? config[key] : fallback,
      require: (key: unknown) => {
        if (typeof key === "string" && key in config) return config[key];
        throw new TransformError(
          "COMPILE_ERROR",
          `${node.path}: config ${String(key)} is required`,
        );
      },
    }),
    this: relation(node),
    is_incremental: () => isIncremental,
    var: (name: unknown, ...rest: unknown[]) => value(String(name), vars, [name, ...rest]),
    env_var: (name: unknown, ...rest: unknown[]) => {
      const found = typeof name === "string" ? process.env[name] : undefined;
      if (found !== undefined) return found;
      if (rest.length > 0) return rest[0];
      throw new TransformError(
        "COMPILE_ERROR",
        `${node.path}: env_var('${String(name)}') is not set and has no default`,
      );
    },
    target: {
      name: target.name,
      type: warehouse.type,
      schema: target.schema,
      database: target.database,
    },
    adapter: { quote: (identifier: unknown) => warehouse.dialect.quote(String(identifier)) },
    model: { name: node.name, unique_id: node.uniqueId, path: node.path },
    execute: true,
  };
}

function render(
  c: Compilation,
  node: ModelNode | SnapshotNode | TestNode,
  isIncremental: boolean,
  sql = node.rawSql,
  extra: Record<string, unknown> = {},
): string {
  return renderSql({
    sql,
    file: node.path,
    context: { ...contextFor(c, node, isIncremental), ...extra },
    macros: macroFilesOf(c.project.project),
  }).trim();
}

/** Renders an ephemeral model (and what it inlines) into the compilation's CTEs. */
function inlineEphemeral(c: Compilation, model: ModelNode): void {
  const name = cteName(model.name);
  if (c.ctes.has(name)) return;
  // Its own ephemeral refs are added first, so CTEs come in dependency order.
  const sql = render(c, model, false);
  c.ctes.set(name, sql);
}

/** dbt's CTE injection: into the model's own `with`, or as a new one before its select. */
export function injectCtes(sql: string, ctes: ReadonlyMap<string, string>): string {
  if (ctes.size === 0) return sql;
  const definitions = [...ctes].map(([name, body]) => `${name} as (\n${body}\n)`).join(",\n");
  const leading = /^(\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*)with\b/i.exec(sql);
  if (leading !== null) return `${leading[1]}with ${definitions},${sql.slice(leading[0].length)}`;
  return `with ${definitions}\n${sql}`;
}

/** Compiles a model, snapshot or singular test for execution. */
export async function compileNode(
  project: CompiledProject,
  warehouse: Warehouse,
  node: ModelNode | SnapshotNode | TestNode,
  options: ExecutionOptions = {},
): Promise<CompiledNode> {
  const isIncremental =
    node.resourceType === "model" ? await incrementalState(warehouse, node, options) : false;
  const c: Compilation = { project, warehouse, options, ctes: new Map() };
  const sql =
    node.resourceType === "test" && node.testMetadata !== null
      ? genericTestSql(c, node)
      : render(c, node, isIncremental);
  return {
    sql: injectCtes(sql, c.ctes),
    isIncremental,
    relation: relationOf(node, warehouse.target),
  };
}

/** A generic test's SQL: its macro called with the model (filtered by `where`) and arguments. */
function genericTestSql(c: Compilation, node: TestNode): string {
  const metadata = node.testMetadata!;
  const attached = c.project.byId.get(node.attachedNode!)!;
  const model = new RelationValue(relationOf(attached, c.warehouse.target), c.warehouse.dialect);
  const args: Record<string, unknown> = {
    model:
      node.config.where === null
        ? model
        : `(select * from ${model.toString()} where ${node.config.where}) dbt_subquery`,
  };
  for (const [key, raw] of Object.entries(metadata.kwargs))
    args[key] =
      typeof raw === "string" && /^\s*(ref|source)\(/.test(raw)
        ? render(c, node, false, `{{ ${raw} }}`)
        : raw;
  // One context variable per argument: `args["values"]` would find Jinja compat's dict.values().
  const names = Object.keys(args);
  const call = names.map((key, i) => `${key}=__test_arg_${i}`).join(", ");
  const bound = Object.fromEntries(names.map((key, i) => [`__test_arg_${i}`, args[key]]));
  return render(c, node, false, `{{ test_${metadata.name}(${call}) }}`, bound);
}
