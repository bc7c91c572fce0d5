// Routes one statement to its handler. DDL first commits an open transaction, as in Snowflake;
// a failure inside a transaction is noted, since DuckDB may have aborted it.

import { copyInto } from "../copy/copyInto";
import { createFileFormat, dropFileFormat } from "../copy/fileFormatCommands";
import { SqlError } from "../errors";
import type { StatementResult } from "../result/statementResult";
import type { Session } from "../session/session";
import { createStage, dropStage, get, list, put, remove } from "../stage/stageCommands";
import type { StatementKind } from "./classify";
import { classify } from "./classify";
import { toSqlError } from "./duckdbError";
import { createDatabase, createSchema, dropDatabase, dropSchema, use } from "./handlers/databases";
import { runDelete, runInsert, runUpdate } from "./handlers/dml";
import { runMerge } from "./handlers/merge";
import { runQuery } from "./handlers/query";
import { acceptNoop, alterSession } from "./handlers/sessionCommands";
import { runDescribe, runShow } from "./handlers/show";
import { alterTable } from "./handlers/alterTable";
import { createTable } from "./handlers/createTable";
import { createView, dropRelation, truncateTable } from "./handlers/relations";
import type { Resources } from "./resources";
import type { Statement, StatementHandler } from "./statement";
import {
  beginTransaction,
  commitImplicitly,
  commitTransaction,
  noteFailure,
  rollbackTransaction,
} from "./transactions";

const HANDLERS: Readonly<Record<StatementKind, StatementHandler>> = {
  query: runQuery,
  show: runShow,
  describe: runDescribe,
  insert: runInsert,
  update: runUpdate,
  delete: runDelete,
  merge: runMerge,
  truncate: truncateTable,
  createDatabase,
  dropDatabase,
  createSchema,
  dropSchema,
  use,
  createTable,
  dropTable: dropRelation("TABLE"),
  alterTable,
  createView,
  dropView: dropRelation("VIEW"),
  createStage,
  dropStage,
  createFileFormat,
  dropFileFormat,
  put,
  get,
  list,
  remove,
  copy: copyInto,
  begin: beginTransaction,
  commit: commitTransaction,
  rollback: rollbackTransaction,
  alterSession,
  noop: acceptNoop,
};

/** Statements that commit an open transaction before they run (Snowflake DDL). */
const COMMITS_FIRST = new Set<StatementKind>([
  "createDatabase",
  "dropDatabase",
  "createSchema",
  "dropSchema",
  "createTable",
  "dropTable",
  "alterTable",
  "createView",
  "dropView",
  "createStage",
  "dropStage",
  "createFileFormat",
  "dropFileFormat",
]);

/** Runs one statement for `session`. Errors are SqlErrors. */
export async function executeStatement(
  res: Resources,
  session: Session,
  stmt: Statement,
): Promise<StatementResult> {
  const kind = classify(stmt.tokens);
  if (kind === undefined) {
    const first = stmt.tokens.find((t) => t.kind !== "space")?.text ?? "";
    throw new SqlError(
      "001003",
      `SQL compilation error:\nsyntax error line 1 at position 0 unexpected '${first}' (statement not supported by snowflake-local).`,
    );
  }
  try {
    if (COMMITS_FIRST.has(kind)) await commitImplicitly(res, session);
    return await HANDLERS[kind](res, session, stmt);
  } catch (error) {
    await noteFailure(session);
    throw toSqlError(error);
  }
}
