// The store's error: UpdraftError with a stable code, so callers (scheduler, API) match on `code`
// and the API maps it to an HTTP status in one table.
import { UpdraftError } from "@updraft/sdk";

/** Stable codes of errors raised by store queries. */
export type StoreErrorCode =
  /** A DAG run with this run_id or logical_date already exists (details.conflict says which). */
  | "DAG_RUN_EXISTS"
  /** The row an operation needs (a DAG, a run) does not exist. */
  | "NOT_FOUND"
  /** The row exists but is not in a state the operation allows. */
  | "STATE_CONFLICT"
  /** The input cannot be stored as given (the message names the field and the expected form). */
  | "INVALID_INPUT"
  /**
   * A transaction's COMMIT rolled it back: one of its statements had failed (a statement sent
   * without waiting for its answer, whose own promise holds the cause).
   */
  | "TRANSACTION_ABORTED";

/** An error raised by a store query; match it by `code`. */
export class StoreError extends UpdraftError<StoreErrorCode> {}
