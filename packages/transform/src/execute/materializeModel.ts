// dbt's model materializations: view, table, incremental (append, merge on unique_key,
// delete+insert; on_schema_change) — ephemeral models are never built, they are inlined where
// they are referenced. A build replaces its relation atomically where the warehouse's DDL is
// transactional, so a failed build leaves the previous version in place.
import { stagingRelation } from "../adapters/dialect";
import type { Relation } from "../adapters/relation";
import type { CatalogColumn, Warehouse } from "../adapters/warehouse";
import type { CompiledProject } from "../compile/compileProject";
import type { ModelNode } from "../graph/nodes";
import { TransformError } from "../transformError";
import { compileNode, type ExecutionOptions } from "./compileNode";

/** What building a model did. */
export interface ModelBuild {
  readonly compiledSql: string;
  readonly relation: Relation;
  /** dbt's adapter_response message, e.g. "CREATE VIEW" or "MERGE 12". */
  readonly message: string;
  readonly rowsAffected: number | null;
}

/** The incremental strategies the runner implements. */
export type IncrementalStrategy = "append" | "merge" | "delete+insert";

const STRATEGIES: readonly string[] = ["append", "merge", "delete+insert"];

const listOf = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : [];

/** The model's strategy, with each adapter's default (dbt-snowflake merges, the others delete+insert on a key). */
export function strategyOf(node: ModelNode, warehouse: Warehouse): IncrementalStrategy {
  const configured = node.config.incremental_strategy;
  if (configured === undefined || configured === null) {
    if (warehouse.type === "snowflake") return "merge";
    return listOf(node.config.unique_key).length > 0 ? "delete+insert" : "append";
  }
  if (typeof configured !== "string" || !STRATEGIES.includes(configured))
    throw new TransformError(
      "INVALID_PROJECT",
      `${node.path}: config incremental_strategy: expected append, merge or delete+insert, got ${JSON.stringify(configured)}`,
    );
  return configured as IncrementalStrategy;
}

/** Drops `relation` when it exists as the other kind (a view becoming a table, or back). */
async function dropIfKind(
  warehouse: Warehouse,
  relation: Relation,
  unwanted: "table" | "view",
): Promise<void> {
  if ((await warehouse.kindOf(relation)) === unwanted)
    await warehouse.execute(`drop ${unwanted} if exists ${warehouse.render(relation)}`);
}

