// The `updraft` command line: parses argv with commander and dispatches to the commands.
// Airflow-like verbs; exit codes are returned, never process.exit'ed, so tests can call it.
import { Command, CommanderError, Option } from "commander";
import { type Config, ConfigError, loadConfig } from "./config";
import {
  type Io,
  listDags,
  listImportErrors,
  loadDagBag,
  reportDags,
  showDag,
} from "./commands/dags";
import { checkDb, migrateDb, reserializeDags, resetDb } from "./commands/db";
import type { OutputFormat } from "./table";

/** The process surroundings the CLI needs. */
export interface CliEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly io: Io;
}

const outputOption = (): Option =>
  new Option("-o, --output <format>", "output format")
    .choices(["table", "json", "plain"])
    .default("table");

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment,
): Promise<number> {
  const { io } = environment;
  let config: Config;
  try {
    config = loadConfig(environment.env, environment.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) io.err(problem);
      return 2;
    }
    throw error;
  }
  let code = 0;
  const program = new Command("updraft")
    .description("Updraft: an Airflow-compatible DAG framework in TypeScript")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });
  const dags = program.command("dags").description("Inspect the DAGs of the DAGs folder");
  const subdir = (cmd: Command): Command =>
    cmd.option("-S, --subdir <folder>", "DAGs folder", config.dagsFolder);
  subdir(dags.command("list").description("List the DAGs").addOption(outputOption())).action(
    (o: { subdir: string; output: OutputFormat }) => {
      code = listDags(loadDagBag(o.subdir), o.output, io);
    },
  );
  subdir(
    dags
      .command("list-import-errors")
      .description("List the files that failed to import")
      .addOption(outputOption()),
  ).action((o: { subdir: string; output: OutputFormat }) => {
    code = listImportErrors(loadDagBag(o.subdir), o.output, io);
  });
  subdir(
    dags
      .command("report")
      .description("Show how long each DAG file takes to load")
      .addOption(outputOption()),
  ).action((o: { subdir: string; output: OutputFormat }) => {
    code = reportDags(loadDagBag(o.subdir), o.output, io);
  });
  subdir(
    dags
      .command("show")
      .description("Show a DAG's tasks and edges")
      .argument("<dag_id>")
      .option("--dot", "print Graphviz DOT"),
  ).action((dagId: string, o: { subdir: string; dot?: boolean }) => {
    code = showDag(loadDagBag(o.subdir), dagId, o.dot ?? false, io);
  });
  subdir(
    dags
      .command("reserialize")
      .description("Parse the DAGs folder and store every DAG in the metadata database"),
  ).action(async (o: { subdir: string }) => {
    code = await reserializeDags(config, o.subdir, io);
  });
  const db = program.command("db").description("Manage the metadata database");
  db.command("migrate")
    .description("Apply pending migrations")
    .action(async () => {
      code = await migrateDb(config, io);
    });
  db.command("reset")
    .description("Drop every table and migrate again")
    .option("-y, --yes", "do not ask")
    .action(async (o: { yes?: boolean }) => {
      code = await resetDb(config, o.yes ?? false, io);
    });
  db.command("check")
    .description("Check the database is reachable")
    .action(async () => {
      code = await checkDb(config, io);
    });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return code;
}
