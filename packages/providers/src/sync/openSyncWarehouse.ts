// The sync target a connection names, by its type: `snowflake` (PUT / COPY INTO / MERGE over
// snowflake-sdk) or `duckdb` (the embedded default: the database file in host).
import type { Connection } from "@updraft/sdk";
import { DuckDbHook } from "../duckdb/duckDbHook";
import { ProviderError } from "../providerError";
import { SnowflakeHook } from "../snowflake/snowflakeHook";
import { DuckDbWarehouse } from "./duckDbWarehouse";
import { SnowflakeWarehouse } from "./snowflakeWarehouse";
import type { SyncWarehouse } from "./syncWarehouse";

/** A warehouse and how to let go of it. */
export interface OpenedWarehouse {
  readonly warehouse: SyncWarehouse;
  readonly dialect: "snowflake" | "duckdb";
  close(): Promise<void>;
}

/** Opens the warehouse of `connection`; `schema` is where the synced tables go. */
export async function openSyncWarehouse(
  connection: Connection,
  options: { readonly schema?: string } = {},
): Promise<OpenedWarehouse> {
  switch (connection.conn_type) {
    case "snowflake": {
      const hook = SnowflakeHook.fromConnection(connection);
      return {
        dialect: "snowflake",
        warehouse: new SnowflakeWarehouse(hook, { schema: options.schema ?? "STAGE" }),
        close: () => hook.close(),
      };
    }
    case "duckdb": {
      const hook = await DuckDbHook.fromConnection(connection);
      return {
        dialect: "duckdb",
        warehouse: new DuckDbWarehouse(hook, { schema: options.schema ?? "stage" }),
        close: () => Promise.resolve(hook.close()),
      };
    }
    default:
      throw new ProviderError(
        "INVALID_CONNECTION",
        `connection "${connection.conn_id}": expected conn_type snowflake or duckdb for a warehouse, got ${JSON.stringify(connection.conn_type)}`,
      );
  }
}
