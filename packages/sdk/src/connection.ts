// The Connection templates and hooks see (`{{ conn.my_db.host }}`), with Airflow's snake_case
// attribute names, and the accessors through which templates reach variables and connections.

/** The plain fields of a connection. */
export interface ConnectionFields {
  conn_id: string;
  conn_type: string;
  host?: string | null;
  login?: string | null;
  password?: string | null;
  schema?: string | null;
  port?: number | null;
  /** JSON text, as Airflow stores it. */
  extra?: string | null;
  description?: string | null;
}

/** A connection to an external system (Airflow's Connection model). */
export class Connection {
  readonly conn_id: string;
  readonly conn_type: string;
  readonly host: string | null;
  readonly login: string | null;
  readonly password: string | null;
  readonly schema: string | null;
  readonly port: number | null;
  readonly extra: string | null;
  readonly description: string | null;

  constructor(fields: ConnectionFields) {
    this.conn_id = fields.conn_id;
    this.conn_type = fields.conn_type;
    this.host = fields.host ?? null;
    this.login = fields.login ?? null;
    this.password = fields.password ?? null;
    this.schema = fields.schema ?? null;
    this.port = fields.port ?? null;
    this.extra = fields.extra ?? null;
    this.description = fields.description ?? null;
  }

  /** `extra` parsed as a JSON object; `{}` when absent or not an object. */
  get extra_dejson(): Record<string, unknown> {
    if (!this.extra) return {};
    try {
      const parsed: unknown = JSON.parse(this.extra);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }

  /** Never print the password, even by accident in a template or a log line. */
  toString(): string {
    return `Connection(${this.conn_id}, ${this.conn_type})`;
  }

  toJSON(): Record<string, unknown> {
    return {
      conn_id: this.conn_id,
      conn_type: this.conn_type,
      host: this.host,
      login: this.login,
      schema: this.schema,
      port: this.port,
      password: this.password === null ? null : "***",
    };
  }
}

/** How templates read variables (`var.value.KEY`). */
export interface VariableAccessor {
  get(key: string): string | undefined;
}

/** How templates read connections (`conn.ID`). */
export interface ConnectionAccessor {
  get(connId: string): Connection | undefined;
}
