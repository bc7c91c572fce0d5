// SqlClient over node-postgres: a connection pool; a transaction holds one pooled connection.
import pg from "pg";
import {
  type QueryResult,
  type Row,
  type SqlClient,
  type TransactionOptions,
  transactionSettings,
} from "../sqlClient";
import { statementName } from "../preparedStatements";
import { StoreError } from "../storeError";

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

/**
 * `begun`: inside a transaction, its BEGIN, sent without waiting for the answer (see
 * `transaction`); every statement's result waits for it too, so a failed BEGIN fails the work.
 */
function boundClient(
  target: Queryable,
  dialect: "postgres",
  begun: Promise<unknown> | null,
  pool: pg.Pool,
  options: PgClientOptions,
): SqlClient {
  const inTransaction = begun !== null;
  const client: SqlClient = {
    dialect,
    async query<R extends Row>(
      text: string,
      params: readonly unknown[] = [],
    ): Promise<QueryResult<R>> {
      const name = statementName(text);
      const result =
        name === undefined
          ? await target.query<R>(text, params as unknown[])
          : await target.query<R>({ name, text, values: params as unknown[] });
      if (begun !== null) await begun;
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    async exec(script: string): Promise<void> {
      await target.query(script);
      if (begun !== null) await begun;
    },
    async transaction<T>(
      work: (tx: SqlClient) => Promise<T>,
      transactionOptions?: TransactionOptions,
    ): Promise<T> {
      if (inTransaction) return work(client);
      const connection = await pool.connect();
      // The pool's connections pipeline: the BEGIN (with its settings) goes out now and the
      // transaction's first statement follows it without waiting for its answer, so opening a
      // transaction costs no round trip of its own. Postgres still runs them in order.
      const begun = connection.query(`begin; ${transactionSettings(transactionOptions)}`);
      begun.catch(() => undefined); // awaited below, and by every statement of the work
      try {
        const result = await work(boundClient(connection, dialect, begun, pool, options));
        await begun;
        // A statement the work sent without waiting for its answer may have failed: Postgres
        // then answers the COMMIT with ROLLBACK, and no error.
        const ended = await connection.query("commit");
        if (ended.command === "ROLLBACK")
          throw new StoreError("TRANSACTION_ABORTED", "the transaction was rolled back at commit");
        return result;
      } catch (error) {
        await connection.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    listen: (channel, handler) => listenOnDedicatedConnection(options, channel, handler),
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
    // A query is written as soon as it is issued, not after the previous one's answer; the
    // answers come back in order (node-postgres pipeline mode). Only transactions use it.
    pipeline: true,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return boundClient(pool, "postgres", null, pool, options);
}

const RECONNECT_DELAY_MS = 500;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries). A lost
 * connection is replaced after a short delay; notifications sent meanwhile are lost, which is
 * why listeners keep a periodic sweep as a safety net.
 */
async function listenOnDedicatedConnection(
  options: PgClientOptions,
  channel: string,
  handler: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const client = new pg.Client({
      connectionString: options.connectionString,
      application_name: `${options.applicationName ?? "updraft"}-listen`,
    });
    client.on("notification", (message) => {
      if (message.channel === channel) handler(message.payload ?? "");
    });
    const reconnect = (): void => {
      if (stopped || current !== client) return;
      current = null;
      retry = setTimeout(() => void connect().catch(reconnect), RECONNECT_DELAY_MS);
    };
    client.on("error", reconnect);
    client.on("end", reconnect);
    current = client;
    await client.connect();
    await client.query(`listen ${pg.escapeIdentifier(channel)}`);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}
