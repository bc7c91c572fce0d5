// One logged-in driver connection: its tokens, current database/schema/warehouse/role, and its own
// DuckDB connection, so each session's transaction and temporary objects stay its own.

import type { DuckDBConnection } from "@duckdb/node-api";
import type { SessionFacts } from "../sql/sessionFacts";
import { Mutex } from "./mutex";

/** What a session starts with, from the login request. */
export interface SessionInit {
  readonly id: string;
  readonly token: string;
  readonly masterToken: string;
  readonly user: string;
  readonly database: string | null;
  readonly schema: string | null;
  readonly warehouse: string | null;
  readonly role: string | null;
}

/** A COPY's record of a loaded file, kept until the session's transaction commits. */
export interface PendingLoad {
  readonly table: string;
  readonly file: string;
  readonly fingerprint: string;
}

/** A server-side session. Mutable state changes only inside `exclusive`. */
export class Session {
  readonly id: string;
  readonly token: string;
  readonly masterToken: string;
  readonly user: string;
  database: string | null;
  schema: string | null;
  warehouse: string | null;
  role: string | null;
  timezone = "UTC";
  /** An explicit BEGIN is open. */
  inTransaction = false;
  /** A statement failed inside the open transaction, and DuckDB aborted it. */
  transactionAborted = false;
  /** Fully qualified names (DB.SCHEMA.NAME) of this session's temporary tables. */
  readonly tempTables = new Set<string>();
  /** Directories of this session's temporary stages, removed when it ends. */
  readonly tempStages = new Set<string>();
  /** Loads to add to the load history when the open transaction commits. */
  pendingLoads: PendingLoad[] = [];
  /** The USE target last applied to the connection, and the catalog version it was valid for. */
  appliedContext: { readonly target: string; readonly catalogVersion: number } | undefined;
  private readonly mutex = new Mutex();

  constructor(
    init: SessionInit,
    readonly connection: DuckDBConnection,
  ) {
    this.id = init.id;
    this.token = init.token;
    this.masterToken = init.masterToken;
    this.user = init.user;
    this.database = init.database;
    this.schema = init.schema;
    this.warehouse = init.warehouse;
    this.role = init.role;
  }

  /** Runs `work` alone on this session: statements of one session never interleave. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.mutex.run(work);
  }

  /** The facts SQL translation reads. */
  facts(): SessionFacts {
    return {
      database: this.database,
      schema: this.schema,
      warehouse: this.warehouse,
      role: this.role,
      user: this.user,
      sessionId: this.id,
      tempTables: this.tempTables,
    };
  }
}
