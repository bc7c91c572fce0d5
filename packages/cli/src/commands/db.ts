// `updraft db migrate | reset | check`, as Airflow 3's `airflow db` verbs.
import { processDagsFolder } from "@updraft/scheduler";
import { migrate, resetDatabase } from "@updraft/store";
import { describeDatabase, openMetadataDatabase } from "../compose";
import type { Config } from "../config";
import type { Io } from "./dags";

async function withDatabase<T>(
  config: Config,
  work: (client: Awaited<ReturnType<typeof openMetadataDatabase>>) => Promise<T>,
): Promise<T> {
  const client = await openMetadataDatabase(config.database);
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

/** `db migrate`: applies pending migrations. */
export async function migrateDb(config: Config, io: Io): Promise<number> {
  const report = await withDatabase(config, (client) => migrate(client));
  io.out(
    report.applied.length === 0
      ? `Database ${describeDatabase(config.database)} is up to date (version ${report.currentVersion}).`
      : `Database ${describeDatabase(config.database)} migrated: applied ${report.applied.join(", ")} (version ${report.currentVersion}).`,
  );
  return 0;
}

/** `db reset --yes`: drops everything and migrates again; refuses without --yes. */
export async function resetDb(config: Config, yes: boolean, io: Io): Promise<number> {
  if (!yes) {
    io.err(
      `This drops every table of ${describeDatabase(config.database)}. Run again with --yes to confirm.`,
    );
    return 1;
  }
  const report = await withDatabase(config, (client) => resetDatabase(client));
  io.out(`Database ${describeDatabase(config.database)} reset (version ${report.currentVersion}).`);
  return 0;
}

/** `dags reserialize`: parses the DAGs folder and stores every DAG, as Airflow's verb. */
export async function reserializeDags(config: Config, dagsFolder: string, io: Io): Promise<number> {
  const report = await withDatabase(config, async (client) => {
    await migrate(client);
    return processDagsFolder(client, { dagsFolder });
  });
  io.out(
    `Parsed ${dagsFolder} in ${Math.round(report.parseMs)} ms: ${report.dagIds.length} DAG(s) ` +
      `(${report.created.length} new, ${report.changed.length} changed, ${report.stale.length} now stale), ` +
      `${report.importErrors} import error(s).`,
  );
  return report.importErrors > 0 ? 1 : 0;
}

/** `db check`: connects and runs a trivial query. */
export async function checkDb(config: Config, io: Io): Promise<number> {
  await withDatabase(config, (client) => client.query("select 1"));
  io.out(`Database ${describeDatabase(config.database)} is reachable.`);
  return 0;
}
