// Parses the project once, the way dbt's parse phase does: every model, snapshot and singular
// test is rendered with ref(), source() and config() recording what they are called with, the
// tests of the properties files become test nodes, and the whole graph is ordered (parents
// first) and checked for unknown references and cycles.
import { createHash } from "node:crypto";
import type {
  GraphNode,
  ModelNode,
  SeedConfig,
  SeedNode,
  SnapshotConfig,
  SnapshotNode,
  SourceNode,
  TestConfig,
  TestNode,
} from "../graph/nodes";
import { type ModelFile, type Project, propertiesOf } from "../project/loadProject";
import type { ResourceProperties, TestSpec } from "../project/schemaFiles";
import { assertJinjaSupported } from "../jinja/lintJinja";
import { renderSql } from "../render/renderSql";
import { TransformError } from "../transformError";
import { BUILTIN_TESTS } from "./builtinTests";
import { folderConfig, type ModelConfig, resolveConfig } from "./modelConfig";

export type { ModelNode };

/** A parsed project: its nodes in dependency order. */
export interface CompiledProject {
  readonly project: Project;
  /** Every node (sources included), each after the nodes it depends on. */
  readonly nodes: readonly GraphNode[];
  readonly byId: ReadonlyMap<string, GraphNode>;
  /** Models, seeds and snapshots by name: what ref() resolves. */
  readonly byName: ReadonlyMap<string, ModelNode | SeedNode | SnapshotNode>;
  /** The models, in dependency order. */
  readonly models: readonly ModelNode[];
}

/** nunjucks keyword arguments arrive as a last object flagged `__keywords`. */
export function keywordArgs(args: readonly unknown[]): Record<string, unknown> {
  const last = args.at(-1);
  if (typeof last !== "object" || last === null || !("__keywords" in last)) return {};
  const { __keywords: _flag, ...rest } = last as Record<string, unknown>;
  return rest;
}

interface Parsed {
  readonly refs: string[];
  readonly sources: [string, string][];
  readonly configs: Record<string, unknown>[];
}

/** Options of the parse. */
export interface CompileOptions {
  /** `--vars`: override dbt_project.yml's vars, at parse time as at run time. */
  readonly vars?: Readonly<Record<string, unknown>>;
}

/** Renders a file with recording ref/source/config, as dbt's parse does (execute = false). */
function parseSql(project: Project, file: ModelFile): Parsed {
  assertJinjaSupported(file.sql, file.path);
  const parsed: Parsed = { refs: [], sources: [], configs: [] };
  const config = (...args: unknown[]): string => {
    parsed.configs.push(keywordArgs(args));
    return "";
  };
  const context = {
    ref: (...args: unknown[]) => {
      const name = args.filter((a) => typeof a === "string").at(-1);
      if (name === undefined)
        throw new TransformError("COMPILE_ERROR", `${file.path}: ref() needs a model name`);
      if (!parsed.refs.includes(name)) parsed.refs.push(name);
      return `__ref_${name}__`;
    },
    source: (sourceName: unknown, table: unknown) => {
      if (typeof sourceName !== "string" || typeof table !== "string")
        throw new TransformError(
          "COMPILE_ERROR",
          `${file.path}: source() needs a source and a table name`,
        );
      parsed.sources.push([sourceName, table]);
      return `__source_${sourceName}_${table}__`;
    },
    config: Object.assign(config, { get: (_key: unknown, fallback?: unknown) => fallback }),
    var: (name: unknown, fallback?: unknown) =>
      typeof name === "string" && name in project.vars ? project.vars[name] : fallback,
    env_var: (name: unknown, fallback?: unknown) =>
      (typeof name === "string" ? process.env[name] : undefined) ?? fallback ?? "",
    is_incremental: () => false,
    this: `__this_${file.name}__`,
    execute: false,
    target: { name: "parse", type: "parse", schema: "parse", database: "parse" },
  };
  renderSql({ sql: file.sql, file: file.path, context, macros: macroFilesOf(project) });
  return parsed;
}

