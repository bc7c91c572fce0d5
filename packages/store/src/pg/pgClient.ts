// SqlClient over node-postgres: a connection pool; a transaction holds one pooled connection.
import pg from "pg";
import type { QueryResult, Row, SqlClient } from "../sqlClient";

/** Options of the Postgres client. */
export interface PgClientOptions {
  /** A `postgresql://` URL. */
  connectionString: string;
  /** @default 10 */
  maxConnections?: number;
  /** Tag shown in pg_stat_activity. @default "updraft" */
  applicationName?: string;
}

type Queryable = Pick<pg.PoolClient, "query">;

function boundClient(
  target: Queryable,
  dialect: "postgres",
  inTransaction: boolean,
  pool: pg.Pool,
): SqlClient {
  const client: SqlClient = {
    dialect,
    async query<R extends Row>(
      text: string,
      params: readonly unknown[] = [],
    ): Promise<QueryResult<R>> {
      const result = await target.query<R>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    async exec(script: string): Promise<void> {
      await target.query(script);
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (inTransaction) return work(client);
      const connection = await pool.connect();
      try {
        await connection.query("begin");
        const result = await work(boundClient(connection, dialect, true, pool));
        await connection.query("commit");
        return result;
      } catch (error) {
        await connection.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => (inTransaction ? Promise.resolve() : pool.end()),
  };
  return client;
}

/** Connects to Postgres through a pool. */
export function createPgClient(options: PgClientOptions): SqlClient {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? "updraft",
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return boundClient(pool, "postgres", false, pool);
}
