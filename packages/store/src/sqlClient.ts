// The port every query runs through: one small interface over node-postgres (production) and
// PGlite (standalone), so the same SQL serves both (the drizzle "two thin drivers" idea).

/** A result row: column name → value (timestamptz as Date, json/jsonb parsed). */
export type Row = Record<string, unknown>;

/** What a statement returns. */
export interface QueryResult<R extends Row = Row> {
  readonly rows: R[];
  /** Rows inserted, updated or deleted (0 for a select). */
  readonly rowCount: number;
}

/** Runs SQL with bound parameters (`$1`, `$2`, …); never interpolate values into `text`. */
/** How a transaction runs. */
export interface TransactionOptions {
  /**
   * Plan the transaction's statements with index scans only (no sequential or bitmap scans
   * where an index serves): for the scheduler's pass, whose statements are all built on
   * indexes, so that statistics of a table that grew by thousands of instances a minute ago
   * (or has none yet) cannot turn them into scans of the whole table. Set with the BEGIN, no
   * extra round trip.
   */
  readonly indexScansOnly?: boolean;
  /**
   * Commit without waiting for the WAL flush (`synchronous_commit = off` for this transaction
   * only): the COMMIT returns at once, and a crash of Postgres within a fraction of a second
   * afterwards can lose the transaction, whole, never half of it. Only for writes that can be
   * made again from what is durable: the scheduler's pass, whose decisions the next pass
   * recomputes. Any later synchronous commit (a worker's claim of a queued try, say) flushes
   * this one first, so nothing durable ever depends on a lost one.
   */
  readonly asyncCommit?: boolean;
  /**
   * Run prepared statements on their generic plan, made once per connection
   * (`plan_cache_mode = force_generic_plan` for this transaction only), instead of Postgres's
   * default of weighing a custom plan per call. For the scheduler's pass, whose statements are
   * built on indexes (with indexScansOnly) and whose plans do not follow the parameters: the
   * estimates of `unnest($1)` kept Postgres re-planning the chain's one-key schedule update on
   * every call (0.5 ms of 1.4 here).
   */
  readonly genericPlans?: boolean;
}

/** The SET LOCAL statements of `options`, each ending with a semicolon ("" for none). */
export function transactionSettings(options: TransactionOptions | undefined): string {
  let settings = "";
  if (options?.indexScansOnly === true)
    settings += "set local enable_seqscan = off; set local enable_bitmapscan = off;";
  if (options?.asyncCommit === true) settings += " set local synchronous_commit = off;";
  if (options?.genericPlans === true)
    settings += " set local plan_cache_mode = force_generic_plan;";
  return settings.trim();
}

export interface SqlClient {
  readonly dialect: "postgres" | "pglite";
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside, `tx` is bound to the transaction; calling transaction() on it runs in the same one
   * (its options are then ignored).
   */
  transaction<T>(work: (tx: SqlClient) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Calls `handler` with each payload sent by `pg_notify(channel, …)` once the sending
   * transaction commits (Postgres LISTEN/NOTIFY). Resolves once listening; the returned
   * function stops it. On Postgres it holds one dedicated connection, reconnected if lost.
   */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  /** Releases connections (the pool, or the embedded database). */
  close(): Promise<void>;
}
