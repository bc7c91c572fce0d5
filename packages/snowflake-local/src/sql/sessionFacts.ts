// What SQL translation needs to know about the session running the statement.

/** The session state a rewrite may consult; plain data so translation stays pure. */
export interface SessionFacts {
  readonly database: string | null;
  readonly schema: string | null;
  readonly warehouse: string | null;
  readonly role: string | null;
  readonly user: string;
  readonly sessionId: string;
  /** Fully qualified names (`DB.SCHEMA.NAME`) of the session's temporary tables. */
  readonly tempTables: ReadonlySet<string>;
}
