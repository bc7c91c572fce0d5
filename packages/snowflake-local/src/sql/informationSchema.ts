// Snowflake's per-database INFORMATION_SCHEMA views as DuckDB table macros over DuckDB's global
// catalog: upper-case column names, Snowflake type names, temporary tables shown in the database
// and schema they were created in (DuckDB keeps them all in its `temp` catalog, so the session
// passes where each one belongs). `db.information_schema.tables` becomes
// SF_IS_TABLES('DB', <current db>, <current schema>, <the session's temporary tables>).
import { quoteString } from "./tokenize";

/** Snowflake view name → table macro that emulates it. */
export const INFORMATION_SCHEMA_VIEWS: Readonly<Record<string, string>> = {
  TABLES: "SF_IS_TABLES",
  COLUMNS: "SF_IS_COLUMNS",
  SCHEMATA: "SF_IS_SCHEMATA",
  VIEWS: "SF_IS_VIEWS",
  DATABASES: "SF_IS_DATABASES",
};

/** Where a temporary table was created: its entry in `temps`, else the current schema. */
const TEMP_OF = `list_filter(temps, t -> t.n = x.table_name)[1]`;
const CATALOG = `CASE WHEN x.table_catalog = 'temp' THEN coalesce(${TEMP_OF}.d, cur_db) ELSE x.table_catalog END`;
const SCHEMA = `CASE WHEN x.table_catalog = 'temp' THEN coalesce(${TEMP_OF}.s, cur_schema) ELSE x.table_schema END`;
const INTERNAL = `x.table_catalog <> 'system' AND x.table_schema NOT IN ('information_schema', 'pg_catalog')`;

const SNOWFLAKE_TYPE = `CASE
  WHEN x.data_type IN ('BIGINT', 'INTEGER', 'SMALLINT', 'TINYINT', 'HUGEINT', 'UBIGINT', 'UINTEGER',
    'USMALLINT', 'UTINYINT') OR x.data_type LIKE 'DECIMAL%' THEN 'NUMBER'
  WHEN x.data_type IN ('DOUBLE', 'FLOAT') THEN 'FLOAT'
  WHEN x.data_type = 'VARCHAR' THEN 'TEXT'
  WHEN x.data_type = 'JSON' THEN 'VARIANT'
  WHEN x.data_type = 'TIMESTAMP WITH TIME ZONE' THEN 'TIMESTAMP_LTZ'
  WHEN x.data_type LIKE 'TIMESTAMP%' THEN 'TIMESTAMP_NTZ'
  WHEN x.data_type = 'BLOB' THEN 'BINARY'
  ELSE x.data_type END`;

const IS_DECIMAL = `x.data_type LIKE 'DECIMAL%'`;
const IS_INTEGER = `x.data_type IN ('BIGINT', 'INTEGER', 'SMALLINT', 'TINYINT', 'HUGEINT', 'UBIGINT', 'UINTEGER', 'USMALLINT', 'UTINYINT')`;

const TABLES = `SF_IS_TABLES(db, cur_db, cur_schema, temps) AS TABLE
SELECT * FROM (
  SELECT ${CATALOG} AS "TABLE_CATALOG", ${SCHEMA} AS "TABLE_SCHEMA", x.table_name AS "TABLE_NAME",
    CAST(NULL AS VARCHAR) AS "TABLE_OWNER",
    CASE WHEN x.table_type = 'VIEW' THEN 'VIEW' WHEN x.table_catalog = 'temp' THEN 'TEMPORARY TABLE'
      ELSE 'BASE TABLE' END AS "TABLE_TYPE",
    'NO' AS "IS_TRANSIENT", d.estimated_size AS "ROW_COUNT", CAST(NULL AS VARCHAR) AS "COMMENT"
  FROM information_schema.tables x
  LEFT JOIN duckdb_tables() d ON d.database_name = x.table_catalog AND d.schema_name = x.table_schema
    AND d.table_name = x.table_name
  WHERE ${INTERNAL}
) WHERE db IS NULL OR "TABLE_CATALOG" = db`;

