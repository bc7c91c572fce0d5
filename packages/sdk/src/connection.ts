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
  /** JSON text, as Airflow stores it; an object is stored as its JSON text. */
  extra?: string | Readonly<Record<string, unknown>> | null;
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

  /** Missing optional fields become null, as in Airflow's model. */
  constructor(fields: ConnectionFields) {
    this.conn_id = fields.conn_id;
    this.conn_type = fields.conn_type;
    this.host = fields.host ?? null;
    this.login = fields.login ?? null;
    this.password = fields.password ?? null;
    this.schema = fields.schema ?? null;
    this.port = fields.port ?? null;
    this.extra =
      typeof fields.extra === "object" && fields.extra !== null
        ? JSON.stringify(fields.extra)
        : (fields.extra ?? null);
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

  /** `{{ conn.x }}` prints the id and type: never the password, even by accident. */
  toString(): string {
    return `Connection(${this.conn_id}, ${this.conn_type})`;
  }

  /** The fields with the password masked, so logging a connection cannot leak it. */
  toJSON(): Record<string, unknown> {
    return {
      conn_id: this.conn_id,
      conn_type: this.conn_type,
      host: this.host,
      login: this.login,
      schema: this.schema,
      port: this.port,
      password: this.password === null ? null : "***",
      description: this.description,
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
