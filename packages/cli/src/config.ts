// The one environment schema: the only place Updraft reads process.env. Names follow Airflow
// (`AIRFLOW__CORE__DAGS_FOLDER`) with an `UPDRAFT_` twin that wins when both are set.
import path from "node:path";
import { z } from "zod";

const folder = z.string().min(1, "expected a folder path");
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "expected a postgresql:// URL");

const schema = z.object({
  UPDRAFT_DAGS_FOLDER: folder.optional(),
  AIRFLOW__CORE__DAGS_FOLDER: folder.optional(),
  UPDRAFT_HOME: folder.optional(),
  AIRFLOW_HOME: folder.optional(),
  UPDRAFT_DATABASE_URL: postgresUrl.optional(),
  AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: postgresUrl.optional(),
});

/** Where the metadata lives: a Postgres server, or the embedded PGlite database. */
export type DatabaseConfig =
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "pglite"; readonly dataDir: string };

/** Configuration after validation. */
export interface Config {
  /** Folder the DAG files are read from. @default "./dags" */
  readonly dagsFolder: string;
  /** Updraft's own state folder (embedded database, logs). @default "./.updraft" */
  readonly home: string;
  /** @default embedded PGlite under `<home>/db` when no database URL is set */
  readonly database: DatabaseConfig;
}

/** Invalid configuration: one line per problem, naming the variable and what was expected. */
export class ConfigError extends Error {
  readonly code = "INVALID_CONFIG";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** Redacts the password of a URL for messages. */
function redact(value: string | undefined): string {
  return value === undefined
    ? "nothing"
    : JSON.stringify(value.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@"));
}

/** Parses and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}: ${issue.message}, got ${redact(env[name])}`;
      }),
    );
  const e = parsed.data;
  const home = path.resolve(cwd, e.UPDRAFT_HOME ?? e.AIRFLOW_HOME ?? ".updraft");
  const url = e.UPDRAFT_DATABASE_URL ?? e.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN;
  return Object.freeze({
    dagsFolder: path.resolve(cwd, e.UPDRAFT_DAGS_FOLDER ?? e.AIRFLOW__CORE__DAGS_FOLDER ?? "dags"),
    home,
    database: url
      ? { kind: "postgres" as const, url }
      : { kind: "pglite" as const, dataDir: path.join(home, "db") },
  });
}