async function buildTable(warehouse: Warehouse, relation: Relation, sql: string): Promise<void> {
  await dropIfKind(warehouse, relation, "view");
  await warehouse.executeAll(
    warehouse.dialect.createTable(relation, sql),
    warehouse.dialect.transactionalDdl,
  );
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The columns to insert, after on_schema_change has reconciled the target with the new rows. */
async function reconcileColumns(
  warehouse: Warehouse,
  node: ModelNode,
  target: Relation,
  staging: Relation,
): Promise<CatalogColumn[]> {
  const existing = await warehouse.columnsOf(target);
  const incoming = await warehouse.columnsOf(staging);
  const added = incoming.filter((c) => !existing.some((e) => same(e.name, c.name)));
  const removed = existing.filter((e) => !incoming.some((c) => same(e.name, c.name)));
  const configured = node.config.on_schema_change;
  const policy = typeof configured === "string" ? configured : "ignore";
  if (added.length === 0 && removed.length === 0) return existing;
  const names = (columns: CatalogColumn[]) => columns.map((c) => c.name).join(", ") || "none";
  switch (policy) {
    case "ignore":
      return existing.filter((e) => incoming.some((c) => same(e.name, c.name)));
    case "fail":
      throw new TransformError(
        "EXECUTION_ERROR",
        `${node.path}: the source and target schemas of incremental model ${node.name} are out of sync ` +
          `(new columns: ${names(added)}; missing columns: ${names(removed)}); ` +
          `set on_schema_change to append_new_columns or sync_all_columns, or run with --full-refresh`,
      );
    case "append_new_columns":
    case "sync_all_columns": {
      const table = warehouse.render(target);
      const q = (name: string) => warehouse.dialect.quote(name);
      for (const column of added)
        await warehouse.execute(
          `alter table ${table} add column ${q(column.name)} ${column.dataType}`,
        );
      if (policy === "sync_all_columns")
        for (const column of removed)
          await warehouse.execute(`alter table ${table} drop column ${q(column.name)}`);
      return policy === "sync_all_columns" ? incoming : [...existing, ...added];
    }
    default:
      throw new TransformError(
        "INVALID_PROJECT",
        `${node.path}: config on_schema_change: expected ignore, fail, append_new_columns or sync_all_columns, got ${JSON.stringify(policy)}`,
      );
  }
}

/** The statements applying the staged rows to the target by the model's strategy. */
export function incrementalStatements(input: {
  readonly warehouse: Warehouse;
  readonly node: ModelNode;
  readonly target: Relation;
  readonly staging: Relation;
  readonly columns: readonly string[];
}): string[] {
  const { warehouse, node, target, staging } = input;
  const q = (name: string) => warehouse.dialect.quote(name);
  const dest = `${warehouse.render(target)}`;
  const source = `${warehouse.render(staging)}`;
  const columns = input.columns.map(q);
  const insert = `insert into ${dest} (${columns.join(", ")})\nselect ${columns.join(", ")} from ${source}`;
  const keys = listOf(node.config.unique_key);
  const predicates = listOf(node.config.incremental_predicates);
  const strategy = strategyOf(node, warehouse);
  if (strategy === "append" || keys.length === 0) return [insert];
  const on = [
    ...keys.map((k) => `DBT_INTERNAL_SOURCE.${q(k)} = DBT_INTERNAL_DEST.${q(k)}`),
    ...predicates.map((p) => `(${p})`),
  ].join("\n  and ");
  if (strategy === "delete+insert")
    return [
      `delete from ${dest} as DBT_INTERNAL_DEST\nusing ${source} as DBT_INTERNAL_SOURCE\nwhere ${on}`,
      insert,
    ];
  const only = listOf(node.config.merge_update_columns);
  const excluded = listOf(node.config.merge_exclude_columns);
  const updated = input.columns.filter(
    (c) => (only.length === 0 || only.some((o) => same(o, c))) && !excluded.some((e) => same(e, c)),
  );
  const set = updated.map((c) => `${q(c)} = DBT_INTERNAL_SOURCE.${q(c)}`).join(", ");
  return [
    `merge into ${dest} as DBT_INTERNAL_DEST\nusing ${source} as DBT_INTERNAL_SOURCE\non ${on}\n` +
      (set === "" ? "" : `when matched then update set ${set}\n`) +
      `when not matched then insert (${columns.join(", ")})\n` +
      `values (${columns.map((c) => `DBT_INTERNAL_SOURCE.${c}`).join(", ")})`,
  ];
}

async function buildIncremental(
  warehouse: Warehouse,
  node: ModelNode,
  target: Relation,
  sql: string,
): Promise<number> {
  const staging = stagingRelation(target);
  const stage = warehouse.dialect.createStaging(staging, sql);
  const dropStaging = `drop table if exists ${warehouse.render(staging)}`;
  const apply = async (): Promise<number> => {
    const columns = await reconcileColumns(warehouse, node, target, staging);
    const [count] = await warehouse.execute(
      `select count(*) as n from ${warehouse.render(staging)}`,
    );
    const statements = incrementalStatements({
      warehouse,
      node,
      target,
      staging,
      columns: columns.map((c) => c.name),
    });
    for (const statement of statements) await warehouse.execute(statement);
    return Number(Object.values(count ?? {})[0] ?? 0);
  };
  if (warehouse.dialect.transactionalDdl)
    return warehouse.transaction(async () => {
      for (const statement of stage) await warehouse.execute(statement);
      const rows = await apply();
      await warehouse.execute(dropStaging);
      return rows;
    });
  // Snowflake: the staging table is the session's own; only the DML shares a transaction.
  for (const statement of stage) await warehouse.execute(statement);
  try {
    return await warehouse.transaction(apply);
  } finally {
    await warehouse.execute(dropStaging).catch(() => undefined);
  }
}

/** Builds one model in the warehouse. Ephemeral models are compiled only. */
export async function buildModel(
  project: CompiledProject,
  warehouse: Warehouse,
  node: ModelNode,
  options: ExecutionOptions = {},
): Promise<ModelBuild> {
  const compiled = await compileNode(project, warehouse, node, options);
  const { relation, sql } = compiled;
  const done = (message: string, rowsAffected: number | null = null): ModelBuild => ({
    compiledSql: sql,
    relation,
    message,
    rowsAffected,
  });
  const materialized = node.config.materialized;
  if (materialized === "ephemeral") return done("EPHEMERAL (inlined where referenced)");
  await warehouse.ensureSchema(relation);
  if (materialized === "view") {
    await dropIfKind(warehouse, relation, "table");
    const { dialect } = warehouse;
    try {
      await warehouse.executeAll(dialect.createView(relation, sql), dialect.transactionalDdl);
    } catch (error) {
      if (dialect.recreateView === undefined || (await warehouse.kindOf(relation)) === null)
        throw error;
      await warehouse.executeAll(dialect.recreateView(relation, sql), dialect.transactionalDdl);
    }
    return done("CREATE VIEW");
  }
  if (materialized === "table" || !compiled.isIncremental) {
    await buildTable(warehouse, relation, sql);
    return done(
      materialized === "table" ? "CREATE TABLE" : "CREATE TABLE (incremental, full build)",
    );
  }
  const strategy = strategyOf(node, warehouse);
  const rows = await buildIncremental(warehouse, node, relation, sql);
  return done(`${strategy.toUpperCase()} ${rows}`, rows);
}
