// The one environment schema: the only place Updraft reads process.env. Names follow Airflow
// (`AIRFLOW__CORE__DAGS_FOLDER`) with an `UPDRAFT_` twin that wins when both are set.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  UPDRAFT_DAGS_FOLDER: z.string().min(1, "expected a folder path").optional(),
  AIRFLOW__CORE__DAGS_FOLDER: z.string().min(1, "expected a folder path").optional(),
});

/** Configuration after validation. */
export interface Config {
  /** Folder the DAG files are read from. @default "./dags" */
  readonly dagsFolder: string;
}

/** Invalid configuration: one line per problem, naming the variable and what was expected. */
export class ConfigError extends Error {
  readonly code = "INVALID_CONFIG";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** Parses and validates the environment; throws ConfigError listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) =>
          `${issue.path.join(".")}: ${issue.message}, got ${JSON.stringify(env[String(issue.path[0])])}`,
      ),
    );
  const folder =
    parsed.data.UPDRAFT_DAGS_FOLDER ?? parsed.data.AIRFLOW__CORE__DAGS_FOLDER ?? "dags";
  return Object.freeze({ dagsFolder: path.resolve(cwd, folder) });
}
