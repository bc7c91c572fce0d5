// The composition root: picks adapters from the configuration (Postgres or embedded PGlite
// today; executors and warehouses join later). Nothing else chooses between them.
import { mkdirSync } from "node:fs";
import { createPgClient, createPgliteClient, type SqlClient } from "@updraft/store";
import type { DatabaseConfig } from "./config";

/** Opens the metadata database the configuration names. */
export async function openMetadataDatabase(database: DatabaseConfig): Promise<SqlClient> {
  if (database.kind === "postgres") return createPgClient({ connectionString: database.url });
  mkdirSync(database.dataDir, { recursive: true });
  return createPgliteClient({ dataDir: database.dataDir });
}

/** Describes the database for humans, without secrets. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === "pglite") return `embedded PGlite at ${database.dataDir}`;
  const url = new URL(database.url);
  return `Postgres ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}
