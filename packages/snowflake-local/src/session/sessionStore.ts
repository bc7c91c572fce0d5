// Sessions by token. Creating one opens a DuckDB connection and installs the Snowflake macros.

import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import type { DuckDBInstance } from "@duckdb/node-api";
import { INFORMATION_SCHEMA_MACROS } from "../sql/informationSchema";
import { SNOWFLAKE_MACROS } from "../sql/macros";
import type { SessionInit } from "./session";
import { Session } from "./session";

/** The login facts a new session is made from. */
export type NewSession = Omit<SessionInit, "id" | "token" | "masterToken">;

const SETUP_SQL = ["SET TimeZone = 'UTC'", ...SNOWFLAKE_MACROS, ...INFORMATION_SCHEMA_MACROS].join(
  ";\n",
);

/** All live sessions of one server. */
export class SessionStore {
  private readonly byToken = new Map<string, Session>();
  private nextId = 1;

  constructor(private readonly instance: DuckDBInstance) {}

  /** Opens a session with its own DuckDB connection. */
  async open(init: NewSession): Promise<Session> {
    const connection = await this.instance.connect();
    await connection.run(SETUP_SQL);
    const id = String(this.nextId++);
    const session = new Session(
      { ...init, id, token: newToken(), masterToken: newToken() },
      connection,
    );
    this.byToken.set(session.token, session);
    return session;
  }

  /** The session holding `token`, if any. */
  get(token: string): Session | undefined {
    return this.byToken.get(token);
  }

  /** The session whose master token is `masterToken`, if any. */
  byMasterToken(masterToken: string): Session | undefined {
    return [...this.byToken.values()].find((s) => s.masterToken === masterToken);
  }

  /** Ends a session: rolls back its transaction, drops its temporary objects and stages. */
  async close(token: string): Promise<void> {
    const session = this.byToken.get(token);
    if (session === undefined) return;
    this.byToken.delete(token);
    await session.exclusive(async () => {
      if (session.inTransaction) await session.connection.run("ROLLBACK").catch(() => undefined);
      session.connection.closeSync();
      for (const dir of session.tempStages) rmSync(dir, { recursive: true, force: true });
    });
  }

  /** Ends every session. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.byToken.keys()].map((token) => this.close(token)));
  }
}

function newToken(): string {
  return randomBytes(24).toString("base64url");
}
