// SqlClient over PGlite: Postgres compiled to WASM, embedded in the process, for standalone
// mode. One connection; PGlite serializes transactions itself.
import { PGlite } from "@electric-sql/pglite";
import {
  type QueryResult,
  type Row,
  type SqlClient,
  type TransactionOptions,
  transactionSettings,
} from "../sqlClient";

/** Options of the embedded database. */
export interface PgliteClientOptions {
  /** Folder the data is persisted in; in memory when omitted. */
  dataDir?: string;
}

interface PgliteQueryable {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(script: string): Promise<unknown>;
}

function boundClient(target: PgliteQueryable, db: PGlite, inTransaction: boolean): SqlClient {
  const client: SqlClient = {
    dialect: "pglite",
    async query<R extends Row>(
      text: string,
      params: readonly unknown[] = [],
    ): Promise<QueryResult<R>> {
      const result = await target.query<R>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(script: string): Promise<void> {
      await target.exec(script);
    },
    transaction<T>(work: (tx: SqlClient) => Promise<T>, options?: TransactionOptions): Promise<T> {
      if (inTransaction) return work(client);
      return db.transaction(async (tx) => {
        const settings = transactionSettings(options);
        if (settings !== "") await tx.exec(settings);
        return work(boundClient(tx, db, true));
      });
    },
    async listen(channel, handler) {
      const unlisten = await db.listen(channel, handler);
      return () => unlisten();
    },
    close: () => (inTransaction ? Promise.resolve() : db.close()),
  };
  return client;
}

/** Opens (or creates) an embedded database. */
export async function createPgliteClient(options: PgliteClientOptions = {}): Promise<SqlClient> {
  const db = options.dataDir === undefined ? new PGlite() : new PGlite(options.dataDir);
  await db.waitReady;
  return boundClient(db, db, false);
}
