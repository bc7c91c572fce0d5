// dbt snapshots (SCD type 2), timestamp and check strategies: the first run creates the snapshot
// table from the select plus dbt's columns; later runs stage the changes (new keys, new versions,
// closed versions, hard deletes) and apply them in one transaction, as dbt's snapshot
// materialization does. The SQL itself is built in snapshotSql.ts.
import { stagingRelation } from "../adapters/dialect";
import type { Relation } from "../adapters/relation";
import type { CatalogColumn, Warehouse } from "../adapters/warehouse";
import type { CompiledProject } from "../compile/compileProject";
import type { SnapshotNode } from "../graph/nodes";
import { TransformError } from "../transformError";
import { compileNode, type ExecutionOptions } from "./compileNode";
import {
  type ChangeRule,
  closeRowsSql,
  countChangesSql,
  DEFAULT_META_COLUMNS,
  insertRowsSql,
  type MetaColumn,
  type MetaColumns,
  type SnapshotSpec,
  snapshotTableSql,
  snapshotTimeOf,
  stagingSql,
  type Statement,
} from "./snapshotSql";

/** What taking a snapshot did. */
export interface SnapshotOutcome {
  /** dbt's adapter_response message: `SNAPSHOT <rows inserted + rows updated>`. */
  readonly message: string;
  readonly rowsAffected: number | null;
  /** The snapshot's select, compiled (dbt's compiled_code). */
  readonly compiledSql: string;
}

