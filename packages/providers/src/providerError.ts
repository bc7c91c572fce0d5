// Errors of the providers package: UpdraftError with a stable code.
import { UpdraftError } from "@updraft/sdk";

/** Stable codes of the providers package. */
export type ProviderErrorCode =
  /** A connection is missing or lacks a field the hook needs (the message names it). */
  | "INVALID_CONNECTION"
  /** A table sync was configured wrongly (the message names the field). */
  | "INVALID_SYNC_SPEC"
  /** The source table is not what the sync expects (no such table, no such column). */
  | "SOURCE_MISMATCH";

/** An error of a hook or of a table sync. */
export class ProviderError extends UpdraftError<ProviderErrorCode> {}
