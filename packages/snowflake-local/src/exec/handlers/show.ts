// SHOW DATABASES | SCHEMAS | TABLES | VIEWS | COLUMNS and DESCRIBE TABLE | VIEW, answered from the
// emulated INFORMATION_SCHEMA with Snowflake's (lower-case) SHOW column names.

import { SqlError } from "../../errors";
import { encodeResult } from "../../result/encodeResult";
import type { RowsResult } from "../../result/statementResult";
import { StatementTypeId } from "../../result/statementType";
import type { StatementTypeId as Id } from "../../result/statementType";
import type { Session } from "../../session/session";
import { tempTablesArgument } from "../../sql/informationSchema";
import { resolveObjectName } from "../../sql/names";
import { quoteString } from "../../sql/tokenize";
import { TokenCursor } from "../../sql/tokenCursor";
import type { Resources } from "../resources";
import { runSql } from "../runSql";
import type { Statement } from "../statement";

interface Scope {
  readonly database: string | null;
  readonly schema: string | null;
  /** For SHOW COLUMNS IN TABLE t. */
  readonly table?: string;
}

const lit = (v: string | null): string => (v === null ? "CAST(NULL AS VARCHAR)" : quoteString(v));

/** SHOW ... */
export async function runShow(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("SHOW");
  c.acceptWords("TERSE");
  const what = c.acceptAnyWord("DATABASES", "SCHEMAS", "TABLES", "VIEWS", "COLUMNS", "OBJECTS");
  if (what === undefined) {
    throw new SqlError(
      "001003",
      `SQL compilation error:\nSHOW ${c.peek()?.text ?? ""} is not supported by snowflake-local`,
    );
  }
  const like = c.acceptWords("LIKE") ? c.next().value : undefined;
  const scope = readScope(c, session);
  const inTable = scope.table === undefined ? "" : ` AND "TABLE_NAME" = ${lit(scope.table)}`;
  const cur = `${lit(session.database)}, ${lit(session.schema)}, ${tempTablesArgument(session.tempTables)}`;
  const likeFilter = (column: string): string =>
    like === undefined ? "" : ` AND ${column} ILIKE ${quoteString(like)}`;
  const inDb = (column: string): string =>
    scope.database === null ? "" : ` AND ${column} = ${lit(scope.database)}`;
  const inSchema = (column: string): string =>
    scope.schema === null ? "" : ` AND ${column} = ${lit(scope.schema)}`;
  let sql: string;
  switch (what) {
    case "DATABASES":
      sql = `SELECT CAST(NULL AS TIMESTAMPTZ) AS created_on, "DATABASE_NAME" AS name, 'N' AS is_default,
        CASE WHEN "DATABASE_NAME" = ${lit(session.database)} THEN 'Y' ELSE 'N' END AS is_current,
        '' AS origin, '' AS owner, '' AS comment, '' AS options, '1' AS retention_time, 'STANDARD' AS kind
        FROM SF_IS_DATABASES(NULL, ${cur}) WHERE TRUE${likeFilter('"DATABASE_NAME"')} ORDER BY 2`;
      break;
    case "SCHEMAS":
      sql = `SELECT CAST(NULL AS TIMESTAMPTZ) AS created_on, "SCHEMA_NAME" AS name, 'N' AS is_default,
        CASE WHEN "CATALOG_NAME" = ${lit(session.database)} AND "SCHEMA_NAME" = ${lit(session.schema)} THEN 'Y' ELSE 'N' END AS is_current,
        "CATALOG_NAME" AS database_name, '' AS owner, '' AS comment, '' AS options, '1' AS retention_time
        FROM SF_IS_SCHEMATA(NULL, ${cur}) WHERE "SCHEMA_NAME" <> 'main'${inDb('"CATALOG_NAME"')}${likeFilter('"SCHEMA_NAME"')} ORDER BY 5, 2`;
      break;
    case "TABLES":
    case "VIEWS":
    case "OBJECTS": {
      const kind =
        what === "TABLES"
          ? ` AND "TABLE_TYPE" <> 'VIEW'`
          : what === "VIEWS"
            ? ` AND "TABLE_TYPE" = 'VIEW'`
            : "";
      sql = `SELECT CAST(NULL AS TIMESTAMPTZ) AS created_on, "TABLE_NAME" AS name, "TABLE_CATALOG" AS database_name,
        "TABLE_SCHEMA" AS schema_name,
        CASE "TABLE_TYPE" WHEN 'VIEW' THEN 'VIEW' WHEN 'TEMPORARY TABLE' THEN 'TEMPORARY' ELSE 'TABLE' END AS kind,
        '' AS comment, '' AS cluster_by, "ROW_COUNT" AS rows, CAST(NULL AS BIGINT) AS bytes, '' AS owner,
        '1' AS retention_time
        FROM SF_IS_TABLES(NULL, ${cur}) WHERE TRUE${kind}${inDb('"TABLE_CATALOG"')}${inSchema('"TABLE_SCHEMA"')}${likeFilter('"TABLE_NAME"')}
        ORDER BY 3, 4, 2`;
      break;
    }
    case "COLUMNS":
      sql = `SELECT "TABLE_NAME" AS table_name, "TABLE_SCHEMA" AS schema_name, "COLUMN_NAME" AS column_name,
        "DATA_TYPE" AS data_type, CASE "IS_NULLABLE" WHEN 'YES' THEN 'true' ELSE 'false' END AS "null?",
        "COLUMN_DEFAULT" AS "default", 'COLUMN' AS kind, '' AS expression, '' AS comment,
        "TABLE_CATALOG" AS database_name, '' AS autoincrement
        FROM SF_IS_COLUMNS(NULL, ${cur}) WHERE TRUE${inDb('"TABLE_CATALOG"')}${inSchema('"TABLE_SCHEMA"')}${inTable}${likeFilter('"COLUMN_NAME"')}
        ORDER BY 10, 2, 1, "ORDINAL_POSITION"`;
      break;
    default:
      throw new SqlError(
        "001003",
        `SQL compilation error:\nSHOW ${what} is not supported by snowflake-local`,
      );
  }
  return rowsOf(res, session, sql, StatementTypeId.SHOW);
}

