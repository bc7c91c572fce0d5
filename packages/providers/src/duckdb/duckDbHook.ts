// The DuckDB hook: the embedded warehouse of the standalone mode. One database file per process
// (DuckDB allows one writer process); each transaction runs on a connection of its own, so table
// syncs running side by side commit independently. The native module is loaded on first open:
// every process that parses DAG files imports this package, few of them open a warehouse.
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from "@duckdb/node-api";
import type { Connection } from "@updraft/sdk";
import { ProviderError } from "../providerError";

/** Options of a DuckDB database. */
export interface DuckDbOptions {
  /** DuckDB's memory_limit ("512MB", "2GB"). @default "512MB" */
  readonly memoryLimit?: string;
}

const DEFAULT_MEMORY_LIMIT = "512MB";

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

  /**
   * Opens (creating when missing) the database at `path`, shared within this process. DuckDB
   * takes 80 % of the machine's memory by default; `memoryLimit` caps it (it spills to disk
   * beyond), so a load's memory stays flat whatever the table's size.
   */
  static async open(path: string, options: DuckDbOptions = {}): Promise<DuckDbHook> {
    const { DuckDBInstance: Instance } = await import("@duckdb/node-api");
    // Without insertion order to keep, DuckDB streams large loads instead of buffering them.
    const config = {
      memory_limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
      preserve_insertion_order: "false",
    };
    const instance =
      path === ":memory:"
        ? await Instance.create(path, config)
        : await Instance.fromCache(path, config);
    return new DuckDbHook(path, instance, await instance.connect());
  }

  /** A hook for an Airflow-style `duckdb` connection: the database file in host (or schema). */
  static fromConnection(connection: Connection): Promise<DuckDbHook> {
    const limit = connection.extra_dejson.memory_limit;
    const path = connection.host ?? connection.schema;
    if (path === null || path === "")
      throw new ProviderError(
        "INVALID_CONNECTION",
        `connection "${connection.conn_id}": expected the DuckDB file in host, got none`,
      );
    return DuckDbHook.open(path, typeof limit === "string" ? { memoryLimit: limit } : {});
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
