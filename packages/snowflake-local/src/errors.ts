// Errors this package raises. SqlError carries the 6-digit Snowflake code and SQLSTATE that the
// driver surfaces as `err.code` / `err.sqlState`; LocalSnowflakeError is for the server's own API.

/** Snowflake error codes this server answers with, and what each means here. */
export const SqlErrorCode = {
  /** Catch-all for a statement DuckDB failed to run. */
  INTERNAL: "000603",
  /** Multi-statement text without MULTI_STATEMENT_COUNT. */
  STATEMENT_COUNT: "000008",
  /** A column (or other identifier) that does not resolve. */
  INVALID_IDENTIFIER: "000904",
  /** Syntax error, or a statement this server does not support. */
  SYNTAX: "001003",
  /** Empty statement text. */
  EMPTY_STATEMENT: "000900",
  /** A placeholder without a bound value. */
  BIND_NOT_SET: "002049",
  /** An object that already exists. */
  ALREADY_EXISTS: "002002",
  /** A database, schema, table, view or stage that does not exist. */
  DOES_NOT_EXIST: "002003",
  /** Type mismatch or other compilation error. */
  COMPILATION: "002023",
  /** Unknown function. */
  UNKNOWN_FUNCTION: "002140",
  /** A value that does not convert to the column's type. */
  CONVERSION: "100038",
  /** A number out of the column's range. */
  OUT_OF_RANGE: "100039",
  /** NULL into a NOT NULL column. */
  NULL_INTO_NOT_NULL: "100072",
  /** A file's column count differs from the table's. */
  COLUMN_COUNT_MISMATCH: "100080",
  /** MERGE where several source rows match one target row. */
  DUPLICATE_ROW_IN_MERGE: "100090",
  /** A transaction DuckDB can no longer commit. */
  TRANSACTION_ABORTED: "000625",
  /** A statement that needs a current database or schema, in a session without one. */
  NO_CURRENT_SCHEMA: "090105",
  /** Unknown or closed session token. */
  INVALID_TOKEN: "390104",
} as const;

/** One of the Snowflake error codes above. */
export type SqlErrorCode = (typeof SqlErrorCode)[keyof typeof SqlErrorCode];

const DEFAULT_SQL_STATE: Readonly<Record<SqlErrorCode, string>> = {
  "000603": "XX000",
  "000008": "0A000",
  "000904": "42000",
  "001003": "42000",
  "000900": "42000",
  "002049": "42601",
  "002002": "42710",
  "002003": "42S02",
  "002023": "22000",
  "002140": "42601",
  "100038": "22018",
  "100039": "22003",
  "100072": "22000",
  "100080": "22000",
  "100090": "42P18",
  "000625": "57014",
  "090105": "22000",
  "390104": "08001",
};

/** A statement failed the way Snowflake reports it: HTTP 200, `success: false`, code and SQLSTATE. */
export class SqlError extends Error {
  readonly code: SqlErrorCode;
  readonly sqlState: string;

  constructor(
    code: SqlErrorCode,
    message: string,
    options: { sqlState?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SqlError";
    this.code = code;
    this.sqlState = options.sqlState ?? DEFAULT_SQL_STATE[code];
  }
}

/** Stable codes of errors raised by the server's own API. */
export type LocalSnowflakeErrorCode = "INVALID_OPTIONS" | "ALREADY_STOPPED";

/** An error from startLocalSnowflake() or the handle it returns. */
export class LocalSnowflakeError extends Error {
  readonly code: LocalSnowflakeErrorCode;

  constructor(code: LocalSnowflakeErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "LocalSnowflakeError";
    this.code = code;
  }
}
