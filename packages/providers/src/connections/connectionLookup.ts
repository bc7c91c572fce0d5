// Where a process finds a connection by id, in Airflow's secrets-backend order: the environment
// (`AIRFLOW_CONN_<ID>`, a URI or JSON) first, then the metadata database, then an optional
// fallback (the CLI passes Airflow's [smtp] settings for the email connection).
import { Connection, parseConnection } from "@updraft/sdk";
import { getConnection, type SqlClient } from "@updraft/store";

type Env = Readonly<Record<string, string | undefined>>;

/** A connection by id; null when no source has it. */
export type ConnectionLookup = (connId: string) => Promise<Connection | null>;

/** Options of createConnectionLookup. */
export interface ConnectionLookupOptions {
  readonly env: Env;
  /** The metadata database; without it only the environment (and fallback) is read. */
  readonly client?: SqlClient;
  readonly fallback?: (connId: string) => Connection | null;
}

/** Returns the lookup; see the module comment for the order. */
export function createConnectionLookup(options: ConnectionLookupOptions): ConnectionLookup {
  return async (connId) => {
    const fromEnv = options.env[`AIRFLOW_CONN_${connId.toUpperCase()}`];
    if (fromEnv !== undefined && fromEnv !== "") return parseConnection(connId, fromEnv);
    const stored = options.client ? await getConnection(options.client, { connId }) : null;
    if (stored !== null)
      return new Connection({
        conn_id: stored.connId,
        conn_type: stored.connType,
        host: stored.host,
        login: stored.login,
        password: stored.password,
        schema: stored.schema,
        port: stored.port,
        extra: stored.extra,
        description: stored.description,
      });
    return options.fallback?.(connId) ?? null;
  };
}
