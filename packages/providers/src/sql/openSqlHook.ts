// A SQL hook for any connection type the providers know (Airflow's DbApiHook idea): statements
// with positional bound values, rows back as objects. Postgres takes `$1`, Snowflake `?` or `:1`,
// DuckDB `$1` or `?`.
import type { Connection } from "@updraft/sdk";
import { DuckDbHook } from "../duckdb/duckDbHook";
import { PostgresHook } from "../postgres/postgresHook";
import { ProviderError } from "../providerError";
import { SnowflakeHook } from "../snowflake/snowflakeHook";

/** A value a statement may bind. */
export type SqlValue = string | number | boolean | null;

/** Statements against one database, then close. */
export interface SqlHook {
  readonly dialect: "postgres" | "snowflake" | "duckdb";
  run(sql: string, values?: readonly SqlValue[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** The SQL hook of `connection`, by its conn_type. */
export async function openSqlHook(connection: Connection): Promise<SqlHook> {
  switch (connection.conn_type) {
    case "postgres": {
      const hook = PostgresHook.fromConnection(connection);
      return {
        dialect: "postgres",
        run: (sql, values = []) => hook.query(sql, values),
        close: () => hook.close(),
      };
    }
    case "snowflake": {
      const hook = SnowflakeHook.fromConnection(connection);
      return {
        dialect: "snowflake",
        run: (sql, values = []) => hook.execute(sql, values),
        close: () => hook.close(),
      };
    }
    case "duckdb": {
      const hook = await DuckDbHook.fromConnection(connection);
      return {
        dialect: "duckdb",
        run: (sql, values) => hook.all(sql, values),
        close: () => Promise.resolve(hook.close()),
      };
    }
    default:
      throw new ProviderError(
        "INVALID_CONNECTION",
        `connection "${connection.conn_id}": expected conn_type postgres, snowflake or duckdb, got ${JSON.stringify(connection.conn_type)}`,
      );
  }
}
