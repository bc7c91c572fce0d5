// The warehouse a project builds in: a SQL hook (from @updraft/providers, or anything with the
// same shape) plus its dialect and target. Catalog questions — does a relation exist, is it a
// table or a view, which columns has it — are asked through information_schema.
import { TransformError } from "../transformError";
import { type Dialect, dialectOf, type WarehouseType } from "./dialect";
import type { Relation } from "./relation";

/** A value a statement may bind. */
export type BindValue = string | number | boolean | null;

/** What the runner needs of a database connection (providers' SqlHook has this shape). */
export interface SqlConnection {
  readonly dialect: WarehouseType;
  run(sql: string, values?: readonly BindValue[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** dbt's target: where models are built. */
export interface Target {
  /** The target's name (dbt's `target.name`), e.g. "dev" or "prod". */
  readonly name: string;
  /** The database models are built in; null for the connection's current one. */
  readonly database: string | null;
  /** The schema models are built in (custom schemas become `<schema>_<custom>`). */
  readonly schema: string;
}

/** A column as the catalog reports it. */
export interface CatalogColumn {
  readonly name: string;
  readonly dataType: string;
}

/** The kind of an existing relation. */
export type RelationKind = "table" | "view";

/** Runs statements and answers catalog questions for one target. */
export class Warehouse {
  readonly dialect: Dialect;
  readonly target: Target;
  readonly #connection: SqlConnection;

  constructor(connection: SqlConnection, target: Target) {
    this.#connection = connection;
    this.dialect = dialectOf(connection.dialect);
    this.target = target;
  }

  get type(): WarehouseType {
    return this.dialect.type;
  }

  /** Runs one statement; a failure names the statement's first line. */
  async execute(sql: string, values?: readonly BindValue[]): Promise<Record<string, unknown>[]> {
    try {
      return await this.#connection.run(sql, values);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new TransformError("EXECUTION_ERROR", message, { cause: error });
    }
  }

  /** Runs statements in order, inside one transaction where the warehouse's DDL allows it. */
  async executeAll(statements: readonly string[], transactional = true): Promise<void> {
    if (!transactional || statements.length === 1) {
      for (const statement of statements) await this.execute(statement);
      return;
    }
    await this.transaction(async () => {
      for (const statement of statements) await this.execute(statement);
    });
  }

  /** Runs `work` in a transaction; rolled back when it throws. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.execute("begin");
    try {
      const result = await work();
      await this.execute("commit");
      return result;
    } catch (error) {
      await this.#connection.run("rollback").catch(() => undefined);
      throw error;
    }
  }

  /**
   * Asks information_schema.`view` about `relation`, in the relation's own database (Snowflake
   * keeps one information_schema per database; DuckDB one for every attached catalog). Keys come
   * back lower-cased: Snowflake answers `TABLE_TYPE`, the others `table_type`.
   */
  async #catalog(
    view: "tables" | "columns",
    select: string,
    relation: Relation,
  ): Promise<Record<string, unknown>[]> {
    const d = this.dialect;
    const values: BindValue[] = [
      d.catalogName(relation.schema),
      d.catalogName(relation.identifier),
    ];
    let from = `information_schema.${view}`;
    let where = `table_schema = ${d.placeholder(1)} and table_name = ${d.placeholder(2)}`;
    if (d.type === "snowflake" && relation.database !== null)
      from = `${d.quote(relation.database)}.${from}`;
    if (d.type === "duckdb")
      if (relation.database === null) where += " and table_catalog = current_database()";
      else {
        values.push(relation.database);
        where += ` and table_catalog = ${d.placeholder(3)}`;
      }
    const rows = await this.execute(`${select} from ${from} where ${where}`, values);
    return rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v])),
    );
  }

  /** Whether `relation` exists, and as what. */
  async kindOf(relation: Relation): Promise<RelationKind | null> {
    const [row] = await this.#catalog("tables", "select table_type", relation);
    if (row === undefined) return null;
    return String(row.table_type).toUpperCase().includes("VIEW") ? "view" : "table";
  }

  /** The columns of `relation`, in order. */
  async columnsOf(relation: Relation): Promise<CatalogColumn[]> {
    if (this.dialect.type === "snowflake") {
      // DESCRIBE also sees the session's temporary tables, in whatever schema they are.
      const rows = await this.execute(`describe table ${this.render(relation)}`);
      return rows.map((row) => ({ name: String(row.name), dataType: String(row.type) }));
    }
    const rows = await this.#catalog(
      "columns",
      "select column_name, data_type, ordinal_position",
      relation,
    );
    rows.sort((a, b) => Number(a.ordinal_position) - Number(b.ordinal_position));
    return rows.map((row) => ({ name: String(row.column_name), dataType: String(row.data_type) }));
  }

  /** Creates the schema of `relation` when missing. */
  async ensureSchema(relation: Relation): Promise<void> {
    // Asked first: tasks building side by side would otherwise race on the catalog (DuckDB
    // reports a write-write conflict), and Snowflake makes a schema it creates the current one.
    if (await this.#schemaExists(relation)) return;
    const name = [relation.database, relation.schema]
      .filter((p): p is string => p !== null)
      .map((p) => this.dialect.quote(p))
      .join(".");
    try {
      await this.execute(`create schema if not exists ${name}`);
    } catch (error) {
      if (!(await this.#schemaExists(relation))) throw error;
    }
  }

  async #schemaExists(relation: Relation): Promise<boolean> {
    const d = this.dialect;
    const values: BindValue[] = [d.catalogName(relation.schema)];
    let from = "information_schema.schemata";
    let where = `schema_name = ${d.placeholder(1)}`;
    if (d.type === "snowflake" && relation.database !== null)
      from = `${d.quote(relation.database)}.${from}`;
    if (d.type === "duckdb")
      if (relation.database === null) where += " and catalog_name = current_database()";
      else {
        values.push(relation.database);
        where += ` and catalog_name = ${d.placeholder(2)}`;
      }
    const rows = await this.execute(`select count(*) as n from ${from} where ${where}`, values);
    return Number(Object.values(rows[0] ?? {})[0] ?? 0) > 0;
  }

  /** The relation rendered for SQL. */
  render(relation: Relation): string {
    return this.dialect.render(relation);
  }

  close(): Promise<void> {
    return this.#connection.close();
  }
}
