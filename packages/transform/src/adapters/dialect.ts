// What differs between the warehouses the runner builds in (DuckDB, Snowflake, Postgres): how
// names are quoted and qualified, how bound values are written, and the DDL of each
// materialization. Everything here returns SQL text; nothing runs.
import type { Relation } from "./relation";

/** The warehouses the runner speaks. */
export type WarehouseType = "duckdb" | "snowflake" | "postgres";

/** The SQL of one warehouse. */
export interface Dialect {
  readonly type: WarehouseType;
  /** A column or object name as the warehouse takes it. */
  quote(identifier: string): string;
  /** database.schema.identifier, as far as the warehouse qualifies names. */
  render(relation: Relation): string;
  /** The n-th (1-based) bound-value placeholder. */
  placeholder(n: number): string;
  /** Names in information_schema as stored (Snowflake upper-cases unquoted names). */
  catalogName(identifier: string): string;
  /** Statements that replace `relation` with a view over `sql`. */
  createView(relation: Relation, sql: string): string[];
  /**
   * When createView fails because the columns changed (Postgres cannot drop, rename or retype a
   * view's columns in place): drop it — and the views on it, rebuilt by their own tasks — then
   * create it.
   */
  recreateView?(relation: Relation, sql: string): string[];
  /** Statements that replace `relation` with a table holding `sql`'s rows, atomically. */
  createTable(relation: Relation, sql: string): string[];
  /**
   * Statements that create the staging relation an incremental build puts its new rows in.
   * Where DDL is transactional it is an ordinary table created inside the build's transaction
   * (so a failed build leaves nothing); Snowflake's is a session's temporary table.
   */
  createStaging(staging: Relation, sql: string): string[];
  /** Whether DDL runs inside a transaction (Snowflake's DDL commits on its own). */
  readonly transactionalDdl: boolean;
}

const doubleQuoted = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/** DuckDB: two-part names within the database file, everything quoted. */
const duckdb: Dialect = {
  type: "duckdb",
  quote: doubleQuoted,
  render: (r) =>
    [r.database, r.schema, r.identifier]
      .filter((p): p is string => p !== null)
      .map(doubleQuoted)
      .join("."),
  placeholder: (n) => `$${n}`,
  catalogName: (identifier) => identifier,
  createView: (r, sql) => [`create or replace view ${duckdb.render(r)} as (\n${sql}\n)`],
  createTable: (r, sql) => [`create or replace table ${duckdb.render(r)} as (\n${sql}\n)`],
  createStaging: (t, sql) => [
    `drop table if exists ${duckdb.render(t)}`,
    `create table ${duckdb.render(t)} as (\n${sql}\n)`,
  ],
  transactionalDdl: true,
};

/** Postgres: quoted two-part names; a table is built beside the old one and swapped in. */
const postgres: Dialect = {
  type: "postgres",
  quote: doubleQuoted,
  render: (r) => `${doubleQuoted(r.schema)}.${doubleQuoted(r.identifier)}`,
  placeholder: (n) => `$${n}`,
  catalogName: (identifier) => identifier,
  // Replacing in place keeps the views built on this one; recreateView is the fallback.
  createView: (r, sql) => [`create or replace view ${postgres.render(r)} as (\n${sql}\n)`],
  recreateView: (r, sql) => [
    `drop view if exists ${postgres.render(r)} cascade`,
    `create view ${postgres.render(r)} as (\n${sql}\n)`,
  ],
  createTable: (r, sql) => {
    const staging = { ...r, identifier: `${r.identifier}__dbt_tmp` };
    return [
      `drop table if exists ${postgres.render(staging)}`,
      `create table ${postgres.render(staging)} as (\n${sql}\n)`,
      `drop table if exists ${postgres.render(r)} cascade`,
      `alter table ${postgres.render(staging)} rename to ${doubleQuoted(r.identifier)}`,
    ];
  },
  createStaging: (t, sql) => [
    `drop table if exists ${postgres.render(t)}`,
    `create table ${postgres.render(t)} as (\n${sql}\n)`,
  ],
  transactionalDdl: true,
};

const SIMPLE = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/** Snowflake: dbt-snowflake's default quoting (none), so names resolve upper-cased. */
const snowflake: Dialect = {
  type: "snowflake",
  quote: (identifier) => (SIMPLE.test(identifier) ? identifier : doubleQuoted(identifier)),
  render: (r) =>
    [r.database, r.schema, r.identifier]
      .filter((p): p is string => p !== null)
      .map((p) => snowflake.quote(p))
      .join("."),
  placeholder: () => "?",
  catalogName: (identifier) => (SIMPLE.test(identifier) ? identifier.toUpperCase() : identifier),
  createView: (r, sql) => [`create or replace view ${snowflake.render(r)} as (\n${sql}\n)`],
  // dbt-snowflake's table materialization: a transient table (no fail-safe storage).
  createTable: (r, sql) => [
    `create or replace transient table ${snowflake.render(r)} as (\n${sql}\n)`,
  ],
  createStaging: (t, sql) => [
    `create or replace temporary table ${snowflake.render(t)} as (\n${sql}\n)`,
  ],
  transactionalDdl: false,
};

/** The staging relation of an incremental build: beside its target. */
export const stagingRelation = (target: Relation): Relation => ({
  ...target,
  identifier: `${target.identifier}__dbt_tmp`,
});

const DIALECTS: Readonly<Record<WarehouseType, Dialect>> = { duckdb, postgres, snowflake };

/** The dialect of a warehouse type. */
export const dialectOf = (type: WarehouseType): Dialect => DIALECTS[type];
