// CREATE/DROP DATABASE, CREATE/DROP SCHEMA and USE. Creating a database or schema makes it the
// session's current one, as in Snowflake.

import { DEFAULT_SCHEMA } from "../../catalog/databaseCatalog";
import { SqlError } from "../../errors";
import { statusResult } from "../../result/statementResult";
import type { RowsResult } from "../../result/statementResult";
import { StatementTypeId } from "../../result/statementType";
import type { Session } from "../../session/session";
import { TokenCursor } from "../../sql/tokenCursor";
import type { Resources } from "../resources";
import type { Statement } from "../statement";

function readMode(c: TokenCursor, object: string): { orReplace: boolean; ifNotExists: boolean } {
  c.expectWords("CREATE");
  const orReplace = c.acceptWords("OR", "REPLACE");
  c.acceptAnyWord("TRANSIENT");
  c.expectWords(object);
  return { orReplace, ifNotExists: c.acceptWords("IF", "NOT", "EXISTS") };
}

/** CREATE [OR REPLACE] [TRANSIENT] DATABASE [IF NOT EXISTS] name [options]. */
export async function createDatabase(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  const mode = readMode(c, "DATABASE");
  const [name = ""] = c.readName();
  const outcome = await res.catalog.create(name, mode);
  if (outcome === "exists") return statusResult(`${name} already exists, statement succeeded.`);
  session.database = name;
  session.schema = DEFAULT_SCHEMA;
  return statusResult(`Database ${name} successfully created.`);
}

/** DROP DATABASE [IF EXISTS] name [CASCADE | RESTRICT]. */
export async function dropDatabase(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("DROP", "DATABASE");
  const ifExists = c.acceptWords("IF", "EXISTS");
  const [name = ""] = c.readName();
  if (session.database === name) {
    session.database = null;
    session.schema = null;
  }
  if (!(await res.catalog.drop(name))) {
    if (ifExists)
      return statusResult(`Drop statement executed successfully (${name} already dropped).`);
    await res.catalog.requireDatabase(name);
  }
  return statusResult(`${name} successfully dropped.`);
}

/** CREATE [OR REPLACE] [TRANSIENT] SCHEMA [IF NOT EXISTS] [db.]name [options]. */
export async function createSchema(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  const mode = readMode(c, "SCHEMA");
  const { database, schema } = schemaName(c.readName(), session, "CREATE SCHEMA");
  const outcome = await res.catalog.createSchema(database, schema, mode);
  if (outcome === "exists") return statusResult(`${schema} already exists, statement succeeded.`);
  session.database = database;
  session.schema = schema;
  return statusResult(`Schema ${schema} successfully created.`);
}

/** DROP SCHEMA [IF EXISTS] [db.]name [CASCADE | RESTRICT]. */
export async function dropSchema(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("DROP", "SCHEMA");
  const ifExists = c.acceptWords("IF", "EXISTS");
  const { database, schema } = schemaName(c.readName(), session, "DROP SCHEMA");
  if (!(await res.catalog.dropSchema(database, schema))) {
    if (ifExists)
      return statusResult(`Drop statement executed successfully (${schema} already dropped).`);
    throw schemaMissing(database, schema);
  }
  if (session.database === database && session.schema === schema) session.schema = null;
  return statusResult(`${schema} successfully dropped.`);
}

/** USE [DATABASE | SCHEMA | WAREHOUSE | ROLE | SECONDARY ROLES] name. */
export async function use(res: Resources, session: Session, stmt: Statement): Promise<RowsResult> {
  const c = new TokenCursor(stmt.tokens);
  c.expectWords("USE");
  const object = c.acceptAnyWord("DATABASE", "SCHEMA", "WAREHOUSE", "ROLE", "SECONDARY");
  const done = statusResult("Statement executed successfully.", StatementTypeId.USE);
  if (object === "SECONDARY") return done;
  const parts = c.readName();
  if (object === "WAREHOUSE") session.warehouse = parts.join(".");
  else if (object === "ROLE") session.role = parts.join(".");
  else if (object === "SCHEMA" || parts.length === 2) {
    const { database, schema } = schemaName(parts, session, "USE SCHEMA");
    await res.catalog.requireDatabase(database);
    if (!(await res.catalog.schemaExists(database, schema))) throw schemaMissing(database, schema);
    session.database = database;
    session.schema = schema;
  } else {
    const [database = ""] = parts;
    await res.catalog.requireDatabase(database);
    session.database = database;
    session.schema = (await res.catalog.schemaExists(database, DEFAULT_SCHEMA))
      ? DEFAULT_SCHEMA
      : null;
  }
  return done;
}

function schemaName(
  parts: readonly string[],
  session: Session,
  what: string,
): { database: string; schema: string } {
  const [a, b] = parts;
  if (parts.length === 2 && a !== undefined && b !== undefined) return { database: a, schema: b };
  if (parts.length === 1 && a !== undefined && session.database !== null)
    return { database: session.database, schema: a };
  throw new SqlError(
    "090105",
    `Cannot perform ${what}. This session does not have a current database. Call 'USE DATABASE', or use a qualified name.`,
  );
}

function schemaMissing(database: string, schema: string): SqlError {
  return new SqlError(
    "002003",
    `SQL compilation error:\nSchema '${database}.${schema}' does not exist or not authorized.`,
    {
      sqlState: "02000",
    },
  );
}