const COLUMNS = `SF_IS_COLUMNS(db, cur_db, cur_schema, temps) AS TABLE
SELECT * FROM (
  SELECT ${CATALOG} AS "TABLE_CATALOG", ${SCHEMA} AS "TABLE_SCHEMA", x.table_name AS "TABLE_NAME",
    x.column_name AS "COLUMN_NAME", x.ordinal_position AS "ORDINAL_POSITION",
    x.column_default AS "COLUMN_DEFAULT", x.is_nullable AS "IS_NULLABLE",
    ${SNOWFLAKE_TYPE} AS "DATA_TYPE",
    CASE WHEN x.data_type = 'VARCHAR' THEN 16777216 END AS "CHARACTER_MAXIMUM_LENGTH",
    CASE WHEN ${IS_DECIMAL} THEN x.numeric_precision WHEN ${IS_INTEGER} THEN 38 END AS "NUMERIC_PRECISION",
    CASE WHEN ${IS_DECIMAL} THEN x.numeric_scale WHEN ${IS_INTEGER} THEN 0 END AS "NUMERIC_SCALE",
    CASE WHEN x.data_type LIKE 'TIMESTAMP%' THEN 9 END AS "DATETIME_PRECISION",
    CAST(NULL AS VARCHAR) AS "COMMENT"
  FROM information_schema.columns x
  WHERE ${INTERNAL}
) WHERE db IS NULL OR "TABLE_CATALOG" = db`;

const SCHEMATA = `SF_IS_SCHEMATA(db, cur_db, cur_schema, temps) AS TABLE
SELECT * FROM (
  SELECT x.catalog_name AS "CATALOG_NAME", x.schema_name AS "SCHEMA_NAME",
    CAST(NULL AS VARCHAR) AS "SCHEMA_OWNER", 'NO' AS "IS_TRANSIENT", CAST(NULL AS VARCHAR) AS "COMMENT"
  FROM information_schema.schemata x
  WHERE x.catalog_name NOT IN ('system', 'temp')
    AND x.schema_name NOT IN ('information_schema', 'pg_catalog')
) WHERE db IS NULL OR "CATALOG_NAME" = db`;

const VIEWS = `SF_IS_VIEWS(db, cur_db, cur_schema, temps) AS TABLE
SELECT * FROM (
  SELECT CASE WHEN x.database_name = 'temp' THEN cur_db ELSE x.database_name END AS "TABLE_CATALOG",
    CASE WHEN x.database_name = 'temp' THEN cur_schema ELSE x.schema_name END AS "TABLE_SCHEMA",
    x.view_name AS "TABLE_NAME", CAST(NULL AS VARCHAR) AS "TABLE_OWNER", x.sql AS "VIEW_DEFINITION",
    'NO' AS "IS_SECURE", CAST(NULL AS VARCHAR) AS "COMMENT"
  FROM duckdb_views() x WHERE NOT x.internal
) WHERE db IS NULL OR "TABLE_CATALOG" = db`;

const DATABASES = `SF_IS_DATABASES(db, cur_db, cur_schema, temps) AS TABLE
SELECT x.database_name AS "DATABASE_NAME", CAST(NULL AS VARCHAR) AS "DATABASE_OWNER",
  'NO' AS "IS_TRANSIENT", CAST(NULL AS VARCHAR) AS "COMMENT"
FROM duckdb_databases() x WHERE x.database_name NOT IN ('system', 'temp', 'memory')`;

/**
 * The macros' `temps` argument: the session's temporary tables (keys `DB.SCHEMA.NAME`) as a
 * DuckDB list of {n: name, d: database, s: schema}.
 */
export function tempTablesArgument(tempTables: ReadonlySet<string>): string {
  const entries = [...tempTables].map((key) => {
    const [database = "", schema = "", ...name] = key.split(".");
    return `{'n': ${quoteString(name.join("."))}, 'd': ${quoteString(database)}, 's': ${quoteString(schema)}}`;
  });
  return `CAST([${entries.join(", ")}] AS STRUCT(n VARCHAR, d VARCHAR, s VARCHAR)[])`;
}

/** The table macros, as CREATE statements for each session's connection. */
export const INFORMATION_SCHEMA_MACROS: readonly string[] = [
  TABLES,
  COLUMNS,
  SCHEMATA,
  VIEWS,
  DATABASES,
].map((body) => `CREATE OR REPLACE TEMP MACRO ${body}`);
