// A Postgres database per test file (graphile's pattern): created from a migrated template, so
// each file starts from a clean, migrated schema in milliseconds, and dropped at the end.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server tests use: `UPDRAFT_TEST_PG_URL`, else the local server as `postgres`. */
export function testServerUrl(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  return env.UPDRAFT_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** A database of its own for one test file. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates `updraft_test_<random>` from the template `updraft_tpl_<templateKey>`, building the
 * template first (once per key, under an advisory lock so parallel jest workers agree) with
 * `prepare(url)` — typically "run the migrations". Change the key when the schema changes.
 */
export async function createTestDatabase(options: {
  templateKey: string;
  prepare: (url: string) => Promise<unknown>;
  serverUrl?: string;
}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? testServerUrl();
  const template = `updraft_tpl_${options.templateKey.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}`;
  const name = `updraft_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, async (admin) => {
    await admin.query("select pg_advisory_lock(hashtext($1))", [template]);
    try {
      const exists = await admin.query("select 1 from pg_database where datname = $1", [template]);
      if (exists.rowCount === 0) {
        await admin.query(`create database "${template}"`);
        try {
          await options.prepare(withDatabase(serverUrl, template));
        } catch (error) {
          await admin.query(`drop database if exists "${template}"`);
          throw error;
        }
      }
      await admin.query(`create database "${name}" template "${template}"`);
    } finally {
      await admin.query("select pg_advisory_unlock(hashtext($1))", [template]);
    }
  });
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () =>
      withAdmin(
        serverUrl,
        async (admin) => void (await admin.query(`drop database if exists "${name}" with (force)`)),
      ),
  };
}
