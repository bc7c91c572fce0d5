// The `connection` row in camelCase: the one place its snake_case columns are mapped, both
// ways (CONNECTION_COLUMNS names the columns an update may set).
import type { Row } from "../sqlClient";

/** The fields of a connection that callers set (Airflow's Connection model). */
export interface ConnectionFields {
  readonly connType: string;
  readonly description: string | null;
  readonly host: string | null;
  readonly schema: string | null;
  readonly login: string | null;
  /** Stored as given; the API redacts it. */
  readonly password: string | null;
  readonly port: number | null;
  /** A JSON object as text (Airflow's `extra`); the API masks sensitive keys. */
  readonly extra: string | null;
}

/** One stored connection. */
export interface ConnectionRow extends ConnectionFields {
  readonly id: number;
  readonly connId: string;
  readonly isEncrypted: boolean;
  readonly isExtraEncrypted: boolean;
}

/** Field → column of the settable connection fields, in column order. Constant SQL names. */
export const CONNECTION_COLUMNS: ReadonlyArray<readonly [keyof ConnectionFields, string]> = [
  ["connType", "conn_type"],
  ["description", "description"],
  ["host", "host"],
  ["schema", "schema"],
  ["login", "login"],
  ["password", "password"],
  ["port", "port"],
  ["extra", "extra"],
];

/** Maps a `connection` row. */
export function connectionFromRow(row: Row): ConnectionRow {
  return {
    id: Number(row.id),
    connId: row.conn_id as string,
    connType: row.conn_type as string,
    description: row.description as string | null,
    host: row.host as string | null,
    schema: row.schema as string | null,
    login: row.login as string | null,
    password: row.password as string | null,
    port: row.port === null ? null : Number(row.port),
    extra: row.extra as string | null,
    isEncrypted: row.is_encrypted as boolean,
    isExtraEncrypted: row.is_extra_encrypted as boolean,
  };
}
