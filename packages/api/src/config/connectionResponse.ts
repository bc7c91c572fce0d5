// A connection as Airflow's ConnectionResponse shows it: the password never (`***` when one is
// set, null when not), and `extra` with the values under sensitive keys hidden (see
// redactSecrets.ts). Updraft has no teams: team_name is null.
import type { ConnectionRow } from "@updraft/store";
import { REDACTED, redactJsonText } from "./redactSecrets";

/** Airflow's ConnectionResponse. */
export interface ConnectionResponseBody {
  readonly connection_id: string;
  readonly conn_type: string;
  readonly description: string | null;
  readonly host: string | null;
  readonly login: string | null;
  readonly schema: string | null;
  readonly port: number | null;
  readonly password: string | null;
  readonly extra: string | null;
  readonly team_name: null;
}

/** The ConnectionResponse of `connection`. */
export function connectionResponse(connection: ConnectionRow): ConnectionResponseBody {
  return {
    connection_id: connection.connId,
    conn_type: connection.connType,
    description: connection.description,
    host: connection.host,
    login: connection.login,
    schema: connection.schema,
    port: connection.port,
    password: connection.password === null ? null : REDACTED,
    extra: connection.extra === null ? null : redactJsonText(connection.extra),
    team_name: null,
  };
}
