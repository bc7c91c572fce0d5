// The real snowflake-sdk, pointed at a LocalSnowflake, with promise helpers for the tests.

import snowflake from "snowflake-sdk";
import type {
  Binds,
  Connection,
  RowStatement,
  SnowflakeError,
  StatementOption,
} from "snowflake-sdk";
import type { LocalSnowflake } from "../src";

snowflake.configure({ logLevel: "OFF", disableOCSPChecks: true });

/** Rows as the driver returns them (object mode). */
export type Row = Record<string, unknown>;

/** A connected driver connection; fails fast when the server is not there. */
export async function connect(
  server: LocalSnowflake,
  options: Parameters<LocalSnowflake["connectionOptions"]>[0] = {},
): Promise<Connection> {
  const connection = snowflake.createConnection({
    ...server.connectionOptions(options),
    sfRetryMaxLoginRetries: 0,
    timeout: 20_000,
  });
  return connection.connectAsync();
}

/** Runs `sqlText` and resolves with the rows and the statement. */
export function exec(
  connection: Connection,
  sqlText: string,
  binds?: Binds,
  extra: Partial<StatementOption> = {},
): Promise<{ rows: Row[]; stmt: RowStatement }> {
  return new Promise((resolve, reject) => {
    connection.execute({
      sqlText,
      ...(binds === undefined ? {} : { binds }),
      ...extra,
      complete: (err, stmt, rows) => {
        if (err) reject(err);
        else resolve({ rows: rows ?? [], stmt });
      },
    });
  });
}

/** Runs `sqlText`, which must fail, and resolves with the driver's error. */
export async function execError(
  connection: Connection,
  sqlText: string,
  binds?: Binds,
): Promise<SnowflakeError> {
  try {
    await exec(connection, sqlText, binds);
  } catch (error) {
    return error as SnowflakeError;
  }
  throw new Error(`expected failure: ${sqlText}`);
}

/** Closes a connection (ends its server session). */
export function destroy(connection: Connection): Promise<void> {
  return new Promise((resolve, reject) => {
    connection.destroy((err) => (err ? reject(err) : resolve()));
  });
}