/** Built-in tests first, so a project's own {% test unique %} replaces dbt's. */
export function macroFilesOf(project: Project): MacroFile[] {
  return [BUILTIN_TESTS, ...project.macros];
}

type MacroFile = Project["macros"][number];

const text = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;
const tagsOf = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((t): t is string => typeof t === "string")
      : [];

/** What every model, seed and snapshot node has, from its file and its properties entry. */
function nodeBase(
  project: Project,
  resourceType: "model" | "seed" | "snapshot",
  file: { readonly name: string; readonly path: string; readonly folders: readonly string[] },
  properties: ResourceProperties | undefined,
  tags: readonly string[],
) {
  return {
    uniqueId: `${resourceType}.${project.name}.${file.name}`,
    name: file.name,
    path: file.path,
    fqn: [project.name, ...file.folders, file.name],
    description: properties?.description ?? "",
    columns: properties?.columns ?? [],
    dependsOn: [],
    tags,
  };
}

/** The folders of a file below its resource folder (`models/stage/x.yml` → `stage`), for fqns. */
const foldersOf = (file: string): string[] => file.split("/").slice(1, -1);

const MATERIALIZATIONS: readonly string[] = ["view", "table", "incremental", "ephemeral"];

function modelNode(project: Project, file: ModelFile): ModelNode {
  const parsed = parseSql(project, file);
  const properties = propertiesOf(project.properties.models, file.name);
  const config: ModelConfig = resolveConfig(
    folderConfig(project.modelConfigs, file.folders),
    properties === undefined ? parsed.configs : [properties.config, ...parsed.configs],
  );
  if (!MATERIALIZATIONS.includes(config.materialized))
    throw new TransformError(
      "INVALID_PROJECT",
      `${file.path}: config materialized: expected one of ${MATERIALIZATIONS.join(", ")}, got ${JSON.stringify(config.materialized)}`,
    );
  return {
    ...nodeBase(project, "model", file, properties, config.tags),
    resourceType: "model",
    rawSql: file.sql,
    refs: parsed.refs,
    sources: parsed.sources,
    config,
  };
}

function snapshotNode(project: Project, file: ModelFile): SnapshotNode {
  const parsed = parseSql(project, file);
  const properties = propertiesOf(project.properties.snapshots, file.name);
  const merged = resolveConfig(folderConfig(project.snapshotConfigs, file.folders), [
    ...(properties === undefined ? [] : [properties.config]),
    ...parsed.configs,
  ]);
  const where = `${file.path}: snapshot ${file.name}`;
  const strategy = merged.strategy;
  if (strategy !== "timestamp" && strategy !== "check")
    throw new TransformError(
      "INVALID_PROJECT",
      `${where}: config strategy: expected 'timestamp' or 'check', got ${JSON.stringify(strategy)}`,
    );
  const uniqueKey = tagsOf(merged.unique_key);
  if (uniqueKey.length === 0)
    throw new TransformError(
      "INVALID_PROJECT",
      `${where}: config unique_key: expected a column name or a list of them`,
    );
  const updatedAt = text(merged.updated_at);
  if (strategy === "timestamp" && updatedAt === null)
    throw new TransformError(
      "INVALID_PROJECT",
      `${where}: config updated_at: the timestamp strategy needs the column that says when a row changed`,
    );
  const checkCols = merged.check_cols === "all" ? "all" : tagsOf(merged.check_cols);
  if (strategy === "check" && checkCols !== "all" && checkCols.length === 0)
    throw new TransformError(
      "INVALID_PROJECT",
      `${where}: config check_cols: the check strategy needs 'all' or a list of columns`,
    );
  const legacyInvalidate = merged.invalidate_hard_deletes === true ? "invalidate" : "ignore";
  const hardDeletes = merged.hard_deletes ?? legacyInvalidate;
  if (hardDeletes !== "ignore" && hardDeletes !== "invalidate" && hardDeletes !== "new_record")
    throw new TransformError(
      "INVALID_PROJECT",
      `${where}: config hard_deletes: expected ignore, invalidate or new_record, got ${JSON.stringify(hardDeletes)}`,
    );
  const config: SnapshotConfig = {
    ...merged,
    materialized: "snapshot",
    strategy,
    uniqueKey,
    updatedAt,
    checkCols,
    targetSchema: text(merged.target_schema),
    targetDatabase: text(merged.target_database),
    alias: text(merged.alias),
    hardDeletes,
    tags: merged.tags,
  };
  return {
    ...nodeBase(project, "snapshot", file, properties, config.tags),
    resourceType: "snapshot",
    // dbt's snapshot fqn: project, folders, the file's name, the block's name.
    fqn: [
      project.name,
      ...file.folders,
      file.path
        .split("/")
        .at(-1)!
        .replace(/\.sql$/, ""),
      file.name,
    ],
    rawSql: file.sql,
    refs: parsed.refs,
    sources: parsed.sources,
    config,
  };
}