/** IN ACCOUNT | IN DATABASE [db] | IN SCHEMA [db.]s | IN TABLE t | IN db[.s]. */
function readScope(c: TokenCursor, session: Session): Scope {
  if (!c.acceptWords("IN")) return { database: session.database, schema: null };
  if (c.acceptWords("ACCOUNT")) return { database: null, schema: null };
  if (c.acceptWords("DATABASE"))
    return { database: c.atEnd() ? session.database : (c.readName()[0] ?? null), schema: null };
  const explicitSchema = c.acceptWords("SCHEMA");
  if (c.acceptAnyWord("TABLE", "VIEW") !== undefined) {
    const name = resolveObjectName(c.readName(), session);
    return { database: name.database, schema: name.schema, table: name.name };
  }
  if (c.atEnd()) return { database: session.database, schema: session.schema };
  const parts = c.readName();
  if (parts.length === 2) return { database: parts[0] ?? null, schema: parts[1] ?? null };
  return explicitSchema
    ? { database: session.database, schema: parts[0] ?? null }
    : { database: parts[0] ?? null, schema: null };
}

/** DESCRIBE [TABLE | VIEW] name: one row per column, Snowflake's type spelling. */
export async function runDescribe(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.acceptAnyWord("DESCRIBE", "DESC");
  c.acceptAnyWord("TABLE", "VIEW");
  const name = resolveObjectName(c.readName(), session);
  const cur = `${lit(session.database)}, ${lit(session.schema)}, ${tempTablesArgument(session.tempTables)}`;
  const sql = `SELECT "COLUMN_NAME" AS name,
    CASE "DATA_TYPE"
      WHEN 'NUMBER' THEN 'NUMBER(' || "NUMERIC_PRECISION" || ',' || "NUMERIC_SCALE" || ')'
      WHEN 'TEXT' THEN 'VARCHAR(16777216)'
      WHEN 'TIMESTAMP_NTZ' THEN 'TIMESTAMP_NTZ(9)'
      WHEN 'TIMESTAMP_LTZ' THEN 'TIMESTAMP_LTZ(9)'
      WHEN 'TIME' THEN 'TIME(9)'
      WHEN 'BINARY' THEN 'BINARY(8388608)'
      ELSE "DATA_TYPE" END AS type,
    'COLUMN' AS kind, CASE "IS_NULLABLE" WHEN 'YES' THEN 'Y' ELSE 'N' END AS "null?", "COLUMN_DEFAULT" AS "default",
    'N' AS "primary key", 'N' AS "unique key", CAST(NULL AS VARCHAR) AS "check", CAST(NULL AS VARCHAR) AS expression,
    CAST(NULL AS VARCHAR) AS comment, CAST(NULL AS VARCHAR) AS "policy name"
    FROM SF_IS_COLUMNS(${lit(name.database)}, ${cur})
    WHERE "TABLE_SCHEMA" = ${lit(name.schema)} AND "TABLE_NAME" = ${quoteString(name.name)}
    ORDER BY "ORDINAL_POSITION"`;
  const result = await rowsOf(res, session, sql, StatementTypeId.DESCRIBE);
  if (result.rowset.length === 0) {
    throw new SqlError(
      "002003",
      `SQL compilation error:\nTable '${name.name}' does not exist or not authorized.`,
    );
  }
  return result;
}

async function rowsOf(
  res: Resources,
  session: Session,
  sql: string,
  statementTypeId: Id,
): Promise<RowsResult> {
  const { rowtype, rowset } = encodeResult(await runSql(res, session, sql), { keepNames: true });
  return { kind: "rows", rowtype, rowset, statementTypeId };
}
