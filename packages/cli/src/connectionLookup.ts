// Where a process finds a connection by id, in Airflow's secrets-backend order: the environment
// (`AIRFLOW_CONN_<ID>`, a URI or JSON) first, then the metadata database. For the email
// connection, Airflow's [smtp] settings (AIRFLOW__SMTP__SMTP_HOST, …) are the last resort.
import { smtpConnectionFromAirflowConfig } from "@updraft/notify";
import { Connection } from "@updraft/sdk";
import { getConnection, type SqlClient } from "@updraft/store";
import { parseConnection } from "@updraft/worker";

type Env = Readonly<Record<string, string | undefined>>;

/** Returns `lookup(connId)`; null when no source has the connection. */
export function connectionLookup(
  env: Env,
  client: SqlClient,
  emailConnId: string,
): (connId: string) => Promise<Connection | null> {
  return async (connId) => {
    const fromEnv = env[`AIRFLOW_CONN_${connId.toUpperCase()}`];
    if (fromEnv !== undefined && fromEnv !== "") return parseConnection(connId, fromEnv);
    const stored = await getConnection(client, { connId });
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
    return connId === emailConnId ? smtpConnectionFromAirflowConfig(env) : null;
  };
}