/** One run of one snapshot. */
interface SnapshotRun {
  readonly warehouse: Warehouse;
  readonly node: SnapshotNode;
  readonly relation: Relation;
  /** The relation the select's rows are put in first, so every step reads the same rows. */
  readonly source: Relation;
  readonly sql: string;
  readonly snapshotTime: string;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*$/;

function invalid(node: SnapshotNode, message: string): never {
  throw new TransformError("INVALID_PROJECT", `${node.path}: snapshot ${node.name}: ${message}`);
}

/** config snapshot_meta_column_names over dbt's defaults. */
function metaColumnsOf(node: SnapshotNode): MetaColumns {
  const configured = node.config.snapshot_meta_column_names;
  if (configured === undefined || configured === null) return DEFAULT_META_COLUMNS;
  if (typeof configured !== "object" || Array.isArray(configured))
    return invalid(node, "config snapshot_meta_column_names: expected a mapping of dbt_* names");
  const names: Record<MetaColumn, string> = { ...DEFAULT_META_COLUMNS };
  for (const [key, value] of Object.entries(configured as Record<string, unknown>)) {
    if (!(key in names))
      invalid(
        node,
        `config snapshot_meta_column_names: ${key}: expected one of ${Object.keys(names).join(", ")}`,
      );
    if (typeof value !== "string" || value === "")
      invalid(node, `config snapshot_meta_column_names.${key}: expected a column name`);
    names[key as MetaColumn] = value;
  }
  return names;
}

/**
 * A configured unique_key or updated_at as SQL: the select's column of that name (in the
 * catalog's case), or — as dbt allows — an expression written as is.
 */
function columnOrExpression(
  run: SnapshotRun,
  key: string,
  value: string,
  columns: readonly string[],
): string {
  const found = columns.find((c) => same(c, value.trim()));
  if (found !== undefined) return run.warehouse.dialect.quote(found);
  if (SIMPLE_NAME.test(value.trim()))
    invalid(
      run.node,
      `config ${key}: ${value} is not a column of the snapshot's select (it has ${columns.join(", ")})`,
    );
  return value;
}

/** How a changed row is told apart; `existing` is null on the first run. */
function changeRuleOf(
  run: SnapshotRun,
  columns: readonly string[],
  existing: readonly string[] | null,
): ChangeRule {
  const { config } = run.node;
  if (config.strategy === "timestamp") return { strategy: "timestamp" };
  const checked =
    config.checkCols === "all"
      ? columns
      : config.checkCols.map((name) => {
          const found = columns.find((c) => same(c, name));
          return (
            found ??
            invalid(
              run.node,
              `config check_cols: ${name} is not a column of the snapshot's select (it has ${columns.join(", ")})`,
            )
          );
        });
  const columnAdded = existing !== null && checked.some((c) => !existing.some((e) => same(e, c)));
  return { strategy: "check", columns: checked, columnAdded };
}

/** Everything the SQL builders need, from the select's columns and the table's (later runs). */
function specOf(
  run: SnapshotRun,
  columns: readonly string[],
  existing: readonly string[] | null,
): SnapshotSpec {
  const { config } = run.node;
  const validToCurrent = config.dbt_valid_to_current;
  return {
    dialect: run.warehouse.dialect,
    target: run.warehouse.render(run.relation),
    source: run.warehouse.render(run.source),
    columns,
    uniqueKey: config.uniqueKey.map((k) => columnOrExpression(run, "unique_key", k, columns)),
    updatedAt:
      config.updatedAt === null
        ? null
        : columnOrExpression(run, "updated_at", config.updatedAt, columns),
    change: changeRuleOf(run, columns, existing),
    hardDeletes: config.hardDeletes,
    validToCurrent:
      typeof validToCurrent === "string" && validToCurrent.trim() !== ""
        ? validToCurrent.trim()
        : null,
    meta: metaColumnsOf(run.node),
    snapshotTime: run.snapshotTime,
  };
}

/** A DML step: inside the run's transaction, or in a transaction of its own (Snowflake). */
type Dml = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Runs `work` in one transaction where DDL is transactional, so a failed run leaves neither
 * staging tables nor half-applied history. Snowflake's DDL commits on its own: there only the
 * DML shares a transaction, and the staging tables (the session's temporary ones) are dropped
 * after, whatever happened.
 */
async function atomically<T>(
  warehouse: Warehouse,
  staging: readonly Relation[],
  work: (dml: Dml) => Promise<T>,
): Promise<T> {
  const drops = staging.map((r) => `drop table if exists ${warehouse.render(r)}`);
  if (warehouse.dialect.transactionalDdl)
    return warehouse.transaction(async () => {
      const result = await work((step) => step());
      for (const drop of drops) await warehouse.execute(drop);
      return result;
    });
  try {
    return await work((step) => warehouse.transaction(step));
  } finally {
    for (const drop of drops) await warehouse.execute(drop).catch(() => undefined);
  }
}

/** Creates a staging table holding `select`'s rows. */
async function stage(warehouse: Warehouse, relation: Relation, select: Statement): Promise<void> {
  const binds = select.binds.length === 0 ? undefined : select.binds;
  // The dialect may drop the old table first: only the statement holding the select binds.
  for (const statement of warehouse.dialect.createStaging(relation, select.sql))
    await warehouse.execute(statement, statement.includes(select.sql) ? binds : undefined);
}

/** A row's value by column name, whatever case the warehouse answers in. */
const field = (row: Record<string, unknown>, name: string): unknown =>
  Object.entries(row).find(([key]) => same(key, name))?.[1];

/** The first run: the table is the select's rows, each the current version. */
async function createSnapshot(run: SnapshotRun): Promise<number> {
  const { warehouse, node } = run;
  return atomically(warehouse, [run.source], async () => {
    await stage(warehouse, run.source, { sql: run.sql, binds: [] });
    const columns = (await warehouse.columnsOf(run.source)).map((c) => c.name);
    const select = snapshotTableSql(specOf(run, columns, null));
    // dbt-snowflake builds snapshots as transient tables unless config transient is false.
    const transient =
      warehouse.type === "snowflake" && node.config.transient !== false ? "transient " : "";
    await warehouse.execute(
      `create ${transient}table ${warehouse.render(run.relation)} as (\n${select.sql}\n)`,
      select.binds.length === 0 ? undefined : select.binds,
    );
    const [count] = await warehouse.execute(
      `select count(*) as n from ${warehouse.render(run.source)}`,
    );
    return Number(field(count ?? {}, "n") ?? 0);
  });
}

/** Adds what the table lacks: new columns of the select, and new_record's deletion flag. */
async function addMissingColumns(
  run: SnapshotRun,
  spec: SnapshotSpec,
  existing: readonly CatalogColumn[],
  columns: readonly CatalogColumn[],
): Promise<void> {
  const { warehouse } = run;
  const has = (name: string) => existing.some((e) => same(e.name, name));
  for (const meta of ["dbt_scd_id", "dbt_valid_from", "dbt_valid_to"] as const)
    if (!has(spec.meta[meta]))
      throw new TransformError(
        "EXECUTION_ERROR",
        `${run.node.path}: snapshot ${run.node.name}: ${spec.target} has no column ${spec.meta[meta]}, ` +
          `so it is not this snapshot's table; drop it or point the snapshot elsewhere (target_schema, alias)`,
      );
  const missing = columns.filter((c) => !has(c.name));
  if (spec.hardDeletes === "new_record" && !has(spec.meta.dbt_is_deleted))
    missing.push({ name: spec.meta.dbt_is_deleted, dataType: "varchar" });
  for (const column of missing)
    await warehouse.execute(
      `alter table ${spec.target} add column ${warehouse.dialect.quote(column.name)} ${column.dataType}`,
    );
}

/** A later run: stage the changes, then close and insert versions in one transaction. */
async function updateSnapshot(run: SnapshotRun): Promise<number> {
  const { warehouse } = run;
  const changes = stagingRelation(run.relation);
  return atomically(warehouse, [run.source, changes], async (dml) => {
    await stage(warehouse, run.source, { sql: run.sql, binds: [] });
    const columns = await warehouse.columnsOf(run.source);
    const existing = await warehouse.columnsOf(run.relation);
    const spec = specOf(
      run,
      columns.map((c) => c.name),
      existing.map((c) => c.name),
    );
    await addMissingColumns(run, spec, existing, columns);
    await stage(warehouse, changes, stagingSql(spec));
    const staged = warehouse.render(changes);
    const counts = new Map<string, number>();
    for (const row of await warehouse.execute(countChangesSql(spec, staged)))
      counts.set(String(field(row, "change_type")), Number(field(row, "n")));
    const inserted = counts.get("insert") ?? 0;
    const closed = (counts.get("update") ?? 0) + (counts.get("delete") ?? 0);
    if (inserted + closed === 0) return 0;
    await dml(async () => {
      await warehouse.execute(closeRowsSql(spec, staged));
      await warehouse.execute(insertRowsSql(spec, staged));
    });
    return inserted + closed;
  });
}

/** Takes one snapshot: creates its table on the first run, records what changed on later ones. */
export async function takeSnapshot(
  project: CompiledProject,
  warehouse: Warehouse,
  node: SnapshotNode,
  options: ExecutionOptions = {},
): Promise<SnapshotOutcome> {
  // --full-refresh never rebuilds a snapshot: its history exists nowhere else.
  const { sql, relation } = await compileNode(project, warehouse, node, options);
  const kind = await warehouse.kindOf(relation);
  if (kind === "view")
    throw new TransformError(
      "EXECUTION_ERROR",
      `${node.path}: snapshot ${node.name}: ${warehouse.render(relation)} is a view; a snapshot needs a table there`,
    );
  await warehouse.ensureSchema(relation);
  const run: SnapshotRun = {
    warehouse,
    node,
    relation,
    source: { ...relation, identifier: `${relation.identifier}__dbt_source` },
    sql,
    snapshotTime: snapshotTimeOf(new Date()),
  };
  const rows = kind === null ? await createSnapshot(run) : await updateSnapshot(run);
  return { message: `SNAPSHOT ${rows}`, rowsAffected: rows, compiledSql: sql };
}
