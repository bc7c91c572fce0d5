// Migrating a database named by URL in one call: opens a client, applies the pending migrations,
// closes it. Used where only a URL is at hand (a template database for tests, a deploy step).
import { createHash } from "node:crypto";
import { migrate, type MigrationReport } from "./migrate";
import { MIGRATIONS } from "./migrations";
import { createPgClient } from "./pg/pgClient";

/** Applies every pending migration to the Postgres database at `url`. */
export async function migrateUrl(url: string): Promise<MigrationReport> {
  const client = createPgClient({ connectionString: url, maxConnections: 1 });
  try {
    return await migrate(client);
  } finally {
    await client.close();
  }
}

/**
 * A key naming the current schema: the last migration's version plus a hash of every
 * migration's SQL (`schema_v1_3f9a1c2b`), e.g. for a template database per schema.
 */
export const SCHEMA_KEY = `schema_v${Math.max(...MIGRATIONS.map((m) => m.version))}_${createHash(
  "sha256",
)
  .update(MIGRATIONS.map((m) => m.sql).join("\n"))
  .digest("hex")
  .slice(0, 8)}`;