function seedNodes(project: Project): SeedNode[] {
  return project.seeds.map((seed) => {
    const properties = propertiesOf(project.properties.seeds, seed.name);
    const merged = resolveConfig(
      folderConfig(project.seedConfigs, seed.folders),
      properties === undefined ? [] : [properties.config],
    );
    const types = merged.column_types;
    const columnTypes: Record<string, string> = {};
    if (typeof types === "object" && types !== null)
      for (const [column, type] of Object.entries(types))
        if (typeof type === "string") columnTypes[column] = type;
    const config: SeedConfig = {
      ...merged,
      materialized: "seed",
      columnTypes,
      schema: merged.schema,
      alias: merged.alias,
      tags: merged.tags,
      quoteColumns: merged.quote_columns === true,
    };
    return {
      ...nodeBase(project, "seed", seed, properties, config.tags),
      resourceType: "seed",
      config,
      seed,
    };
  });
}

function sourceNodes(project: Project): SourceNode[] {
  return project.sources.map((source) => ({
    resourceType: "source",
    uniqueId: `source.${project.name}.${source.source}.${source.table}`,
    name: source.table,
    path: source.file,
    fqn: [project.name, ...foldersOf(source.file), source.source, source.table],
    description: source.description,
    columns: source.columns,
    dependsOn: [],
    tags: [],
    source,
  }));
}

function testConfigOf(
  config: Readonly<Record<string, unknown>>,
  where: string,
  inherited: readonly string[] = [],
): TestConfig {
  const severity = (typeof config.severity === "string" ? config.severity : "error").toLowerCase();
  if (severity !== "error" && severity !== "warn")
    throw new TransformError(
      "INVALID_PROJECT",
      `${where}: severity: expected error or warn, got ${JSON.stringify(config.severity)}`,
    );
  const limit = config.limit;
  return {
    ...config,
    severity,
    warnIf: text(config.warn_if) ?? "!= 0",
    errorIf: text(config.error_if) ?? "!= 0",
    where: text(config.where),
    limit: typeof limit === "number" ? limit : null,
    tags: [...new Set([...inherited, ...tagsOf(config.tags)])],
  };
}

/** `ref('x')` / `source('s', 't')` written as a test argument (relationships' `to`). */
export function parseReferenceArg(
  value: unknown,
): { ref: string } | { source: [string, string] } | null {
  if (typeof value !== "string") return null;
  const ref = /^\s*ref\(\s*['"]([^'"]+)['"]\s*\)\s*$/.exec(value);
  if (ref) return { ref: ref[1]! };
  const source = /^\s*source\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)\s*$/.exec(value);
  if (source) return { source: [source[1]!, source[2]!] };
  return null;
}

/** A value as it prints in Python, which dbt's generated names are made of. */
const pythonName = (value: unknown): string =>
  value === true
    ? "True"
    : value === false
      ? "False"
      : value === null
        ? "None"
        : typeof value === "string"
          ? value
          : JSON.stringify(value);

