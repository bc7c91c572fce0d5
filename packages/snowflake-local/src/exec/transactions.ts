// Snowflake transactions over the session's DuckDB connection. Two differences DuckDB forces are
// handled here: a failed statement aborts a DuckDB transaction (Snowflake keeps it usable), so
// COMMIT after such a failure rolls back and says so; and DDL commits an open transaction first,
// as Snowflake's DDL does.

import { SqlError } from "../errors";
import type { Session } from "../session/session";
import { statusResult } from "../result/statementResult";
import type { RowsResult } from "../result/statementResult";
import { StatementTypeId } from "../result/statementType";
import type { Resources } from "./resources";

const DONE = "Statement executed successfully.";

/** BEGIN / START TRANSACTION; a BEGIN inside a transaction is ignored, as in Snowflake. */
export async function beginTransaction(_res: Resources, session: Session): Promise<RowsResult> {
  if (!session.inTransaction) {
    await session.connection.run("BEGIN TRANSACTION");
    session.inTransaction = true;
    session.transactionAborted = false;
  }
  return statusResult(DONE, StatementTypeId.BEGIN);
}

/** COMMIT; outside a transaction it does nothing. */
export async function commitTransaction(res: Resources, session: Session): Promise<RowsResult> {
  if (session.inTransaction) {
    if (session.transactionAborted) {
      await endTransaction(res, session, "ROLLBACK");
      throw new SqlError(
        "000625",
        "Transaction rolled back: a statement in it failed, and snowflake-local (DuckDB) cannot commit the rest.",
      );
    }
    await endTransaction(res, session, "COMMIT");
  }
  return statusResult(DONE, StatementTypeId.COMMIT);
}

/** ROLLBACK; outside a transaction it does nothing. */
export async function rollbackTransaction(res: Resources, session: Session): Promise<RowsResult> {
  if (session.inTransaction) await endTransaction(res, session, "ROLLBACK");
  return statusResult(DONE, StatementTypeId.ROLLBACK);
}

/** Before DDL: commits the open transaction (rolls back an aborted one). */
export async function commitImplicitly(res: Resources, session: Session): Promise<void> {
  if (!session.inTransaction) return;
  await endTransaction(res, session, session.transactionAborted ? "ROLLBACK" : "COMMIT");
}

/**
 * Runs `work` as one atomic unit: inside the session's transaction if one is open, else in its
 * own, committed on success and rolled back on failure.
 */
export async function atomically<T>(
  res: Resources,
  session: Session,
  work: () => Promise<T>,
): Promise<T> {
  if (session.inTransaction) return work();
  await session.connection.run("BEGIN TRANSACTION");
  session.inTransaction = true;
  session.transactionAborted = false;
  try {
    const result = await work();
    await endTransaction(res, session, "COMMIT");
    return result;
  } catch (error) {
    await endTransaction(res, session, "ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** After a failed statement in a transaction: DuckDB may have aborted it; find out. */
export async function noteFailure(session: Session): Promise<void> {
  if (!session.inTransaction || session.transactionAborted) return;
  try {
    await session.connection.run("SELECT 1");
  } catch {
    session.transactionAborted = true;
  }
}

async function endTransaction(
  res: Resources,
  session: Session,
  how: "COMMIT" | "ROLLBACK",
): Promise<void> {
  const pending = session.pendingLoads;
  session.pendingLoads = [];
  session.inTransaction = false;
  session.transactionAborted = false;
  await session.connection.run(how);
  if (how === "COMMIT") {
    for (const load of pending) res.loadHistory.record(load.table, load.file, load.fingerprint);
  }
}
