// The Postgres hook (Airflow's PostgresHook): a pool from an Airflow connection, queries with
// bound values, and COPY … TO STDOUT streamed into a Writable, so a table of any size moves in
// bounded memory.
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Connection } from "@updraft/sdk";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { ProviderError } from "../providerError";

/** Options of the hook's pool. */
export interface PostgresHookOptions {
  /** @default 4 */
  readonly maxConnections?: number;
  /** Tag shown in pg_stat_activity. @default "updraft-postgres-hook" */
  readonly applicationName?: string;
}

/** A client of one transaction: queries and COPY OUT on the same snapshot. */
export interface PostgresSession {
  query<R extends Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** Streams `COPY (<select>) TO STDOUT (<options>)` into `sink`; resolves when it is written. */
  copyOut(copySql: string, sink: Writable): Promise<void>;
}

/** The pg settings of an Airflow `postgres` connection (schema is the database, as in Airflow). */
export function pgConfigOf(connection: Connection): pg.PoolConfig {
  if (connection.host === null || connection.host === "")
    throw new ProviderError(
      "INVALID_CONNECTION",
      `connection "${connection.conn_id}": expected a host, got none`,
    );
  const extra = connection.extra_dejson;
  const sslmode = typeof extra.sslmode === "string" ? extra.sslmode : undefined;
  return {
    host: connection.host,
    port: connection.port ?? 5432,
    user: connection.login ?? undefined,
    password: connection.password ?? undefined,
    database: connection.schema ?? undefined,
    ...(sslmode === undefined || sslmode === "disable"
      ? {}
      : { ssl: { rejectUnauthorized: sslmode === "verify-full" || sslmode === "verify-ca" } }),
  };
}

/** Queries and bulk reads against one Postgres database. */
export class PostgresHook {
  readonly #pool: pg.Pool;

  constructor(config: pg.PoolConfig, options: PostgresHookOptions = {}) {
    this.#pool = new pg.Pool({
      ...config,
      max: options.maxConnections ?? 4,
      application_name: options.applicationName ?? "updraft-postgres-hook",
    });
    // An idle client dropping its connection must not crash the process.
    this.#pool.on("error", () => undefined);
  }

  /** A hook for an Airflow connection (`postgresql://user:pass@host:5432/db`). */
  static fromConnection(connection: Connection, options: PostgresHookOptions = {}): PostgresHook {
    return new PostgresHook(pgConfigOf(connection), options);
  }

  /** Runs one statement with bound values. */
  async query<R extends Record<string, unknown>>(
    text: string,
    values: readonly unknown[] = [],
  ): Promise<R[]> {
    return (await this.#pool.query<R>(text, values as unknown[])).rows;
  }

  /**
   * Runs `work` in one read-only REPEATABLE READ transaction: every query and COPY inside sees
   * the same snapshot (what a watermark read and the rows it covers must agree on).
   */
  async snapshot<T>(work: (session: PostgresSession) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query("begin isolation level repeatable read read only");
      const result = await work({
        query: async <R extends Record<string, unknown>>(
          text: string,
          values: readonly unknown[] = [],
        ) => (await client.query<R>(text, values as unknown[])).rows,
        copyOut: (copySql, sink) => pipeline(client.query(copyTo(copySql)), sink),
      });
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Closes the pool. */
  close(): Promise<void> {
    return this.#pool.end();
  }
}
