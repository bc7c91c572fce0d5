// Opening the configured metadata database for a verb: refuse an unmigrated schema with the
// command that fixes it, and always close the connection.
import type { SqlClient } from "@updraft/store";
import { describeDatabase, openMetadataDatabase, schemaVersions } from "../compose";
import type { Config } from "../config";
import type { Io } from "./dags";

/** Runs `work` on the configured database if it is migrated; exit 1 (with the fix) if not. */
export async function withMigratedDatabase(
  config: Config,
  io: Io,
  work: (client: SqlClient) => Promise<number>,
): Promise<number> {
  const client = await openMetadataDatabase(config.database);
  try {
    const { current, expected } = await schemaVersions(client);
    if (current < expected) {
      io.err(
        `Database ${describeDatabase(config.database)} is not migrated (schema version ${current}, ` +
          `this Updraft needs ${expected}); run \`updraft db migrate\` first.`,
      );
      return 1;
    }
    return await work(client);
  } finally {
    await client.close();
  }
}
