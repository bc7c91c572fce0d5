// The DuckDB hook: the embedded warehouse of the standalone mode. One database file per process
// (DuckDB allows one writer process); each transaction runs on a connection of its own, so table
// syncs running side by side commit independently.
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import type { Connection } from "@updraft/sdk";
import { ProviderError } from "../providerError";

/** What a transaction body can run. */
export interface DuckDbSession {
  run(sql: string, values?: readonly DuckDBValue[]): Promise<void>;
  all<R extends Record<string, unknown>>(
    sql: string,
    values?: readonly DuckDBValue[],
  ): Promise<R[]>;
}

function sessionOf(connection: DuckDBConnection): DuckDbSession {
  return {
    run: async (sql, values) => {
      await connection.run(sql, values === undefined ? undefined : [...values]);
    },
    all: async <R extends Record<string, unknown>>(sql: string, values?: readonly DuckDBValue[]) =>
      (
        await connection.runAndReadAll(sql, values === undefined ? undefined : [...values])
      ).getRowObjectsJS() as R[],
  };
}

/** Queries and transactions on one DuckDB database file (or `:memory:`). */
export class DuckDbHook implements DuckDbSession {
  readonly path: string;
  readonly #instance: DuckDBInstance;
  readonly #shared: DuckDBConnection;

  private constructor(path: string, instance: DuckDBInstance, shared: DuckDBConnection) {
    this.path = path;
    this.#instance = instance;
    this.#shared = shared;
  }

  /** Opens (creating when missing) the database at `path`, shared within this process. */
  static async open(path: string): Promise<DuckDbHook> {
    const instance =
      path === ":memory:"
        ? await DuckDBInstance.create(path)
        : await DuckDBInstance.fromCache(path);
    return new DuckDbHook(path, instance, await instance.connect());
  }

  /** A hook for an Airflow-style `duckdb` connection: the database file in host (or schema). */
  static fromConnection(connection: Connection): Promise<DuckDbHook> {
    const path = connection.host ?? connection.schema;
    if (path === null || path === "")
      throw new ProviderError(
        "INVALID_CONNECTION",
        `connection "${connection.conn_id}": expected the DuckDB file in host, got none`,
      );
    return DuckDbHook.open(path);
  }

  run(sql: string, values?: readonly DuckDBValue[]): Promise<void> {
    return sessionOf(this.#shared).run(sql, values);
  }

  all<R extends Record<string, unknown>>(
    sql: string,
    values?: readonly DuckDBValue[],
  ): Promise<R[]> {
    return sessionOf(this.#shared).all<R>(sql, values);
  }

  /** Runs `work` in one transaction on a connection of its own: committed, or rolled back on a throw. */
  async transaction<T>(work: (session: DuckDbSession) => Promise<T>): Promise<T> {
    const connection = await this.#instance.connect();
    try {
      await connection.run("begin transaction");
      try {
        const result = await work(sessionOf(connection));
        await connection.run("commit");
        return result;
      } catch (error) {
        await connection.run("rollback").catch(() => undefined);
        throw error;
      }
    } finally {
      connection.closeSync();
    }
  }

  /** Releases this hook's connection (the database stays open for other hooks of the process). */
  close(): void {
    this.#shared.closeSync();
  }
}
