// The Snowflake hook (Airflow's SnowflakeHook) over snowflake-sdk: one connection, statements
// with positional binds, PUT of local files to a stage. snowflake-sdk is loaded on first connect:
// it pulls in three cloud SDKs, and every process that parses DAG files imports this package.
import type { Connection } from "@updraft/sdk";
import type * as SnowflakeSdk from "snowflake-sdk";
import { ProviderError } from "../providerError";

/** A bound value (snowflake-sdk sends them positionally: `?` or `:1`). */
export type SnowflakeBind = string | number | boolean | null;

/** Where and as whom to connect (snowflake-sdk's options, the ones we set). */
export interface SnowflakeOptions {
  readonly account: string;
  readonly username: string;
  readonly password: string;
  readonly database?: string;
  readonly schema?: string;
  readonly warehouse?: string;
  readonly role?: string;
  /** Overrides `<account>.snowflakecomputing.com` (the local protocol server in tests). */
  readonly accessUrl?: string;
}

const str = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/**
 * The options of an Airflow `snowflake` connection:
 * `snowflake://user:pass@account/db/schema?warehouse=…&role=…` (the extras `account`,
 * `database`, `warehouse`, `role` as Airflow's hook reads them win; `access_url` is ours).
 */
export function snowflakeOptionsOf(connection: Connection): SnowflakeOptions {
  const extra = connection.extra_dejson;
  const [pathDatabase, pathSchema] = (connection.schema ?? "").split("/");
  const account = str(extra.account) ?? str(connection.host);
  const fail = (what: string): never => {
    throw new ProviderError(
      "INVALID_CONNECTION",
      `connection "${connection.conn_id}": expected ${what}, got none`,
    );
  };
  const database = str(extra.database) ?? str(pathDatabase);
  const schema = str(extra.schema) ?? str(pathSchema);
  const warehouse = str(extra.warehouse);
  const role = str(extra.role);
  const accessUrl = str(extra.access_url);
  return {
    account: account ?? fail("an account (host, or extra.account)"),
    username: str(connection.login) ?? fail("a login"),
    password: connection.password ?? fail("a password"),
    ...(database === undefined ? {} : { database }),
    ...(schema === undefined ? {} : { schema }),
    ...(warehouse === undefined ? {} : { warehouse }),
    ...(role === undefined ? {} : { role }),
    ...(accessUrl === undefined ? {} : { accessUrl }),
  };
}

let sdk: Promise<typeof SnowflakeSdk> | undefined;
function loadSdk(): Promise<typeof SnowflakeSdk> {
  sdk ??= import("snowflake-sdk").then((module) => {
    const loaded = (module as { default?: typeof SnowflakeSdk }).default ?? module;
    loaded.configure({ logLevel: "OFF" });
    return loaded;
  });
  return sdk;
}

/** One Snowflake session. */
export class SnowflakeHook {
  readonly #options: SnowflakeOptions;
  #connection: SnowflakeSdk.Connection | null = null;

  constructor(options: SnowflakeOptions) {
    this.#options = options;
  }

  static fromConnection(connection: Connection): SnowflakeHook {
    return new SnowflakeHook(snowflakeOptionsOf(connection));
  }

  async #connected(): Promise<SnowflakeSdk.Connection> {
    if (this.#connection !== null) return this.#connection;
    const snowflake = await loadSdk();
    const connection = snowflake.createConnection({
      ...this.#options,
      // A refused login should fail the task (Airflow retries it), not retry for minutes.
      sfRetryMaxLoginRetries: 2,
    });
    await connection.connectAsync();
    this.#connection = connection;
    return connection;
  }

  /** Runs one statement; resolves with its rows as objects (column names as Snowflake gives them). */
  async execute<R extends Record<string, unknown>>(
    sqlText: string,
    binds: readonly SnowflakeBind[] = [],
  ): Promise<R[]> {
    const connection = await this.#connected();
    return new Promise((resolve, reject) => {
      connection.execute({
        sqlText,
        binds: [...binds],
        complete: (error, _statement, rows) =>
          error ? reject(error) : resolve((rows ?? []) as R[]),
      });
    });
  }

  /** Ends the session. */
  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = null;
    if (connection === null) return;
    await new Promise<void>((resolve) => connection.destroy(() => resolve()));
  }
}
