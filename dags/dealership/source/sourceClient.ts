// How the source code reaches Postgres: a pg Pool or a single client, passed in, and one
// transaction per operation.
import pg from "pg";

/** A pg Pool, or a connected Client / PoolClient that is not inside a transaction. */
export type SourceDb = pg.Pool | pg.ClientBase;

function isPool(db: SourceDb): db is pg.Pool {
  // Structural, so a Pool from another copy of pg is recognised too.
  return "totalCount" in db;
}

/** Runs `work` in a transaction (on a pooled connection when `db` is a Pool). */
export async function withTransaction<T>(
  db: SourceDb,
  work: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  const pooled = isPool(db) ? await db.connect() : null;
  const client = pooled ?? (db as pg.ClientBase);
  let broken: Error | undefined;
  try {
    await client.query("begin");
    try {
      const result = await work(client);
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    // A connection that could not roll back is discarded, not returned to the pool.
    pooled?.release(broken);
  }
}

/** Options of createSourcePool. */
export interface SourcePoolOptions {
  /** Errors of idle connections (the pool replaces them). @default ignored */
  readonly onError?: (error: Error) => void;
}

/** A pool for the source database (`config` as pg takes it; at most 4 connections by default). */
export function createSourcePool(config: pg.PoolConfig, options: SourcePoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({ ...config, max: config.max ?? 4 });
  // Without a listener an idle connection's error (a server restart) would crash the process.
  pool.on("error", (error) => options.onError?.(error));
  return pool;
}