/** dbt's generated test name: test, target and argument values, cleaned to one identifier. */
function genericTestName(spec: TestSpec, target: string): string {
  const values = Object.entries(spec.kwargs)
    .filter(([key]) => key !== "model" && key !== "column_name")
    .map(([, value]) =>
      Array.isArray(value) ? value.map(pythonName).join("__") : pythonName(value),
    );
  const parts = [spec.testName, target, ...(spec.columnName === null ? [] : [spec.columnName])];
  const base = [parts.join("_"), ...values].join("__").replace(/[^0-9a-zA-Z_]+/g, "_");
  if (base.length <= 63) return base;
  const hash = createHash("md5").update(base).digest("hex");
  return `${spec.testName}_${target}_${hash}`.slice(0, 63);
}

function genericTests(
  project: Project,
  attached: { uniqueId: string; name: string; tags: readonly string[] },
  targetName: string,
  specs: readonly TestSpec[],
): TestNode[] {
  return specs.map((spec) => {
    const name = spec.name ?? genericTestName(spec, targetName);
    const kwargs: Record<string, unknown> = { ...spec.kwargs };
    if (spec.columnName !== null) kwargs.column_name = spec.columnName;
    const refs: string[] = [];
    const sources: [string, string][] = [];
    for (const value of Object.values(kwargs)) {
      const reference = parseReferenceArg(value);
      if (reference === null) continue;
      if ("ref" in reference) refs.push(reference.ref);
      else sources.push(reference.source);
    }
    const hash = createHash("md5")
      .update(`${attached.uniqueId}\u0000${name}\u0000${JSON.stringify(kwargs)}`)
      .digest("hex")
      .slice(0, 10);
    const config = testConfigOf(spec.config, `${spec.file}: test ${name}`, attached.tags);
    return {
      resourceType: "test",
      testType: "generic",
      uniqueId: `test.${project.name}.${name}.${hash}`,
      name,
      path: spec.file,
      fqn: [project.name, ...foldersOf(spec.file), name],
      description: "",
      columns: [],
      dependsOn: [attached.uniqueId],
      tags: config.tags,
      rawSql: `{{ test_${spec.testName}(**_dbt_generic_test_kwargs) }}`,
      refs,
      sources,
      config,
      attachedNode: attached.uniqueId,
      columnName: spec.columnName,
      testMetadata: { name: spec.testName, kwargs, namespace: null },
    };
  });
}

function singularTest(project: Project, file: ModelFile): TestNode {
  const parsed = parseSql(project, file);
  const config = testConfigOf(
    Object.assign({}, ...parsed.configs) as Record<string, unknown>,
    `${file.path}`,
  );
  return {
    resourceType: "test",
    testType: "singular",
    uniqueId: `test.${project.name}.${file.name}`,
    name: file.name,
    path: file.path,
    fqn: [project.name, ...file.folders, file.name],
    description: "",
    columns: [],
    dependsOn: [],
    tags: config.tags,
    rawSql: file.sql,
    refs: parsed.refs,
    sources: parsed.sources,
    config,
    attachedNode: null,
    columnName: null,
    testMetadata: null,
  };
}

function withDependencies(
  node: GraphNode,
  resolveRef: (name: string) => string,
  resolveSource: (source: string, table: string) => string,
): GraphNode {
  if (node.resourceType === "seed" || node.resourceType === "source") return node;
  const parents = [
    ...node.dependsOn,
    ...node.refs.map(resolveRef),
    ...node.sources.map(([s, t]) => resolveSource(s, t)),
  ];
  return { ...node, dependsOn: [...new Set(parents)] };
}

