// A DuckDB connection outside every session, for side queries that must work while a session's
// own transaction is aborted (diagnosing which value made a COPY fail).

import type { DuckDBConnection, DuckDBResultReader } from "@duckdb/node-api";
import { Mutex } from "../session/mutex";

/** Runs catalog-free queries (file reads, casts) one at a time. */
export class ScratchConnection {
  private readonly mutex = new Mutex();

  constructor(private readonly connection: DuckDBConnection) {}

  run(sql: string): Promise<DuckDBResultReader> {
    return this.mutex.run(() => this.connection.runAndReadAll(sql));
  }

  close(): void {
    this.connection.closeSync();
  }
}
