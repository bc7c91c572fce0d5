// Runs DuckDB SQL on a session's connection after pointing it at the session's current database
// and schema (DuckDB's USE is per connection, like Snowflake's).

import type { DuckDBResultReader } from "@duckdb/node-api";
import type { Session } from "../session/session";
import { quoteIdent } from "../sql/tokenize";
import { toSqlError } from "./duckdbError";
import type { Resources } from "./resources";

/** Runs `sql` for `session`, mapping DuckDB errors to Snowflake's. */
export async function runSql(
  res: Resources,
  session: Session,
  sql: string,
): Promise<DuckDBResultReader> {
  await applyContext(res, session);
  try {
    return await session.connection.runAndReadAll(sql);
  } catch (error) {
    throw toSqlError(error);
  }
}

/** Makes the connection's USE match the session; a missing database or schema falls back. */
async function applyContext(res: Resources, session: Session): Promise<void> {
  const applied = session.appliedContext;
  const wanted = `${session.database ?? ""}\u0000${session.schema ?? ""}`;
  if (applied?.target === wanted && applied.catalogVersion === res.catalog.version) return;
  const target = await useTarget(res, session);
  try {
    await session.connection.run(`USE ${target}`);
    session.appliedContext = { target: wanted, catalogVersion: res.catalog.version };
  } catch {
    // Only fails inside an aborted transaction; the statement itself reports that.
    session.appliedContext = undefined;
  }
}

async function useTarget(res: Resources, session: Session): Promise<string> {
  const { database, schema } = session;
  if (database === null || !(await res.catalog.exists(database))) return "memory.main";
  if (schema !== null && (await res.catalog.schemaExists(database, schema))) {
    return `${quoteIdent(database)}.${quoteIdent(schema)}`;
  }
  return `${quoteIdent(database)}.main`;
}