/** Parents first; a node met again while still open closes a cycle. */
function ordered(nodes: readonly GraphNode[], byId: ReadonlyMap<string, GraphNode>): GraphNode[] {
  const result: GraphNode[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (node: GraphNode, trail: readonly string[]): void => {
    const seen = state.get(node.uniqueId);
    if (seen === "done") return;
    if (seen === "open") {
      const names = [...trail.slice(trail.indexOf(node.name)), node.name];
      throw new TransformError(
        "DEPENDENCY_CYCLE",
        `models depend on each other in a circle: ${names.join(" → ")}`,
      );
    }
    state.set(node.uniqueId, "open");
    for (const parent of node.dependsOn) visit(byId.get(parent)!, [...trail, node.name]);
    state.set(node.uniqueId, "done");
    result.push(node);
  };
  for (const node of [...nodes].sort((a, b) => a.uniqueId.localeCompare(b.uniqueId)))
    visit(node, []);
  return result;
}

function checkProperties(
  project: Project,
  entries: readonly ResourceProperties[],
  kind: string,
  names: ReadonlySet<string>,
): void {
  for (const entry of entries)
    if (!names.has(entry.name))
      throw new TransformError(
        "UNKNOWN_REFERENCE",
        `${entry.file}: ${kind} "${entry.name}" is described but no such ${kind} exists in ${project.name}`,
      );
}

/** Parses the project; throws on unknown refs/sources, bad configs and cycles. */
export function compileProject(given: Project, options: CompileOptions = {}): CompiledProject {
  const project: Project =
    options.vars === undefined ? given : { ...given, vars: { ...given.vars, ...options.vars } };
  for (const file of project.macros) assertJinjaSupported(file.sql, file.path);
  const models = project.models.map((file) => modelNode(project, file));
  const snapshots = project.snapshots.map((file) => snapshotNode(project, file));
  const seeds = seedNodes(project);
  const sources = sourceNodes(project);
  const buildable = [...models, ...snapshots, ...seeds];
  const byName = new Map(buildable.map((node) => [node.name, node]));
  checkProperties(project, project.properties.models, "model", new Set(models.map((m) => m.name)));
  checkProperties(project, project.properties.seeds, "seed", new Set(seeds.map((m) => m.name)));
  checkProperties(
    project,
    project.properties.snapshots,
    "snapshot",
    new Set(snapshots.map((m) => m.name)),
  );
  const tests: TestNode[] = [];
  for (const [entries, kind] of [
    [project.properties.models, "model"],
    [project.properties.seeds, "seed"],
    [project.properties.snapshots, "snapshot"],
  ] as const)
    for (const entry of entries) {
      const node = byName.get(entry.name);
      if (node !== undefined && node.resourceType === kind)
        tests.push(...genericTests(project, node, node.name, entry.tests));
    }
  for (const source of sources)
    tests.push(
      ...genericTests(
        project,
        source,
        `source_${source.source.source}_${source.source.table}`,
        source.source.tests,
      ),
    );
  tests.push(...project.tests.map((file) => singularTest(project, file)));

  const nodes: GraphNode[] = [...buildable, ...tests];
  const resolved = nodes.map((node) =>
    withDependencies(
      node,
      (name) => {
        const target = byName.get(name);
        if (target === undefined)
          throw new TransformError(
            "UNKNOWN_REFERENCE",
            `${node.path}: ref('${name}') names no model, seed or snapshot of the project`,
          );
        return target.uniqueId;
      },
      (source, table) => {
        const found = sources.find((s) => s.source.source === source && s.source.table === table);
        if (found === undefined)
          throw new TransformError(
            "UNKNOWN_REFERENCE",
            `${node.path}: source('${source}', '${table}') is not declared in any schema file`,
          );
        return found.uniqueId;
      },
    ),
  );
  const all: GraphNode[] = [...sources, ...resolved];
  const byId = new Map(all.map((node) => [node.uniqueId, node]));
  const sorted = ordered(all, byId);
  const finalByName = new Map<string, ModelNode | SeedNode | SnapshotNode>();
  for (const node of sorted)
    if (
      node.resourceType === "model" ||
      node.resourceType === "seed" ||
      node.resourceType === "snapshot"
    )
      finalByName.set(node.name, node);
  return {
    project,
    nodes: sorted,
    byId,
    byName: finalByName,
    models: sorted.filter((n): n is ModelNode => n.resourceType === "model"),
  };
}
