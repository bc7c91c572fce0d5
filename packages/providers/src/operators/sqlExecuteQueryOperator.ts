// SQLExecuteQueryOperator (Airflow's common.sql operator, which replaced PostgresOperator and
// SnowflakeOperator): runs templated SQL through the connection's hook — Postgres, Snowflake or
// DuckDB — and returns the rows of the last statement (or of each) as XCom, as lists of values.
import {
  AirflowException,
  BaseOperator,
  type OperatorOptions,
  type TaskContext,
} from "@updraft/sdk";
import { openSqlHook, type SqlValue } from "../sql/openSqlHook";

/** Options of SQLExecuteQueryOperator. */
export interface SqlExecuteQueryOperatorOptions extends OperatorOptions {
  /** The connection to run through (`conn_type` postgres, snowflake or duckdb). */
  connId: string;
  /** One statement or several, run in order; templates (`{{ ds }}`) are rendered first. */
  sql: string | readonly string[];
  /**
   * Positional bound values (`$1` on Postgres and DuckDB, `?` on Snowflake), given to every
   * statement, as Airflow does: a list whose statements take no placeholders takes none.
   */
  parameters?: readonly SqlValue[];
  /** Return only the last statement's rows. @default true */
  returnLast?: boolean;
  /** Also write the returned rows to the task log. @default false */
  showReturnValueInLogs?: boolean;
}

type Rows = unknown[][];

/** A cell as JSON (XCom) carries it: dates as ISO text, big integers as numbers when exact. */
function jsonCell(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint")
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  return value;
}

/** Runs SQL through a connection's hook (Airflow's SQLExecuteQueryOperator). */
export class SQLExecuteQueryOperator extends BaseOperator<Rows | Rows[]> {
  static override readonly templateFields = ["sql", "parameters"] as const;
  static override readonly uiColor = "#cdaaed";

  readonly connId: string;
  readonly sql: string | readonly string[];
  readonly parameters: readonly SqlValue[];
  readonly returnLast: boolean;
  readonly showReturnValueInLogs: boolean;

  constructor(options: SqlExecuteQueryOperatorOptions) {
    super(options);
    const statements = typeof options.sql === "string" ? [options.sql] : options.sql;
    if (
      !Array.isArray(statements) ||
      statements.length === 0 ||
      statements.some((s) => typeof s !== "string" || s.trim() === "")
    )
      throw new AirflowException(
        `task "${this.taskId}".sql: expected a statement or a list of statements, got ${JSON.stringify(options.sql)}`,
      );
    if (typeof options.connId !== "string" || options.connId === "")
      throw new AirflowException(
        `task "${this.taskId}".connId: expected a connection id, got ${JSON.stringify(options.connId)}`,
      );
    this.connId = options.connId;
    this.sql = options.sql;
    this.parameters = options.parameters ?? [];
    this.returnLast = options.returnLast ?? true;
    this.showReturnValueInLogs = options.showReturnValueInLogs ?? false;
  }

  override async execute(context: TaskContext): Promise<Rows | Rows[]> {
    const hook = await openSqlHook(await context.runtime.connection(this.connId));
    try {
      const statements = typeof this.sql === "string" ? [this.sql] : [...this.sql];
      const results: Rows[] = [];
      for (const sql of statements) {
        context.log.info(`Running statement: ${sql}`);
        const rows = await hook.run(sql, this.parameters);
        results.push(rows.map((row) => Object.values(row).map(jsonCell)));
      }
      const value = this.returnLast ? (results.at(-1) ?? []) : results;
      if (this.showReturnValueInLogs) context.log.info(`Result: ${JSON.stringify(value)}`);
      return value;
    } finally {
      await hook.close();
    }
  }

  override serializeFields(): Record<string, unknown> {
    return { conn_id: this.connId, return_last: this.returnLast };
  }
}
