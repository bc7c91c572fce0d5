// Applies pending migrations in order, in one transaction under an advisory lock, so two
// processes starting at once (two schedulers) cannot both migrate.
import { type Migration, MIGRATIONS } from "./migrations";
import type { SqlClient } from "./sqlClient";

/** Advisory-lock key reserved for migrations ("updraft" as a number). */
const MIGRATION_LOCK_KEY = 7_572_846_514;

/** What migrate() did. */
export interface MigrationReport {
  readonly applied: readonly number[];
  readonly currentVersion: number;
}

/** Brings the schema up to date; a failing migration leaves nothing behind (one transaction). */
export async function migrate(
  client: SqlClient,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationReport> {
  return client.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await tx.query(
      `create table if not exists updraft_migration (
         version integer primary key,
         name text not null,
         applied_at timestamptz not null default now()
       )`,
    );
    const done = await tx.query<{ version: number }>("select version from updraft_migration");
    const applied = new Set(done.rows.map((r) => Number(r.version)));
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query("insert into updraft_migration (version, name) values ($1, $2)", [
        migration.version,
        migration.name,
      ]);
    }
    const all = [...applied, ...pending.map((m) => m.version)];
    return {
      applied: pending.map((m) => m.version),
      currentVersion: all.length === 0 ? 0 : Math.max(...all),
    };
  });
}

/** Drops every Updraft table and migrates again (`updraft db reset`). */
export async function resetDatabase(client: SqlClient): Promise<MigrationReport> {
  await client.transaction(async (tx) => {
    await tx.query("drop schema public cascade");
    await tx.query("create schema public");
  });
  return migrate(client);
}
